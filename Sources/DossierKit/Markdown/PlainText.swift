import CCmark

/// Text without markup, whitespace collapsed to single spaces: for the search index and for headings.
/// Text, code spans, code blocks and image descriptions count; raw HTML does not. Blocks, table cells
/// and line breaks separate words.
enum PlainText {
    /// The text of a whole tree.
    static func text(of root: CmarkNode) -> String {
        collect(root).string
    }

    /// A body's text for the search index, as UTF-8 bytes in an array of their size (keeping the
    /// collecting buffer's spare capacity for every body of a 10k site added 7 MB to a build's peak
    /// memory). Collapsed as the index collapses all its texts: U+3000 (the ideographic space) counts
    /// as white space here too, so the index takes the bytes as they are (checking 20 MB of bodies
    /// for it was 77 M instructions of a 10k build).
    static func bytes(of root: CmarkNode) -> [UInt8] {
        collect(root, ideographicSpace: true).bytes
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

    private static func collect(_ root: CmarkNode, ideographicSpace: Bool = false) -> CollapsedText {
        var text = CollapsedText(ideographicSpace: ideographicSpace)
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

/// Accumulates UTF-8 text, turning each run of ASCII whitespace (and U+3000 with `ideographicSpace`)
/// into one space and dropping it at both ends.
private struct CollapsedText {
    let ideographicSpace: Bool
    /// Room to write into: `used` bytes are text, the rest is scratch (zeros or old text).
    private var storage: [UInt8] = []
    private var used = 0
    private var pendingSpace = false

    init(ideographicSpace: Bool = false) {
        self.ideographicSpace = ideographicSpace
    }

    /// The text, in an array of its size.
    var bytes: [UInt8] { Array(storage[..<used]) }

    mutating func breakWord() {
        pendingSpace = used > 0
    }

    /// One pass writing into room made first (the excess is left as scratch): appending each word on
    /// its own paid an array append per word, and making the room on each call (appending zeros, then
    /// removing what was not written) cost 350 instructions per text node, 70 M at 10 000 records.
    /// The room grows by doubling, so a body's text is grown into a dozen times at most.
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard !buffer.isEmpty else { return }
        // At most every byte and one pending space (see `WhiteSpaceRuns.collapse`).
        let needed = used + buffer.count + 1
        if needed > storage.count {
            // New zeros set in one go, the text so far copied in: appending a run of zeros to the old
            // buffer went byte by byte (53 M instructions at 10 000 records).
            var grown = [UInt8](repeating: 0, count: max(needed, 2 * storage.count, 256))
            grown.withUnsafeMutableBufferPointer { target in
                storage.withUnsafeBufferPointer { source in
                    if used > 0 { target.baseAddress!.update(from: source.baseAddress!, count: used) }
                }
            }
            storage = grown
        }
        let start = used
        var pending = pendingSpace
        used += storage.withUnsafeMutableBufferPointer { out in
            WhiteSpaceRuns.collapse(buffer, into: out.baseAddress! + start, afterText: start > 0, pending: &pending,
                                    ideographicSpace: ideographicSpace)
        }
        pendingSpace = pending
    }

    var string: String { storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<used]), as: UTF8.self) } }
}
