import CCmark

/// Pipe tables as an extension on cmark's tree: a paragraph whose source lines form a table
/// (see `PipeTableSyntax`) is replaced by custom nodes that print the table's tags, and each cell's
/// Markdown, parsed by cmark, is moved into the tree as the cell's inline nodes, so links, wiki links
/// and plain text inside cells are handled like any other.
///
///     custom block   <div class="table-wrap"><table> … </table></div>
///       custom block   <thead> … </thead>
///         custom block   <tr> … </tr>
///           custom inline   <th style="text-align:center"> (cell inlines) </th>
struct PipeTables {
    let source: SourceText
    let options: Int32

    /// Where a link, image or text node moved in from a cell comes from, since its own cmark position
    /// counts from the start of the cell. Recorded in document order.
    struct CellNodeSource {
        var node: CmarkNode
        var position: SourcePosition
        var text: TextSource?
    }

    /// Replaces each paragraph of `paragraphs` (in document order) that is a table, appending the
    /// sources of the nodes moved in from cells to `sources`, in document order. The cells of all
    /// tables are parsed as one cmark document, since each parse has a fixed cost.
    func replaceTables(among paragraphs: [CmarkNode], sources: inout [CellNodeSource]) {
        var tables: [(paragraph: CmarkNode, syntax: PipeTableSyntax, firstLine: Int)] = []
        for paragraph in paragraphs {
            if let (syntax, firstLine) = table(in: paragraph) { tables.append((paragraph, syntax, firstLine)) }
        }
        guard !tables.isEmpty else { return }

        var cells: [PipeTableSyntax.Cell] = []
        for table in tables {
            cells += table.syntax.header
            for row in table.syntax.rows { cells += row }
        }
        // Cells without Markdown syntax become text nodes; the others are parsed together.
        var parses: [CellParse] = cells.map { $0.isEmpty ? .empty : ($0.isPlainText ? .plainText : .separate) }
        var joined: [UInt8] = []
        var plain: [UInt8] = []
        var ranges: [Range<Int>] = []
        var parsed: [Int] = []
        ranges.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            if case .separate = parses[index] {
                if !parsed.isEmpty { joined += [UInt8(ascii: "\n"), UInt8(ascii: "\n")] }
                parsed.append(index)
                let start = joined.count
                cell.appendMarkdown(to: &joined)
                ranges.append(start..<joined.count)
            } else {
                let start = plain.count
                cell.appendMarkdown(to: &plain)
                ranges.append(start..<plain.count)
            }
        }
        let markdown = ranges.indices.map { index -> ArraySlice<UInt8> in
            if case .separate = parses[index] { return joined[ranges[index]] }
            return plain[ranges[index]]
        }

