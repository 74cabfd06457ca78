import Foundation
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
///
/// This file reads the block structure (maps, lists, indentation); `PlainYAML+Scalars.swift` the
/// scalars and `PlainYAML+Flow.swift` the one-line flow collections. Use `read` only: the members are
/// internal so that the three files can share them.
struct PlainYAML {
    struct Line {
        var start: Int          // byte offset of the line's first byte
        var indent: Int         // leading spaces
        var end: Int            // byte offset after the last byte (newline excluded)
        var number: Int         // 1-based line number in the YAML text
        var isBlank: Bool       // empty, spaces only, or a comment only
    }

    struct Unsupported: Error {}

    /// The text, valid only during `read(utf8:)`: through a buffer pointer the byte reads skip the
    /// array's bounds checks (every index is tested against a line's end already).
    let bytes: UnsafeBufferPointer<UInt8>
    var lines: [Line] = []
    var index = 0
    let lineOffset: Int
    let depthLimit = 32

    /// Reads `text`; positions are shifted by `firstLine - 1`. `nil` means "not plain: ask Yams";
    /// `.some(nil)` is an empty document.
    static func read(_ text: String, firstLine: Int = 1) -> YAMLNode?? {
        return text.withUTF8Bytes { read(utf8: $0, firstLine: firstLine) }
    }

    /// `read` for valid UTF-8 bytes.
    static func read(bytes: [UInt8], firstLine: Int = 1) -> YAMLNode?? {
        bytes.withUnsafeBufferPointer { read(utf8: $0, firstLine: firstLine) }
    }

    /// `read` for valid UTF-8 bytes, which must stay put while it runs (nothing keeps a pointer).
    static func read(utf8 bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) -> YAMLNode?? {
        var reader = PlainYAML(bytes: bytes, lineOffset: firstLine - 1)
        // Not `try?`: it would flatten "unsupported" into "empty document".
        do { return .some(try reader.document()) } catch { return nil }
    }

