import CCmark

/// Where something starts in the Markdown body: cmark's 1-based line and 1-based byte column.
struct SourcePosition: Equatable {
    var line: Int
    var byteColumn: Int
}

/// Maps byte offsets of Markdown handed to cmark to byte columns of the source line it came from,
/// for text that was rearranged before parsing (table cells, with `\|` unescaped).
struct ColumnMap {
    /// From `offset` on, columns are `delta` further.
    struct Shift {
        var offset: Int
        var delta: Int
    }

    var firstColumn: Int
    var shifts: [Shift] = []

    func column(atOffset offset: Int) -> Int {
        var column = firstColumn + offset
        for shift in shifts where shift.offset <= offset {
            column += shift.delta
        }
        return column
    }

    /// The map of the same text with one byte inserted at `offset` (placed where the original byte was).
    func inserting(at offset: Int) -> ColumnMap {
        var moved = shifts.map { Shift(offset: $0.offset >= offset ? $0.offset + 1 : $0.offset, delta: $0.delta) }
        moved.append(Shift(offset: offset + 1, delta: -1))
        return ColumnMap(firstColumn: firstColumn, shifts: moved)
    }
}

/// The raw source bytes of a text node, so that syntax the author typed (`[[`) can be told apart
/// from what escapes and entities produce (`\[[`, `&#91;[`), which cmark has already decoded.
struct TextSource {
    var line: Int
    var bytes: ArraySlice<UInt8>
    /// Columns of the text `bytes` belong to, `bytes.first` being at offset `mapOffset`.
    var columns: ColumnMap
    var mapOffset = 0

    /// The byte column of the byte at `offset` from the start of `bytes`.
    func column(atOffset offset: Int) -> Int {
        columns.column(atOffset: mapOffset + offset)
    }
}

/// Computes the source positions of inline nodes, correcting cmark 0.30, whose inline positions are
/// only right on a block's first line: it does not count a line for backslash hard breaks, code spans,
/// raw HTML or link destinations that span lines, counts paragraph lines from the start of link
/// reference definitions the paragraph began with, and measures columns of continuation lines from
/// the block's first column (wrong for lazy or indented lines).
///
/// Lines are counted here: one per soft or hard break, plus the line endings inside raw HTML and code
/// spans (found in the source). Columns keep cmark's offsets within a line, re-anchored at each new
/// line on where its content really starts.
struct InlinePositionTracker {
    private let source: SourceText
    private var line = 0
    private var delta = 0
    private var anchor: Anchor?
    private var blockEndLine = 0

    private enum Anchor {
        /// The next node starts the line's content (after container markers and blanks).
        case contentStart
        /// The next node starts at this byte column.
        case column(Int)
    }

    init(source: SourceText) {
        self.source = source
    }

    /// Starts the inlines of a paragraph or heading.
    mutating func begin(block: CmarkNode) {
        let first = Self.contentFirstLine(of: block, in: source)
        line = first
        delta = 0
        anchor = first == block.startLine ? nil : .contentStart
        blockEndLine = max(block.endLine, first)
    }

