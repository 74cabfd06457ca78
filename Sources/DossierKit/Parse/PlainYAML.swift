/// A fast reader for the plain YAML that front matter is made of: block maps and lists, one-line flow
/// lists and maps (`[a, b]`, `{ version: "1.0", by: 张伟 }`), plain and quoted one-line scalars, and
/// literal or folded block scalars (`|`, `>`).
///
/// Why it exists: reading front matter through Yams (libyaml events, regular-expression tag
/// resolution, per-parse environment lookups) was half the time of `dossier check`. This reader works
/// on UTF-8 bytes in one pass. It is deliberately partial: anything it does not handle exactly as
/// libyaml does — anchors, aliases, tags, multi-line plain or quoted scalars, escapes, duplicate keys,
/// tabs in indentation, syntax errors — makes it answer `nil`, and `YAMLReader` hands the text to
/// Yams, which gives the real result or the real diagnostic. Tests and the fuzz target check that
/// whatever it does answer equals Yams' answer.
struct PlainYAML {
    private struct Line {
        var start: Int          // byte offset of the line's first byte
        var indent: Int         // leading spaces
        var end: Int            // byte offset after the last byte (newline excluded)
        var number: Int         // 1-based line number in the YAML text
        var isBlank: Bool       // empty, spaces only, or a comment only
    }

    private struct Unsupported: Error {}

    private let bytes: [UInt8]
    private var lines: [Line] = []
    private var index = 0
    private let lineOffset: Int
    private let depthLimit = 32

    /// Reads `text`; positions are shifted by `firstLine - 1`. `nil` means "not plain: ask Yams";
    /// `.some(nil)` is an empty document.
    static func read(_ text: String, firstLine: Int = 1) -> YAMLNode?? {
        var reader = PlainYAML(bytes: Array(text.utf8), lineOffset: firstLine - 1)
        // Not `try?`: it would flatten "unsupported" into "empty document".
        do { return .some(try reader.document()) } catch { return nil }
    }