        func build() {
            var first = 0
            for table in tables {
                let count = table.syntax.alignments.count * (table.syntax.rows.count + 1)
                let range = first..<(first + count)
                first += count
                let recorded = sources.count
                guard let node = makeTable(table.syntax, cells: cells, markdown: markdown, parses: parses, range: range,
                                           firstLine: table.firstLine, sources: &sources),
                      table.paragraph.replaceAndFree(with: node) else {
                    // The table's nodes are gone: so must be what was recorded about them.
                    sources.removeLast(sources.count - recorded)
                    continue
                }
            }
        }
        guard !parsed.isEmpty else {
            build()
            return
        }
        let done: Void? = CmarkTree.withDocument(parsing: String(decoding: joined, as: UTF8.self), options: options) { root in
            for (position, parse) in Self.cellParses(of: root, count: parsed.count).enumerated() {
                parses[parsed[position]] = parse
            }
            build()
        }
        if done == nil { build() }
    }

    /// The table `paragraph` is written as, and the line of its header row.
    private func table(in paragraph: CmarkNode) -> (PipeTableSyntax, Int)? {
        guard paragraph.endLine > paragraph.startLine else { return nil }
        let first = InlinePositionTracker.contentFirstLine(of: paragraph, in: source)
        guard paragraph.endLine > first, isDelimiterCandidate(line: first + 1) else { return nil }
        var lines: [PipeTableSyntax.Line] = []
        lines.reserveCapacity(paragraph.endLine - first + 1)
        for number in first...paragraph.endLine {
            guard let text = source.line(number) else { return nil }
            let column = number == paragraph.startLine ? max(paragraph.startColumn, 1) : source.contentColumn(ofLine: number)
            lines.append(PipeTableSyntax.Line(bytes: text.dropFirst(column - 1), firstColumn: column))
        }
        return PipeTableSyntax(lines: lines).map { ($0, first) }
    }

    /// A cheap test before reading a paragraph as a table: its second line holds only `|:-` and blanks
    /// (and `>` of block quotes), with at least one `-`.
    private func isDelimiterCandidate(line number: Int) -> Bool {
        guard let text = source.line(number) else { return false }
        var dash = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): continue
            default: return false
            }
        }
        return dash
    }

    // MARK: Building the nodes

    /// How a cell's Markdown came out of the table's shared parse.
    private enum CellParse {
        case empty
        /// Text without Markdown syntax, which cmark would leave as it is.
        case plainText
        /// The paragraph holding the cell's inlines.
        case paragraph(CmarkNode)
        /// Not a lone paragraph (a block such as "1. x" or raw HTML): parsed again on its own.
        case separate
    }

    /// The table's nodes, with each cell's inlines (parsed in the shared document) moved in. The
    /// table's cells are `range` of the three lists (read in place: a list of the table's cells as
    /// tuples copied each cell's arrays, 30 M instructions at 10 000 records).
    private func makeTable(_ table: PipeTableSyntax, cells: [PipeTableSyntax.Cell], markdown: [ArraySlice<UInt8>],
                           parses: [CellParse], range: Range<Int>, firstLine: Int,
                           sources: inout [CellNodeSource]) -> CmarkNode? {
        let columnCount = table.alignments.count
        guard let wrapper = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, onEnter: CmarkTag.tableOpen,
                                                 onExit: CmarkTag.tableClose) else { return nil }
        var complete = false
        defer { if !complete { wrapper.free() } }

        guard let head = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, onEnter: CmarkTag.theadOpen, onExit: CmarkTag.theadClose),
              wrapper.append(head) else { return nil }
        var section = head
        var row: CmarkNode?
        for (index, cellIndex) in range.enumerated() {
            let column = index % columnCount
            let isHeader = index < columnCount
            if index == columnCount {
                guard let body = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, onEnter: CmarkTag.tbodyOpen,
                                                      onExit: CmarkTag.tbodyClose),
                      wrapper.append(body) else { return nil }
                section = body
            }
            if column == 0 {
                guard let newRow = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, onEnter: CmarkTag.trOpen,
                                                        onExit: CmarkTag.trClose),
                      section.append(newRow) else { return nil }
                row = newRow
            }
            let line = isHeader ? firstLine : firstLine + 1 + index / columnCount
            guard let row,
                  let node = makeCell(cells[cellIndex], markdown: markdown[cellIndex], parse: parses[cellIndex],
                                      open: isHeader ? table.alignments[column].headerOpen : table.alignments[column].dataOpen,
                                      close: isHeader ? CmarkTag.thClose : CmarkTag.tdClose, line: line, sources: &sources),
                  row.append(node) else { return nil }
        }
        complete = true
        return wrapper
    }

    /// Which paragraph of the shared document (cell `i` on line `2i + 1`, cells separated by blank
    /// lines) holds each cell. A cell whose line starts anything but a one-line paragraph, or is covered
    /// by a block running over several cells, is parsed on its own.
    private static func cellParses(of root: CmarkNode, count: Int) -> [CellParse] {
        var parses = [CellParse](repeating: .separate, count: count)
        var claimed = [Bool](repeating: false, count: count)
        var block = root.firstChild
        while let current = block {
            block = current.next
            let start = current.startLine
            let end = max(current.endLine, start)
            guard start >= 1 else { continue }
            let first = (start - 1) / 2
            guard first < count else { continue }
            if current.type == CMARK_NODE_PARAGRAPH, end == start, (start - 1) % 2 == 0, !claimed[first] {
                parses[first] = .paragraph(current)
                claimed[first] = true
            } else {
                for index in first...min((end - 1) / 2, count - 1) {
                    parses[index] = .separate
                    claimed[index] = true
                }
            }
        }
        return parses
    }

    /// A cell whose children are the inlines cmark parses from the cell's Markdown.
    private func makeCell(_ cell: PipeTableSyntax.Cell, markdown: ArraySlice<UInt8>, parse: CellParse, open: [CChar],
                          close: [CChar], line: Int, sources: inout [CellNodeSource]) -> CmarkNode? {
        guard let node = CmarkNode.makeCustom(CMARK_NODE_CUSTOM_INLINE, onEnter: open, onExit: close) else { return nil }
        switch parse {
        case .empty:
            return node
        case .plainText:
            // Bytes of the source, valid UTF-8 without NUL (`isPlainText`), copied in once.
            guard let text = CmarkNode.makeText(utf8: markdown), node.append(text) else {
                node.free()
                return nil
            }
            return node
        case let .paragraph(paragraph):
            Self.adopt(paragraph, markdown: markdown, columns: cell.columnMap, line: line, into: node, sources: &sources)
            return node
        case .separate:
            break
        }
        let columns = cell.columnMap
        switch graft(Array(markdown), columns: columns, line: line, into: node, sources: &sources) {
        case .grafted:
            return node
        case .otherBlocks:
            // Text that would start a block ("1. x", "# x", "- x", "> x") is inline text in a cell.
            if let index = markdown.firstIndex(where: Self.isASCIIPunctuation) {
                var escaped = Array(markdown)
                let offset = index - markdown.startIndex
                escaped.insert(UInt8(ascii: "\\"), at: offset)
                if graft(escaped, columns: columns.inserting(at: offset), line: line, into: node,
                         sources: &sources) == .grafted {
                    return node
                }
            }
        case .htmlBlock:
            break
        }
        // Raw HTML (or anything else cmark will not read as a paragraph) is rendered as cmark renders it.
        let html = CmarkTree.withDocument(parsing: String(decoding: markdown, as: UTF8.self), options: options) { root in
            CmarkTree.renderHTML(root, options: options)
        } ?? ""
        let openTag = String(decoding: open.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard node.setOnEnter(openTag + Self.strippingParagraph(html)) else {
            node.free()
            return nil
        }
        return node
    }

    private enum GraftResult {
        case grafted, htmlBlock, otherBlocks
    }

    /// Parses `markdown` on its own and moves the inlines of its single paragraph into `cell`.
    private func graft(_ markdown: [UInt8], columns: ColumnMap, line: Int, into cell: CmarkNode,
                       sources: inout [CellNodeSource]) -> GraftResult {
        CmarkTree.withDocument(parsing: String(decoding: markdown, as: UTF8.self), options: options) { root -> GraftResult in
            guard let block = root.firstChild, block.next == nil, block.type == CMARK_NODE_PARAGRAPH else {
                let only = root.firstChild.flatMap { $0.next == nil ? $0 : nil }
                return only?.type == CMARK_NODE_HTML_BLOCK ? .htmlBlock : .otherBlocks
            }
            Self.adopt(block, markdown: markdown[...], columns: columns, line: line, into: cell, sources: &sources)
            return .grafted
        } ?? .otherBlocks
    }

    /// Records where the link, image and text nodes of `paragraph` (parsed from one cell's `markdown`,
    /// alone on its line) come from, then moves them into `cell`.
    private static func adopt(_ paragraph: CmarkNode, markdown: ArraySlice<UInt8>, columns: ColumnMap, line: Int,
                              into cell: CmarkNode, sources: inout [CellNodeSource]) {
        let lineNumber = paragraph.startLine
        paragraph.walk { event, node in
            guard event == .enter else { return }
            let type = node.type
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_TEXT else { return }
            let offset = node.startColumn - 1
            guard offset >= 0, offset < markdown.count, node.startLine == lineNumber else { return }
            var entry = CellNodeSource(node: node, position: SourcePosition(line: line, byteColumn: columns.column(atOffset: offset)))
            if type == CMARK_NODE_TEXT {
                let end = min(node.endColumn, markdown.count)
                if end > offset {
                    let start = markdown.startIndex
                    entry.text = TextSource(line: line, bytes: markdown[(start + offset)..<(start + end)], columns: columns,
                                            mapOffset: offset)
                }
            }
            sources.append(entry)
        }
        paragraph.moveChildren(to: cell)
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    private static func strippingParagraph(_ html: String) -> String {
        var result = Substring(html)
        while result.last == "\n" { result = result.dropLast() }
        if result.hasPrefix("<p>"), result.hasSuffix("</p>") {
            result = result.dropFirst(3).dropLast(4)
        }
        return String(result)
    }
}

extension PipeTableSyntax.Alignment {
    /// The open tags of a header and a data cell, as C strings made once per alignment (made per
    /// table column by interpolation, they were 9 M instructions at 10 000 records).
    var headerOpen: [CChar] { Self.opens[tagIndex].header }
    var dataOpen: [CChar] { Self.opens[tagIndex].data }

    private var tagIndex: Int {
        switch self {
        case .none: 0
        case .left: 1
        case .center: 2
        case .right: 3
        }
    }

    private static let opens: [(header: [CChar], data: [CChar])] = [Self.none, .left, .center, .right].map {
        (Array("<th\($0.styleAttribute)>".utf8CString), Array("<td\($0.styleAttribute)>".utf8CString))
    }
}
