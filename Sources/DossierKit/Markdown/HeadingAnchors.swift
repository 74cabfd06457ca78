import CCmark

/// Gives every heading a stable, unique `id`. cmark's renderer prints `<h2>` without attributes, so
/// each heading is replaced by custom nodes that print `<h2 id="slug">` and `</h2>` around the
/// heading's own inline nodes (moved, not re-rendered, so links inside headings still work):
///
///     custom block (prints nothing, keeps the heading a block)
///       custom inline   <h2 id="slug"> (the heading's inlines) </h2>
struct HeadingAnchors {
    /// The file line of the body's first line.
    let firstLine: Int
    private var anchors = HeadingAnchorSet()
    /// Whether headings are replaced by their anchored version. Off when nothing is rendered
    /// (`dossier check`): the custom nodes and their tag strings are allocations nobody reads then.
    let rewritesTree: Bool
    private(set) var headings: [MarkdownHeading] = []

    init(firstLine: Int, rewritesTree: Bool = true) {
        self.firstLine = firstLine
        self.rewritesTree = rewritesTree
    }

    /// Records `heading` and, when the tree is rewritten, replaces it with its anchored version.
    mutating func anchor(_ heading: CmarkNode) {
        let level = min(max(heading.headingLevel, 1), 6)
        let textBytes = PlainText.inlineTextBytes(of: heading)
        let text = String(decoding: textBytes, as: UTF8.self)
        let anchorBytes = anchors.unique(HeadingSlug.slugBytes(forUTF8: textBytes, text: text))
        let anchor = String(decoding: anchorBytes, as: UTF8.self)
        // A body has a few headings: room for four at once instead of growing 1, 2, 4.
        if headings.isEmpty { headings.reserveCapacity(4) }
        headings.append(MarkdownHeading(level: level, text: text, anchor: anchor, line: heading.startLine + firstLine - 1))
        guard rewritesTree else { return }

        // The slug holds only letters, digits, marks, `-` and `_`: nothing to escape in an attribute.
        var open: [CChar] = []
        open.reserveCapacity(anchorBytes.count + 12)
        for byte in "<h\(level) id=\"".utf8 { open.append(CChar(bitPattern: byte)) }
        for byte in anchorBytes { open.append(CChar(bitPattern: byte)) }
        open += [CChar(bitPattern: UInt8(ascii: "\"")), CChar(bitPattern: UInt8(ascii: ">")), 0]
        guard let block = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, onEnter: CmarkTag.none, onExit: CmarkTag.none)
        else { return }
        guard let tag = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_INLINE, onEnter: open, onExit: CmarkTag.headingClose[level]),
              block.append(tag) else {
            block.free()
            return
        }
        guard heading.replace(with: block) else { return }
        heading.moveChildren(to: tag)
        heading.free()
    }
}
