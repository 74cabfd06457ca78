import CCmark

/// Prepares a freshly parsed tree for the later steps: turns table paragraphs into tables, then, in one
/// walk, follows the source position of inline nodes and collects, in document order, the nodes that
/// may be links and the headings.
struct DocumentScan {
    let source: SourceText
    let options: Int32
    /// Whether tables without links are built too. Off when nothing is rendered (`dossier check`):
    /// a paragraph with no `[`, `<` or `&` yields no link candidate, read as a table or not, and building
    /// the quarter of bodies' tables that have none was 3 % of `dossier check`.
    let buildsLinkFreeTables: Bool
    /// Whether the inlines of paragraphs and headings without `[`, `<` or `&` are skipped (they hold
    /// no link candidate); off only for tests comparing with the full walk.
    var prunesLinkFreeBlocks = true
    private(set) var candidates: [LinkCandidate] = []
    private(set) var headings: [CmarkNode] = []

    init(source: SourceText, options: Int32, buildsLinkFreeTables: Bool = true) {
        self.source = source
        self.options = options
        self.buildsLinkFreeTables = buildsLinkFreeTables
    }

    mutating func run(_ root: CmarkNode) {
        var cellSources: [PipeTables.CellNodeSource] = []
        var paragraphs = Self.multiLineParagraphs(in: root)
        if !buildsLinkFreeTables {
            paragraphs.removeAll { !source.mayHoldLink(lines: $0.startLine, through: $0.endLine) }
        }
        PipeTables(source: source, options: options).replaceTables(among: paragraphs, sources: &cellSources)
        var nextCellSource = 0
        var tracker = InlinePositionTracker(source: source)
        var blockStart = SourcePosition(line: 1, byteColumn: 1)
        var insideTrackedBlock = false
        var linkDepth = 0

        root.prunedWalk({ event, node in
            let type = node.type
            if event == .exit {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                    insideTrackedBlock = false
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    linkDepth -= 1
                }
                return true
            }
            if node.isBlock {
                if node.startLine > 0 {
                    blockStart = SourcePosition(line: node.startLine, byteColumn: max(node.startColumn, 1))
                }
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                    if type == CMARK_NODE_HEADING { headings.append(node) }
                    // A paragraph or heading without `[`, `<` or `&` in its lines holds no link
                    // candidate: its inlines are skipped (the inline walk was 7 % of `dossier check`).
                    // Only blocks of the parsed text: a table's cells are custom inlines, never below.
                    guard !prunesLinkFreeBlocks || source.mayHoldLink(lines: node.startLine, through: node.endLine) else {
                        return false
                    }
                    tracker.begin(block: node)
                    insideTrackedBlock = true
                }
                return true
            }

            // An inline node: in a paragraph or heading, or moved into a table cell.
            var position: SourcePosition?
            var cellText: TextSource?
            if insideTrackedBlock {
                position = tracker.position(of: node)
            } else if nextCellSource < cellSources.count, cellSources[nextCellSource].node == node {
                position = cellSources[nextCellSource].position
                cellText = cellSources[nextCellSource].text
                nextCellSource += 1
            }
            switch type {
            case CMARK_NODE_LINK:
                linkDepth += 1
                candidates.append(.link(node, position ?? blockStart))
            case CMARK_NODE_IMAGE:
                linkDepth += 1
                candidates.append(.image(node, position ?? blockStart))
            case CMARK_NODE_TEXT:
                guard linkDepth == 0, node.withLiteralBytes(WikiLinks.mayContainWikiLink) == true else { return true }
                let start = position ?? blockStart
                let text = insideTrackedBlock ? tracker.textSource(of: node, at: start) : cellText
                candidates.append(.wikiText(node, start, text))
            default:
                break
            }
            return true
        })
    }

    /// The paragraphs over more than one line (those that may be tables), in document order, found
    /// without visiting inline nodes.
    private static func multiLineParagraphs(in root: CmarkNode) -> [CmarkNode] {
        var paragraphs: [CmarkNode] = []
        var stack: [CmarkNode] = []
        var node: CmarkNode? = root.firstChild
        while let current = node {
            switch current.type {
            case CMARK_NODE_PARAGRAPH:
                if current.endLine > current.startLine { paragraphs.append(current) }
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                if let child = current.firstChild {
                    if let next = current.next { stack.append(next) }
                    node = child
                    continue
                }
            default:
                break
            }
            node = current.next ?? stack.popLast()
        }
        return paragraphs
    }
}
