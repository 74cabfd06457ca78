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
        // Made of constant pieces and the anchor's bytes appended whole: interpolating the level and
        // appending byte by byte was a sixth of this function (35 M instructions of a 10k build).
        var open = CmarkTag.headingOpenStart[level]
        open.reserveCapacity(open.count + anchorBytes.count + CmarkTag.headingOpenEnd.count)
        anchorBytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open.append(contentsOf: $0) } }
        open.append(contentsOf: CmarkTag.headingOpenEnd)
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
