import CCmark

/// A node that may hold a link, met while walking the tree, in document order.
enum LinkCandidate {
    case link(CmarkNode, SourcePosition)
    case image(CmarkNode, SourcePosition)
    /// A text node outside links whose literal contains `[[`.
    case wikiText(CmarkNode, SourcePosition, TextSource?)
}

/// Records the links of a body in document order: turns wiki links into link nodes, classifies each
/// destination (`LinkDestination`) and points links to content files at `dossier-link:N`.
/// Images are recorded only when they point at a `.md` file, and their `src` is left as written.
struct LinkCollector {
    let source: SourceText
    /// The file line of the body's first line.
    let firstLine: Int

    /// Whether links to content files get `dossier-link:N` as their destination. Off when nothing is
    /// rendered (`dossier check`). Wiki links are turned into link nodes either way: a heading's text
    /// (and so its anchor) is read after that.
    let rewritesURLs: Bool
    private(set) var links: [MarkdownLink] = []
    private var columns = SourceText.ColumnCursor()

    init(source: SourceText, firstLine: Int, rewritesURLs: Bool = true) {
        self.source = source
        self.firstLine = firstLine
        self.rewritesURLs = rewritesURLs
    }

    mutating func collect(_ candidates: [LinkCandidate]) {
        for candidate in candidates {
            switch candidate {
            case let .link(node, position):
                guard let target = LinkDestination.target(of: node.url) else { continue }
                record(target, at: position, rewriting: node)
            case let .image(node, position):
                guard let target = LinkDestination.target(of: node.url), case .contentPath = target else { continue }
                record(target, at: position, rewriting: nil)
            case let .wikiText(node, position, textSource):
                collectWikiLinks(in: node, at: position, source: textSource)
            }
        }
    }

    private mutating func collectWikiLinks(in text: CmarkNode, at position: SourcePosition, source textSource: TextSource?) {
        guard let literal = text.withLiteralBytes({ Array($0) }) else { return }
        let found = WikiLinks.find(literal: literal, source: textSource?.bytes)
        guard !found.isEmpty else { return }
        // Without rendering, only a heading's wiki links must become link nodes (its anchor is made
        // from its text afterwards); expanding every other one too was 2 % of `dossier check`.
        let nodes: [CmarkNode?] = rewritesURLs || Self.isInHeading(text)
            ? WikiLinks.expand(text, literal: literal, links: found)
            : Array(repeating: nil, count: found.count)
        for (node, wiki) in zip(nodes, found) {
            let column = textSource?.column(atOffset: wiki.sourceOffset) ?? position.byteColumn + wiki.literalRange.lowerBound
            let line = textSource?.line ?? position.line
            record(.contentID(id: wiki.id, anchor: wiki.anchor), at: SourcePosition(line: line, byteColumn: column),
                   rewriting: node)
        }
    }

    /// Whether the inline `node` belongs to a heading (and not to a paragraph or a table cell).
    private static func isInHeading(_ node: CmarkNode) -> Bool {
        var current = node.parent
        while let block = current, !block.isBlock { current = block.parent }
        return current?.type == CMARK_NODE_HEADING
    }

    /// Appends the link; a link to a content file gets `dossier-link:N` as its destination.
    private mutating func record(_ target: MarkdownLink.Target, at position: SourcePosition, rewriting node: CmarkNode?) {
        let index = links.count
        let column = columns.characterColumn(in: source, line: position.line, byteColumn: position.byteColumn)
        links.append(MarkdownLink(target: target, line: position.line + firstLine - 1, column: column))
        guard let node, rewritesURLs else { return }
        switch target {
        case .contentPath, .contentID: node.setURL("dossier-link:\(index)")
        case .anchor, .external: break
        }
    }
}