    init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
        // Line ends by `memchr`, into an array sized for a front matter: the byte loop and the
        // array's growth were 52 M instructions of `dossier check` at 10k.
        var lines: [Line] = []
        lines.reserveCapacity(32)
        do {
            let buffer = bytes
            var start = 0, number = 1
            while start <= buffer.count {
                var end = buffer.count
                if start < buffer.count, let base = buffer.baseAddress,
                   let found = memchr(base + start, 0x0A, buffer.count - start) {
                    end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                }
                var indent = 0
                while start + indent < end, buffer[start + indent] == 0x20 { indent += 1 }
                let first = start + indent < end ? buffer[start + indent] : 0x0A
                lines.append(Line(start: start, indent: indent, end: end, number: number,
                                  isBlank: first == 0x0A || first == 0x23 /* # */ || first == 0x0D))
                start = end + 1
                number += 1
            }
        }
        self.lines = lines
    }

    // MARK: Structure

    mutating func document() throws -> YAMLNode? {
        try checkCharacters()
        try checkDocumentMarkers()
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
    func checkCharacters() throws {
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

    /// `---` or `...` at the start of a line, then a space, a tab or the line's end, is a document
    /// marker to libyaml even inside front matter (`--- a: b` starts a second document, which Yams
    /// refuses): such text is left to it. The fuzz target found this.
    func checkDocumentMarkers() throws {
        for line in lines where line.indent == 0 && line.end - line.start >= 3 {
            let first = bytes[line.start]
            guard first == 0x2D || first == 0x2E,                                  // - .
                  bytes[line.start + 1] == first, bytes[line.start + 2] == first else { continue }
            let after = line.start + 3
            if after == line.end || bytes[after] == 0x20 || bytes[after] == 0x09 { throw Unsupported() }
        }
    }

    mutating func skipBlank() {
        while index < lines.count, lines[index].isBlank { index += 1 }
    }

    /// The block node whose first line is the current one, at exactly `indent`.
    mutating func block(indent: Int, depth: Int) throws -> YAMLNode {
        guard depth < depthLimit else { throw Unsupported() }
        let line = lines[index]
        let content = line.start + line.indent
        if isSequenceDash(at: content, end: line.end) { return try sequence(indent: indent, depth: depth) }
        if keyEnd(from: content, to: line.end) != nil { return try mapping(indent: indent, depth: depth) }
        throw Unsupported()
    }

    /// libyaml gives up on a key whose `:` is more than 1024 characters after the key's start (spaces
    /// before the colon count): keys up to here, measured in bytes (never fewer than characters),
    /// are safely short; longer ones are left to libyaml's own error. The fuzz target found the spaces.
    static let keyLengthLimit = 1000

    /// Up to how many keys a map's duplicates are found by comparing keys rather than hashing them.
    static let linearKeyLimit = 16

    mutating func mapping(indent: Int, depth: Int) throws -> YAMLNode {
        var entries: [YAMLEntry] = []
        // Room for a front matter's dozen keys at once: growing 1, 2, 4, 8, 16 was 23 M instructions
        // of `dossier check` at 10k.
        entries.reserveCapacity(depth == 0 ? 16 : 4)
        // Duplicate keys by comparing with the keys so far while there are few (front matter has a
        // dozen): hashing each key into a Set was 1.4 % of `dossier check`. A set for larger maps.
        // The few are compared as byte ranges of the text (length first), not as Strings (20 M).
        var keys: Set<String>?
        var keyRanges: [(start: Int, count: Int)] = []
        keyRanges.reserveCapacity(Self.linearKeyLimit)
        var allASCII = true
        let first = lines[index]
        let position = (line: first.number + lineOffset, column: column(of: first.start + first.indent, in: first))
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if line.indent < indent { break }
            guard line.indent == indent else { throw Unsupported() }
            let keyStart = line.start + line.indent
            guard let colon = keyEnd(from: keyStart, to: line.end) else { throw Unsupported() }
            let keyStop = trimmedEnd(keyStart, colon)
            let keyCount = keyStop - keyStart
            guard keyCount > 0, colon - keyStart < Self.keyLengthLimit else { throw Unsupported() }
            let key = text(keyStart, keyStop)
            if keys == nil, entries.count >= Self.linearKeyLimit { keys = Set(entries.map(\.key)) }
            if keys != nil {
                guard keys!.insert(key).inserted else { throw Unsupported() }
            } else if allASCII && isASCII(keyStart, keyStop) {
                // ASCII keys are equal exactly when their bytes are (String's `==` is canonical
                // equivalence, which can make different non-ASCII bytes equal, even to ASCII).
                if hasKey(keyRanges, start: keyStart, count: keyCount) { throw Unsupported() }
                keyRanges.append((keyStart, keyCount))
            } else {
                allASCII = false
                if entries.contains(where: { $0.key == key }) { throw Unsupported() }
            }
            let keyLine = line.number + lineOffset
            let keyColumn = column(of: keyStart, in: line)
            index += 1
            let value = try value(after: colon + 1, on: line, parentIndent: indent, depth: depth,
                                  keyPosition: (keyLine, keyColumn), allowIndentlessSequence: true)
            entries.append(YAMLEntry(key: key, line: keyLine, column: keyColumn, value: value))
        }
        return YAMLNode(.mapping(entries), line: position.line, column: position.column)
    }

    func isASCII(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether the bytes at `start` equal one of `ranges` (keys of one map, all in `bytes`).
    func hasKey(_ ranges: [(start: Int, count: Int)], start: Int, count: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for range in ranges where range.count == count && bytes[range.start] == bytes[start] {
            if memcmp(base + range.start, base + start, count) == 0 { return true }
        }
        return false
    }

    mutating func sequence(indent: Int, depth: Int) throws -> YAMLNode {
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
    mutating func value(after from: Int, on line: Line, parentIndent: Int, depth: Int,
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

    // MARK: Bytes

    /// The byte of the `:` ending a plain key that starts at `start`, if this line is `key: ...`.
    func keyEnd(from start: Int, to end: Int) -> Int? {
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

    func isSequenceDash(at i: Int, end: Int) -> Bool {
        i < end && bytes[i] == 0x2D && (i + 1 == end || bytes[i + 1] == 0x20)
    }

    func expectLineEnd(from start: Int, on line: Line) throws {
        var i = start
        skipSpaces(&i, end: line.end)
        guard i == line.end || (bytes[i] == 0x23 && i > start) else { throw Unsupported() }
    }

    func skipSpaces(_ i: inout Int, end: Int) {
        while i < end, bytes[i] == 0x20 { i += 1 }
    }

    func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var stop = end
        while stop > start, bytes[stop - 1] == 0x20 { stop -= 1 }
        return stop
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// libyaml counts columns in characters (code points), from 1.
    func column(of offset: Int, in line: Line) -> Int {
        var count = 1
        var i = line.start
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