    private init(bytes: [UInt8], lineOffset: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
        var start = 0, number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var indent = 0
            while start + indent < end, bytes[start + indent] == 0x20 { indent += 1 }
            let first = start + indent < end ? bytes[start + indent] : 0x0A
            lines.append(Line(start: start, indent: indent, end: end, number: number,
                              isBlank: first == 0x0A || first == 0x23 /* # */ || first == 0x0D))
            start = end + 1
            number += 1
        }
    }

    // MARK: Structure

    private mutating func document() throws -> YAMLNode? {
        try checkCharacters()
        skipBlank()
        guard index < lines.count else { return nil }
        let top = lines[index]
        guard top.indent == 0 else { throw Unsupported() }
        let node = try block(indent: 0, depth: 0)
        skipBlank()
        guard index == lines.count, node.entries != nil else { throw Unsupported() }
        return node
    }

    /// Characters libyaml treats specially are left to it: tabs, control characters (an error there),
    /// and the YAML 1.1 line breaks CR, NEL, LS and PS; also byte-order marks and non-characters.
    private func checkCharacters() throws {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { throw Unsupported() }
            if byte >= 0xC2 && i + 1 < count {
                let next = bytes[i + 1]
                if byte == 0xC2 && next <= 0x9F { throw Unsupported() }                         // U+0080–U+009F
                if i + 2 < count {
                    let third = bytes[i + 2]
                    if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { throw Unsupported() }
                    if byte == 0xEF && next == 0xBB && third == 0xBF { throw Unsupported() }    // U+FEFF
                    if byte == 0xEF && next == 0xBF && third >= 0xBE { throw Unsupported() }    // U+FFFE, U+FFFF
                }
            }
            i += 1
        }
    }

    private mutating func skipBlank() {
        while index < lines.count, lines[index].isBlank { index += 1 }
    }

    /// The block node whose first line is the current one, at exactly `indent`.
    private mutating func block(indent: Int, depth: Int) throws -> YAMLNode {
        guard depth < depthLimit else { throw Unsupported() }
        let line = lines[index]
        let content = line.start + line.indent
        if isSequenceDash(at: content, end: line.end) { return try sequence(indent: indent, depth: depth) }
        if keyEnd(from: content, to: line.end) != nil { return try mapping(indent: indent, depth: depth) }
        throw Unsupported()
    }

    private mutating func mapping(indent: Int, depth: Int) throws -> YAMLNode {
        var entries: [YAMLEntry] = []
        var keys = Set<String>()
        let first = lines[index]
        let position = (line: first.number + lineOffset, column: column(of: first.start + first.indent, in: first))
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if line.indent < indent { break }
            guard line.indent == indent else { throw Unsupported() }
            let keyStart = line.start + line.indent
            guard let colon = keyEnd(from: keyStart, to: line.end) else { throw Unsupported() }
            let key = text(keyStart, trimmedEnd(keyStart, colon))
            guard !key.isEmpty, key.utf8.count < 1000, keys.insert(key).inserted else { throw Unsupported() }
            let keyLine = line.number + lineOffset
            let keyColumn = column(of: keyStart, in: line)
            index += 1
            let value = try value(after: colon + 1, on: line, parentIndent: indent, depth: depth,
                                  keyPosition: (keyLine, keyColumn), allowIndentlessSequence: true)
            entries.append(YAMLEntry(key: key, line: keyLine, column: keyColumn, value: value))
        }
        return YAMLNode(.mapping(entries), line: position.line, column: position.column)
    }

    private mutating func sequence(indent: Int, depth: Int) throws -> YAMLNode {
        var items: [YAMLNode] = []
        let first = lines[index]
        let position = (line: first.number + lineOffset, column: column(of: first.start + first.indent, in: first))
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if line.indent < indent { break }
            let dash = line.start + line.indent
            guard line.indent == indent, isSequenceDash(at: dash, end: line.end) else {
                if line.indent == indent { break }      // a key after an indentless list ends the list
                throw Unsupported()
            }
            var after = dash + 1
            while after < line.end, bytes[after] == 0x20 { after += 1 }
            if after < line.end, bytes[after] != 0x23, isSequenceDash(at: after, end: line.end) || keyEnd(from: after, to: line.end) != nil {
                // `- key: value` or `- - x`: a compact block node whose indent is its own column.
                lines[index].indent = after - line.start
                items.append(try block(indent: after - line.start, depth: depth + 1))
            } else {
                index += 1
                let dashPosition = (line.number + lineOffset, column(of: dash, in: line))
                items.append(try value(after: dash + 1, on: line, parentIndent: indent, depth: depth,
                                       keyPosition: dashPosition, allowIndentlessSequence: false))
            }
        }
        return YAMLNode(.sequence(items), line: position.line, column: position.column)
    }

    /// The value that follows `key:` or `-` at byte `from` of `line`; the line is consumed.
    private mutating func value(after from: Int, on line: Line, parentIndent: Int, depth: Int,
                                keyPosition: (Int, Int), allowIndentlessSequence: Bool) throws -> YAMLNode {
        var start = from
        while start < line.end, bytes[start] == 0x20 { start += 1 }
        if start < line.end, bytes[start] == 0x09 { throw Unsupported() }
        if start >= line.end || bytes[start] == 0x23 {
            // Nothing on this line: a nested block, or null (positioned at its key, which is where
            // a person looks).
            skipBlank()
            if index < lines.count {
                let next = lines[index]
                let nextContent = next.start + next.indent
                if next.indent > parentIndent { return try block(indent: next.indent, depth: depth + 1) }
                if allowIndentlessSequence, next.indent == parentIndent, isSequenceDash(at: nextContent, end: next.end) {
                    return try sequence(indent: parentIndent, depth: depth + 1)
                }
            }
            return YAMLNode(.scalar("", plain: true), line: keyPosition.0, column: keyPosition.1)
        }
        let position = (line: line.number + lineOffset, column: column(of: start, in: line))
        let node: YAMLNode
        switch bytes[start] {
        case 0x7C, 0x3E:                                                    // | >
            return try blockScalar(indicator: start, on: line, parentIndent: parentIndent)
        case 0x5B, 0x7B:                                                    // [ {
            var cursor = start
            node = try flow(&cursor, end: line.end, line: line, depth: depth + 1)
            try expectLineEnd(from: cursor, on: line)
        case 0x22, 0x27:                                                    // " '
            var cursor = start
            let text = try quoted(&cursor, end: line.end)
            try expectLineEnd(from: cursor, on: line)
            node = YAMLNode(.scalar(text, plain: false), line: position.line, column: position.column)
        default:
            guard let text = blockPlain(from: start, to: line.end) else { throw Unsupported() }
            node = YAMLNode(.scalar(text, plain: true), line: position.line, column: position.column)
        }
        // A continuation line (more indented than the key) would make it a multi-line scalar.
        skipBlank()
        if index < lines.count, lines[index].indent > parentIndent { throw Unsupported() }
        return node
    }

    // MARK: Scalars

    /// A plain scalar in block context: up to a comment or the end of the line.
    private func blockPlain(from start: Int, to end: Int) -> String? {
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
    private func startsPlain(at start: Int, end: Int, flow: Bool) -> Bool {
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
    private func quoted(_ cursor: inout Int, end: Int) throws -> String {
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
    private mutating func blockScalar(indicator: Int, on line: Line, parentIndent: Int) throws -> YAMLNode {
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

    // MARK: Flow collections (one line)

    private func flow(_ cursor: inout Int, end: Int, line: Line, depth: Int) throws -> YAMLNode {
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
                guard keyStop < end, bytes[keyStop] == 0x3A else { throw Unsupported() }
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

    private func flowNode(_ cursor: inout Int, end: Int, line: Line, depth: Int) throws -> YAMLNode {
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
    private func flowPlainEnd(from start: Int, end: Int) -> Int {
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

    // MARK: Bytes

    /// The byte of the `:` ending a plain key that starts at `start`, if this line is `key: ...`.
    private func keyEnd(from start: Int, to end: Int) -> Int? {
        guard start < end, startsPlain(at: start, end: end, flow: false) else { return nil }
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == 0x3A, i + 1 == end || bytes[i + 1] == 0x20 { return i }
            if byte == 0x23, i > start, bytes[i - 1] == 0x20 { return nil }
            if byte == 0x09 { return nil }
            i += 1
        }
        return nil
    }

    private func isSequenceDash(at i: Int, end: Int) -> Bool {
        i < end && bytes[i] == 0x2D && (i + 1 == end || bytes[i + 1] == 0x20)
    }

    private func expectLineEnd(from start: Int, on line: Line) throws {
        var i = start
        skipSpaces(&i, end: line.end)
        guard i == line.end || (bytes[i] == 0x23 && i > start) else { throw Unsupported() }
    }

    private func skipSpaces(_ i: inout Int, end: Int) {
        while i < end, bytes[i] == 0x20 { i += 1 }
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var stop = end
        while stop > start, bytes[stop - 1] == 0x20 { stop -= 1 }
        return stop
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// libyaml counts columns in characters (code points), from 1.
    private func column(of offset: Int, in line: Line) -> Int {
        var count = 1
        var i = line.start
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
