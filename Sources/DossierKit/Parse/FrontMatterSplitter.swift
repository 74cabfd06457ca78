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
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        if source.contains("\r") {
            source = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if source.allSatisfy({ $0.isWhitespace }) { return .failure(FailureBox(.empty)) }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else { return .failure(FailureBox(.missingOpening)) }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            if isFence(line) || line.trimmingTrailingSpaces() == "..." {
                return .success(Split(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                      body: lines.joined(separator: "\n"), bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(FailureBox(.unterminated(openingLine: 1)))
    }

    private func isFence(_ line: Substring) -> Bool { line.trimmingTrailingSpaces() == "---" }

    /// `Result` needs an `Error`; the failure itself stays a plain value.
    public struct FailureBox: Error, Sendable, Equatable {
        public let failure: Failure
        public init(_ failure: Failure) { self.failure = failure }
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
