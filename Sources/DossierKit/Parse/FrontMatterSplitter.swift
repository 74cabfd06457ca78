import Foundation

/// Splits a content file into its YAML front matter and its Markdown body, keeping line numbers:
/// the YAML starts on line 2 of the file and the body on the line after the closing `---`.
/// A UTF-8 byte-order mark and CRLF line endings are accepted and normalised.
public struct FrontMatterSplitter: Sendable {
    public struct Split: Sendable, Equatable {
        public var yaml: String
        /// 1-based file line of the YAML's first line.
        public var yamlFirstLine: Int
        public var body: String
        /// 1-based file line of the body's first line.
        public var bodyFirstLine: Int
    }

    public enum Failure: Sendable, Equatable {
        case empty
        case missingOpening
        case unterminated(openingLine: Int)
    }

    public init() {}

    public func split(_ text: String) -> Result<Split, FailureBox> {
        var source = text
        if source.utf8.first == 0xEF, source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        if Self.containsCR(&source) {
            source = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let found = source.withUTF8(Self.locate)
        // The parts are cut at line breaks of valid UTF-8, so they are copied as Substrings, without
        // decoding again (`String(decoding:)` validated each part: 2.5 % of `dossier check`).
        return found.map { parts in
            let utf8 = source.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return Split(yaml: String(source[index(parts.yaml.lowerBound)..<index(parts.yaml.upperBound)]), yamlFirstLine: 2,
                         body: String(source[index(parts.body)...]), bodyFirstLine: parts.bodyFirstLine)
        }
    }

    /// Where the parts of a text are, as byte offsets.
    struct Parts {
        var yaml: Range<Int>
        /// The body runs from here to the end.
        var body: Int
        var bodyFirstLine: Int
    }

    /// The parts of `bytes`, UTF-8 text with `\n` line ends and no byte-order mark (see `split`).
    /// Bytes, not Characters: a file is scanned once, without grapheme breaking.
    static func locate(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parts, FailureBox> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) { return .failure(FailureBox(.empty)) }
        guard let firstEnd = fenceEnd(bytes, from: 0, fence: 0x2D) else { return .failure(FailureBox(.missingOpening)) }
        var lineStart = firstEnd + 1
        var lineNumber = 2
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if fenceEnd(bytes, from: lineStart, fence: 0x2D) != nil || fenceEnd(bytes, from: lineStart, fence: 0x2E) != nil {
                let yamlEnd = max(firstEnd + 1, lineStart - 1)
                return .success(Parts(yaml: (firstEnd + 1)..<yamlEnd, body: min(lineEnd + 1, bytes.count),
                                      bodyFirstLine: lineNumber + 1))
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return .failure(FailureBox(.unterminated(openingLine: 1)))
    }

    /// `memchr` over the bytes: `utf8.contains` went byte by byte, 3 % of `dossier check`.
    private static func containsCR(_ text: inout String) -> Bool {
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0D, bytes.count) != nil
        }
    }

    /// If the line starting at `start` is three `fence` bytes (`---` or `...`) and trailing spaces or
    /// tabs, the offset of its end (its newline, or the end of the text).
    private static func fenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, fence: UInt8) -> Int? {
        guard start + 3 <= bytes.count, bytes[start] == fence, bytes[start + 1] == fence, bytes[start + 2] == fence else { return nil }
        var i = start + 3
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i == bytes.count || bytes[i] == 0x0A ? i : nil
    }

    /// `Result` needs an `Error`; the failure itself stays a plain value.
    public struct FailureBox: Error, Sendable, Equatable {
        public let failure: Failure
        public init(_ failure: Failure) { self.failure = failure }
    }
}
