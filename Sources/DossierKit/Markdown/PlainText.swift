import CCmark

/// Text without markup, whitespace collapsed to single spaces: for the search index and for headings.
/// Text, code spans, code blocks and image descriptions count; raw HTML does not. Blocks, table cells
/// and line breaks separate words.
enum PlainText {
    /// The text of a whole tree.
    static func text(of root: CmarkNode) -> String {
        var text = CollapsedText()
        root.walk { _, node in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                node.withLiteralBytes { text.append($0) }
            case CMARK_NODE_CODE_BLOCK:
                text.breakWord()
                node.withLiteralBytes { text.append($0) }
                text.breakWord()
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CUSTOM_INLINE:
                text.breakWord()
            default:
                if node.isBlock { text.breakWord() }
            }
        }
        return text.string
    }

    /// The text of an inline container such as a heading.
    static func inlineText(of node: CmarkNode) -> String {
        text(of: node)
    }
}

/// Accumulates UTF-8 text, turning each run of ASCII whitespace into one space and dropping it at
/// both ends.
private struct CollapsedText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func breakWord() {
        pendingSpace = !bytes.isEmpty
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in buffer.indices where Self.isWhitespace(buffer[index]) {
            appendRun(UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            breakWord()
            runStart = index + 1
        }
        appendRun(UnsafeBufferPointer(rebasing: buffer[runStart...]))
    }

    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        if pendingSpace {
            bytes.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        bytes.append(contentsOf: run)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
