import CCmark

/// Text without markup, whitespace collapsed to single spaces: for the search index and for headings.
/// Text, code spans, code blocks and image descriptions count; raw HTML does not. Blocks, table cells
/// and line breaks separate words.
enum PlainText {
    /// The text of a whole tree.
    static func text(of root: CmarkNode) -> String {
        collect(root).string
    }

    /// `text(of:)` as UTF-8 bytes, in an array of their size: the collecting buffer grew by doubling,
    /// and keeping its spare capacity for every body of a 10k site added 7 MB to a build's peak memory.
    static func bytes(of root: CmarkNode) -> [UInt8] {
        let bytes = collect(root).bytes
        return Array(bytes[...])
    }

    /// The text of an inline container such as a heading.
    static func inlineText(of node: CmarkNode) -> String {
        text(of: node)
    }

    /// `inlineText` as UTF-8 bytes. A heading that is one text node (nearly all) is read without an
    /// iterator: walking it cost three closure calls and an iterator allocation per heading.
    static func inlineTextBytes(of node: CmarkNode) -> [UInt8] {
        if let child = node.firstChild, child.type == CMARK_NODE_TEXT, child.next == nil {
            var text = CollapsedText()
            child.withLiteralBytes { text.append($0) }
            return text.bytes
        }
        return collect(node).bytes
    }

    private static func collect(_ root: CmarkNode) -> CollapsedText {
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
        return text
    }
}

/// Accumulates UTF-8 text, turning each run of ASCII whitespace into one space and dropping it at
/// both ends.
private struct CollapsedText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func breakWord() {
        pendingSpace = !bytes.isEmpty
    }

    /// One pass writing into room made first (the excess dropped after): appending each word on its
    /// own paid an array append per word.
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard !buffer.isEmpty else { return }
        let start = bytes.count
        // At most every byte and one pending space (see `WhiteSpaceRuns.collapse`).
        bytes.append(contentsOf: repeatElement(0, count: buffer.count + 1))
        var pending = pendingSpace
        let written = bytes.withUnsafeMutableBufferPointer { out in
            WhiteSpaceRuns.collapse(buffer, into: out.baseAddress! + start, afterText: start > 0, pending: &pending,
                                    ideographicSpace: false)
        }
        pendingSpace = pending
        bytes.removeLast(buffer.count + 1 - written)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
