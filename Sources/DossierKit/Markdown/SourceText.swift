import Foundation

/// The Markdown body as UTF-8 bytes split into lines the way cmark splits them (`\n`, `\r\n` or `\r`),
/// so that cmark's line and byte-column numbers can be looked up.
struct SourceText {
    let bytes: [UInt8]
    /// For each line (index = cmark line - 1): the byte range without its line ending.
    private let lines: [Range<Int>]

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        lines = bytes.withUnsafeBufferPointer(Self.lineRanges)
    }

    /// The lines of `bytes` as cmark splits them. Without a `\r` anywhere (nearly every file), the
    /// line ends are found with `memchr`: the byte-by-byte loop was 1.5 % of `dossier check`.
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var lines: [Range<Int>] = []
        var start = 0
        if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil {
            while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                lines.append(start..<end)
                start = end + 1
            }
            if start < bytes.count { lines.append(start..<bytes.count) }
            return lines
        }
        return lineRangesByByte(bytes)
    }

    /// `lineRanges` for any line ends, one byte at a time.
    static func lineRangesByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    var lineCount: Int { lines.count }

    /// Whether cmark lines `first` through `last` hold a byte that may start a link, an image, a
    /// wiki link or an entity standing for `[`: `[`, `<` or `&`. True when the lines are not all there.
    func mayHoldLink(lines first: Int, through last: Int) -> Bool {
        guard first >= 1, last >= first, last <= lines.count else { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            Self.holdsLinkByte(UnsafeBufferPointer(rebasing: buffer[lines[first - 1].lowerBound..<lines[last - 1].upperBound]))
        }
    }

    /// Whether `bytes` hold `[`, `<` or `&`: three `memchr` (vectorised) over a paragraph cost less than
    /// one pass comparing each byte, or eight at a time (that pass was 50 M instructions of `dossier
    /// check` at 10k, as much as the inline walk it saves).
    static func holdsLinkByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil
            || memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
            || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil
    }

    /// The bytes of cmark line `number` (1-based), without its line ending; nil outside the text.
    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lines.count else { return nil }
        return bytes[lines[number - 1]]
    }

    /// The 1-based byte column where the line's content starts once container markers are stripped:
    /// the first byte that is neither blank nor a block-quote `>`. Continuation lines of a paragraph
    /// never start with `>` (that would open a block quote), so this finds their text even in lazy lines.
    func contentColumn(ofLine number: Int) -> Int {
        guard let line = line(number) else { return 1 }
        var offset = 0
        for byte in line {
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ">") else { break }
            offset += 1
        }
        return offset + 1
    }

    /// Turns a 1-based byte column of line `number` into a 1-based column counted in characters
    /// (Unicode scalars), which is what editors show.
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard let line = line(number) else { return max(byteColumn, 1) }
        let end = min(max(byteColumn - 1, 0), line.count)
        var column = 1
        for byte in line.prefix(end) where byte & 0xC0 != 0x80 {
            column += 1
        }
        // Columns past the end of the line (cmark counts a final position there) stay proportional.
        return column + max(byteColumn - 1 - line.count, 0)
    }

    /// `characterColumn(line:byteColumn:)` for positions met in document order: counting resumes
    /// where the previous look-up on the same line stopped, so many links on one long line cost one
    /// pass over it instead of one pass each (found by the fuzz target, Fuzz/regressions/).
    struct ColumnCursor {
        private var line = 0
        private var end = 0
        private var scalars = 0

        init() {}

        mutating func characterColumn(in source: SourceText, line number: Int, byteColumn: Int) -> Int {
            guard let text = source.line(number) else { return max(byteColumn, 1) }
            let end = min(max(byteColumn - 1, 0), text.count)
            if number != line || end < self.end {
                line = number
                self.end = 0
                scalars = 0
            }
            for byte in text[(text.startIndex + self.end)..<(text.startIndex + end)] where byte & 0xC0 != 0x80 {
                scalars += 1
            }
            self.end = end
            return scalars + 1 + max(byteColumn - 1 - text.count, 0)
        }
    }
}
