/// `PlainYAML`'s flow collections, `[a, b]` and `{ k: v }`, each on one line.
extension PlainYAML {
    func flow(_ cursor: inout Int, end: Int, line: Line, depth: Int) throws -> YAMLNode {
        guard depth < depthLimit else { throw Unsupported() }
        let open = bytes[cursor]
        let close: UInt8 = open == 0x5B ? 0x5D : 0x7D
        let position = (line: line.number + lineOffset, column: column(of: cursor, in: line))
        cursor += 1
        var items: [YAMLNode] = []
        var entries: [YAMLEntry] = []
        var keys = Set<String>()
        skipSpaces(&cursor, end: end)
        if cursor < end, bytes[cursor] == close {
            cursor += 1
            return YAMLNode(open == 0x5B ? .sequence([]) : .mapping([]), line: position.line, column: position.column)
        }
        while true {
            skipSpaces(&cursor, end: end)
            guard cursor < end else { throw Unsupported() }
            if open == 0x5B {
                items.append(try flowNode(&cursor, end: end, line: line, depth: depth))
                // `[a: b]` (a one-pair map inside a list) is left to libyaml.
                skipSpaces(&cursor, end: end)
                if cursor < end, bytes[cursor] == 0x3A { throw Unsupported() }
            } else {
                let keyStart = cursor
                guard startsPlain(at: keyStart, end: end, flow: true) else { throw Unsupported() }
                let keyStop = flowPlainEnd(from: keyStart, end: end)
                guard keyStop < end, bytes[keyStop] == 0x3A, keyStop - keyStart < Self.keyLengthLimit else { throw Unsupported() }
                let key = text(keyStart, trimmedEnd(keyStart, keyStop))
                guard !key.isEmpty, keys.insert(key).inserted else { throw Unsupported() }
                cursor = keyStop + 1
                guard cursor < end, bytes[cursor] == 0x20 else { throw Unsupported() }
                skipSpaces(&cursor, end: end)
                guard cursor < end else { throw Unsupported() }
                let keyColumn = column(of: keyStart, in: line)
                let value: YAMLNode
                if bytes[cursor] == 0x2C || bytes[cursor] == close {
                    value = YAMLNode(.scalar("", plain: true), line: line.number + lineOffset, column: keyColumn)
                } else {
                    value = try flowNode(&cursor, end: end, line: line, depth: depth)
                }
                entries.append(YAMLEntry(key: key, line: line.number + lineOffset, column: keyColumn, value: value))
            }
            skipSpaces(&cursor, end: end)
            guard cursor < end else { throw Unsupported() }
            if bytes[cursor] == close { cursor += 1; break }
            guard bytes[cursor] == 0x2C else { throw Unsupported() }
            cursor += 1
            skipSpaces(&cursor, end: end)
            // A trailing comma before the closing bracket is left to libyaml.
            guard cursor < end, bytes[cursor] != close else { throw Unsupported() }
        }
        let value: YAMLNode.Value = open == 0x5B ? .sequence(items) : .mapping(entries)
        return YAMLNode(value, line: position.line, column: position.column)
    }

    func flowNode(_ cursor: inout Int, end: Int, line: Line, depth: Int) throws -> YAMLNode {
        let position = (line: line.number + lineOffset, column: column(of: cursor, in: line))
        switch bytes[cursor] {
        case 0x5B, 0x7B: return try flow(&cursor, end: end, line: line, depth: depth + 1)
        case 0x22, 0x27:
            let text = try quoted(&cursor, end: end)
            return YAMLNode(.scalar(text, plain: false), line: position.line, column: position.column)
        default:
            guard startsPlain(at: cursor, end: end, flow: true) else { throw Unsupported() }
            let stop = flowPlainEnd(from: cursor, end: end)
            let text = self.text(cursor, trimmedEnd(cursor, stop))
            cursor = stop
            return YAMLNode(.scalar(text, plain: true), line: position.line, column: position.column)
        }
    }

    /// Where a plain scalar inside `[...]` or `{...}` stops: a flow indicator, `:` before a space, a
    /// flow indicator or `?` (libyaml's rule, which the fuzz target found), or a comment.
    func flowPlainEnd(from start: Int, end: Int) -> Int {
        var i = start
        while i < end {
            switch bytes[i] {
            case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: return i
            case 0x3A:
                if i + 1 == end { return i }
                let next = bytes[i + 1]
                if next == 0x20 || next == 0x2C || next == 0x3F || next == 0x5B || next == 0x5D || next == 0x7B || next == 0x7D { return i }
            case 0x23 where bytes[i - 1] == 0x20: return i       // a comment: the caller fails
            case 0x09: return i
            default: break
            }
            i += 1
        }
        return i
    }
}
