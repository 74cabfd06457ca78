/// The syntax of a GitHub-style pipe table, read from a paragraph's source lines:
///
///     | Role | Owner | Due |
///     | :--- | :---: | --: |
///     | QA   | Ana   | 3 d |
///
/// The second line is the delimiter row; the header row must have as many cells. Leading and
/// trailing pipes are optional, `\|` is a pipe inside a cell (so is the bar of a wiki link
/// `[[ID|label]]`, unlike on GitHub, which needs `\|` there too), body rows with fewer cells are
/// padded and extra cells dropped.
struct PipeTableSyntax {
    enum Alignment: Equatable {
        case none, left, center, right

        /// The `style` attribute for a header or data cell.
        var styleAttribute: String {
            switch self {
            case .none: ""
            case .left: " style=\"text-align:left\""
            case .center: " style=\"text-align:center\""
            case .right: " style=\"text-align:right\""
            }
        }
    }

    /// One cell: its trimmed source (a slice of the line, not a copy) and the backslashes of `\|`
    /// that its Markdown leaves out.
    struct Cell: Equatable {
        var source: ArraySlice<UInt8>
        /// Byte column of `source.startIndex`.
        var firstColumn: Int
        /// Indices (in `source`) of backslashes dropped from `\|`, ascending.
        var droppedBackslashes: [Int] = []

        static func empty(column: Int) -> Cell {
            Cell(source: [], firstColumn: column)
        }

        var isEmpty: Bool { source.isEmpty }

        /// Whether the cell holds no character with a meaning in inline Markdown, so that cmark would
        /// keep it as it is (block syntax such as "1." or "#" means nothing inside a cell).
        var isPlainText: Bool {
            !source.contains { byte in
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"), 0:
                    true
                default:
                    false
                }
            }
        }

        /// Appends the cell's Markdown (the source without the dropped backslashes) to `text`.
        func appendMarkdown(to text: inout [UInt8]) {
            guard !droppedBackslashes.isEmpty else {
                text.append(contentsOf: source)
                return
            }
            var start = source.startIndex
            for dropped in droppedBackslashes {
                text.append(contentsOf: source[start..<dropped])
                start = dropped + 1
            }
            text.append(contentsOf: source[start...])
        }

        var markdown: [UInt8] {
            var text: [UInt8] = []
            text.reserveCapacity(source.count)
            appendMarkdown(to: &text)
            return text
        }

        /// Where the Markdown's bytes come from in the source line.
        var columnMap: ColumnMap {
            ColumnMap(firstColumn: firstColumn, shifts: droppedBackslashes.enumerated().map { count, index in
                // The Markdown byte that follows the n-th dropped backslash sits one column further.
                ColumnMap.Shift(offset: index - source.startIndex - count, delta: 1)
            })
        }
    }

    /// One source line of the paragraph: its bytes after container markers, and the byte column of
    /// the first of them.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var firstColumn: Int
    }

    var alignments: [Alignment]
    var header: [Cell]
    /// Body rows, each with exactly `alignments.count` cells.
    var rows: [[Cell]]

    /// The table written in `lines`, or nil when they are not one.
    init?(lines: [Line]) {
        guard lines.count >= 2 else { return nil }
        guard lines[0].bytes.contains(UInt8(ascii: "|")) || lines[1].bytes.contains(UInt8(ascii: "|")),
              let alignments = Self.alignments(of: Self.cells(of: lines[1])) else { return nil }
        let header = Self.cells(of: lines[0])
        guard header.count == alignments.count else { return nil }
        self.alignments = alignments
        self.header = header
        rows = lines.dropFirst(2).map { line in
            var cells = Self.cells(of: line)
            if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
            while cells.count < alignments.count { cells.append(.empty(column: line.firstColumn + line.bytes.count)) }
            return cells
        }
    }

    /// The alignments a delimiter row declares, or nil when the row is not a delimiter row.
    static func alignments(of cells: [Cell]) -> [Alignment]? {
        guard !cells.isEmpty else { return nil }
        var result: [Alignment] = []
        result.reserveCapacity(cells.count)
        for cell in cells {
            var text = cell.source
            let left = text.first == UInt8(ascii: ":")
            if left { text = text.dropFirst() }
            let right = text.last == UInt8(ascii: ":")
            if right { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (left, right) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(.none)
            }
        }
        return result
    }

    /// Splits a row at its unescaped pipes.
    static func cells(of line: Line) -> [Cell] {
        let bytes = line.bytes
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { return [] }

        var cells: [Cell] = []
        var cellStart = start
        var dropped: [Int] = []
        var index = start
        if bytes[index] == UInt8(ascii: "|") {
            index += 1
            cellStart = index
        }
        func finishCell(at cellEnd: Int) {
            var first = cellStart
            var last = cellEnd
            while first < last, isBlank(bytes[first]) { first += 1 }
            while last > first, isBlank(bytes[last - 1]) { last -= 1 }
            cells.append(Cell(source: bytes[first..<last], firstColumn: line.firstColumn + first - bytes.startIndex,
                              droppedBackslashes: dropped))
            dropped = []
        }
        var endedWithPipe = false
        while index < end {
            let byte = bytes[index]
            endedWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                if bytes[index + 1] == UInt8(ascii: "|") { dropped.append(index) }
                index += 2
            } else if byte == UInt8(ascii: "["), let close = wikiLinkEnd(in: bytes, from: index, before: end) {
                // A wiki link's label bar `[[ID|label]]` does not split the cell.
                for inner in index..<close where bytes[inner] == UInt8(ascii: "\\") && bytes[inner + 1] == UInt8(ascii: "|") {
                    dropped.append(inner)
                }
                index = close
            } else if byte == UInt8(ascii: "|") {
                finishCell(at: index)
                index += 1
                cellStart = index
                endedWithPipe = true
            } else {
                index += 1
            }
        }
        if !endedWithPipe { finishCell(at: end) }
        return cells
    }

    /// The index just after the `]]` of a wiki link starting at `start`, if one does.
    private static func wikiLinkEnd(in bytes: ArraySlice<UInt8>, from start: Int, before end: Int) -> Int? {
        guard start + 1 < end, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var index = start + 2
        while index + 1 < end {
            switch bytes[index] {
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return bytes[index + 1] == UInt8(ascii: "]") && index > start + 2 ? index + 2 : nil
            default: index += 1
            }
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