    /// The position of `node`, an inline entered in document order inside the current block
    /// (every entered inline must be passed, since breaks move the line).
    mutating func position(of node: CmarkNode) -> SourcePosition? {
        let type = node.type
        if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
            line += 1
            anchor = .contentStart
            return nil
        }
        let cmarkColumn = node.startColumn
        guard node.startLine > 0, cmarkColumn > 0 else { return nil }
        if let pending = anchor {
            switch pending {
            case .contentStart: delta = source.contentColumn(ofLine: line) - cmarkColumn
            case let .column(column): delta = column - cmarkColumn
            }
            anchor = nil
        }
        let position = SourcePosition(line: line, byteColumn: max(1, cmarkColumn + delta))
        if type == CMARK_NODE_CODE {
            skipLines(ofCodeSpanAt: position)
        } else if type == CMARK_NODE_HTML_INLINE {
            skipLines(ofRawHTML: node)
        }
        return position
    }

    /// The raw source of a text node at `position`, when the node lies on one line.
    func textSource(of node: CmarkNode, at position: SourcePosition) -> TextSource? {
        let width = node.endColumn - node.startColumn + 1
        guard width > 0, node.endLine == node.startLine, let text = source.line(position.line) else { return nil }
        let start = text.startIndex + position.byteColumn - 1
        let end = min(start + width, text.endIndex)
        guard start >= text.startIndex, start < end else { return nil }
        return TextSource(line: position.line, bytes: text[start..<end], columns: ColumnMap(firstColumn: position.byteColumn))
    }

    // MARK: Line endings hidden inside one node

    private mutating func skipLines(ofCodeSpanAt position: SourcePosition) {
        guard let end = codeSpanEnd(contentAt: position), end.line > line else { return }
        line = end.line
        anchor = .column(end.column)
    }

    private mutating func skipLines(ofRawHTML node: CmarkNode) {
        guard let literal = node.withLiteralBytes({ Array($0) }),
              let lastBreak = literal.lastIndex(of: UInt8(ascii: "\n")) else { return }
        line += literal.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let tail = literal[(lastBreak + 1)...]
        let start = source.contentColumn(ofLine: line)
        if let text = source.line(line), let found = Self.firstRange(of: tail, in: text.dropFirst(start - 1)) {
            anchor = .column(found.upperBound - text.startIndex + 1)
        } else {
            anchor = .column(start + tail.count)
        }
    }

    /// Where the code span whose content starts at `position` ends: the line of its closing backticks
    /// and the byte column just after them. cmark places a code span at its content, after the opening
    /// backticks.
    private func codeSpanEnd(contentAt position: SourcePosition) -> (line: Int, column: Int)? {
        guard let text = source.line(position.line) else { return nil }
        let start = min(text.startIndex + position.byteColumn - 1, text.endIndex)
        var index = start - 1
        if index >= text.startIndex, text[index] == UInt8(ascii: " ") { index -= 1 }
        var ticks = 0
        while index >= text.startIndex, text[index] == UInt8(ascii: "`") {
            ticks += 1
            index -= 1
        }
        guard ticks > 0 else { return nil }
        var lineNumber = position.line
        var cursor = start
        while lineNumber <= blockEndLine, let current = source.line(lineNumber) {
            var i = max(cursor, current.startIndex)
            while i < current.endIndex {
                guard current[i] == UInt8(ascii: "`") else {
                    i += 1
                    continue
                }
                var run = 0
                while i < current.endIndex, current[i] == UInt8(ascii: "`") {
                    run += 1
                    i += 1
                }
                if run == ticks { return (lineNumber, i - current.startIndex + 1) }
            }
            lineNumber += 1
            cursor = 0
        }
        return nil
    }

    // MARK: Where a paragraph's text starts

    /// The first line of the block's inline content. A paragraph that begins with link reference
    /// definitions keeps their lines in cmark's position, though its text starts after them.
    static func contentFirstLine(of block: CmarkNode, in source: SourceText) -> Int {
        let start = block.startLine
        guard block.type == CMARK_NODE_PARAGRAPH, block.endLine > start,
              let text = source.line(start), startsReferenceDefinition(text.dropFirst(max(block.startColumn - 1, 0)))
        else { return start }
        var breaks = 0
        block.walk { event, node in
            guard event == .enter else { return }
            switch node.type {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                breaks += 1
            case CMARK_NODE_HTML_INLINE:
                breaks += node.withLiteralBytes { $0.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } } ?? 0
            default:
                break
            }
        }
        return max(start, block.endLine - breaks)
    }

    /// Whether `text` opens a link reference definition: `[label]:`.
    private static func startsReferenceDefinition(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        var spaces = 0
        while index < text.endIndex, text[index] == UInt8(ascii: " "), spaces < 3 {
            index += 1
            spaces += 1
        }
        guard index < text.endIndex, text[index] == UInt8(ascii: "[") else { return false }
        index += 1
        while index < text.endIndex {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                return false
            case UInt8(ascii: "]"):
                let colon = index + 1
                return colon < text.endIndex && text[colon] == UInt8(ascii: ":")
            default:
                index += 1
            }
        }
        return false
    }

    static func firstRange(of needle: ArraySlice<UInt8>, in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[needle.startIndex]
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
