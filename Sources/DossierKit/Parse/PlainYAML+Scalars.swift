/// `PlainYAML`'s scalars: plain (block context), quoted on one line, and literal or folded blocks.
extension PlainYAML {
    /// A plain scalar in block context: up to a comment or the end of the line.
    func blockPlain(from start: Int, to end: Int) -> String? {
        guard startsPlain(at: start, end: end, flow: false) else { return nil }
        var stop = end
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == 0x23, bytes[i - 1] == 0x20 { stop = i; break }        // " #" starts a comment
            if byte == 0x3A, i + 1 == end || bytes[i + 1] == 0x20 { return nil }  // ": " would be a map
            if byte == 0x09 { return nil }
            i += 1
        }
        return text(start, trimmedEnd(start, stop))
    }

    /// Whether a plain scalar may start at `start`: not with an indicator, as YAML says.
    func startsPlain(at start: Int, end: Int, flow: Bool) -> Bool {
        let byte = bytes[start]
        switch byte {
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return false                                            // , [ ] { } # & * ! | > ' " % @ `
        case 0x2D, 0x3F, 0x3A:                                      // - ? : need a following non-space
            guard start + 1 < end else { return false }
            let next = bytes[start + 1]
            if next == 0x20 || next == 0x09 { return false }
            if flow && (next == 0x2C || next == 0x5B || next == 0x5D || next == 0x7B || next == 0x7D) { return false }
            return byte == 0x2D                                     // `?x` and `:x` are left to libyaml
        default:
            return true
        }
    }

    /// A one-line quoted scalar starting at `cursor`; escapes and line breaks are left to libyaml.
    func quoted(_ cursor: inout Int, end: Int) throws -> String {
        let quote = bytes[cursor]
        var i = cursor + 1
        var result: [UInt8] = []
        while i < end {
            let byte = bytes[i]
            if byte == quote {
                if quote == 0x27, i + 1 < end, bytes[i + 1] == 0x27 { result.append(0x27); i += 2; continue }
                cursor = i + 1
                return String(decoding: result, as: UTF8.self)
            }
            if byte == 0x5C && quote == 0x22 { throw Unsupported() }     // backslash escapes
            if byte == 0x09 { throw Unsupported() }
            result.append(byte)
            i += 1
        }
        throw Unsupported()
    }

    /// `|` or `>` with optional chomping (`-`, `+`); the content is the following, more indented lines.
    mutating func blockScalar(indicator: Int, on line: Line, parentIndent: Int) throws -> YAMLNode {
        let literal = bytes[indicator] == 0x7C
        var chomp: UInt8 = 0
        var i = indicator + 1
        if i < line.end, bytes[i] == 0x2D || bytes[i] == 0x2B { chomp = bytes[i]; i += 1 }
        guard i == line.end || bytes[i] == 0x20 else { throw Unsupported() }  // indentation digits etc.
        try expectLineEnd(from: i, on: line)
        let position = (line: line.number + lineOffset, column: column(of: indicator, in: line))
        // Content lines: blank ones, or more indented than the parent.
        var contentLines: [Line] = []
        var blockIndent: Int?
        while index < lines.count {
            let next = lines[index]
            let empty = next.start + next.indent == next.end
            if !empty {
                if next.indent <= parentIndent { break }
                if let known = blockIndent {
                    if next.indent < known { throw Unsupported() }
                    if next.indent > known && !literal { throw Unsupported() }   // folded "more indented" lines
                } else {
                    // libyaml rejects leading blank lines longer than the first content line's indent.
                    if contentLines.contains(where: { $0.indent > next.indent }) { throw Unsupported() }
                    blockIndent = next.indent
                }
            } else if let known = blockIndent, next.indent > known {
                throw Unsupported()                                                  // spaces-only line with content
            }
            contentLines.append(next)
            index += 1
        }
        let indent = blockIndent ?? 0
        var texts: [String] = contentLines.map { line in
            line.start + line.indent == line.end ? "" : text(line.start + indent, line.end)
        }
        // Trailing empty lines are handled by chomping; only line breaks that exist count (the
        // text may end without one, and then so does the scalar).
        var trailing = 0
        while let last = texts.last, last.isEmpty {
            texts.removeLast()
            if contentLines[texts.count].end < bytes.count { trailing += 1 }
        }
        let lastBreak = texts.isEmpty ? false : contentLines[texts.count - 1].end < bytes.count
        var body: String
        if literal {
            body = texts.joined(separator: "\n")
        } else {
            // Folding: neighbouring text lines join with a space; each empty line is a newline.
            body = ""
            var previousEmpty = true
            for piece in texts {
                if piece.isEmpty {
                    body += "\n"
                } else {
                    if !previousEmpty { body += " " }
                    body += piece
                }
                previousEmpty = piece.isEmpty
            }
        }
        if texts.isEmpty {
            guard chomp != 0x2B else { throw Unsupported() }
            body = ""
        } else {
            switch chomp {
            case 0x2D: break
            case 0x2B: body += String(repeating: "\n", count: trailing + (lastBreak ? 1 : 0))
            default: if lastBreak { body += "\n" }
            }
        }
        return YAMLNode(.scalar(body, plain: false), line: position.line, column: position.column)
    }
}
