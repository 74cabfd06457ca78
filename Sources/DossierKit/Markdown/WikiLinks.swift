import Foundation
import CCmark

/// A wiki link `[[ID]]`, `[[ID#anchor]]` or `[[ID|label]]` found in a text node.
struct WikiLink: Equatable {
    var id: String
    var anchor: String?
    var label: String
    /// Where `[[…]]` lies in the text node's literal.
    var literalRange: Range<Int>
    /// Where `[[` lies in the node's source, as an offset from the source's start.
    var sourceOffset: Int
}

/// Finds wiki links in text nodes and turns them into link nodes. Code spans and code blocks hold
/// code nodes, not text nodes, so wiki links are never looked for in code.
enum WikiLinks {
    /// Whether a literal may hold a wiki link (a cheap test before `find`).
    /// Asked of every text node: `memchr` jumps from `[` to `[`, where the byte-by-byte loop (with the
    /// literal's length counted the same way) was 5 % of `dossier check`'s instructions.
    static func mayContainWikiLink(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var start = literal.baseAddress else { return false }
        var remaining = literal.count
        // A `[` with a byte after it, then whether that byte is a `[` too.
        while remaining > 1, let found = memchr(start, Int32(UInt8(ascii: "[")), remaining - 1) {
            let bracket = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            if bracket[1] == UInt8(ascii: "[") { return true }
            remaining -= (bracket - start) + 1
            start = bracket + 1
        }
        return false
    }

    /// `mayContainWikiLink` one byte at a time, as it was (the reference of its test).
    static func mayContainWikiLinkByByte(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in literal {
            if byte == UInt8(ascii: "["), previous == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }

    /// The wiki links in a text node: written in `source` (the node's raw Markdown, where `\[[` does not
    /// open a wiki link) and located in `literal` (the decoded text cmark holds). Without a source, the
    /// literal is read as its own source.
    static func find(literal: [UInt8], source: ArraySlice<UInt8>?) -> [WikiLink] {
        let raw = source ?? literal[...]
        var links: [WikiLink] = []
        var literalCursor = 0
        var index = raw.startIndex
        var nextBackslash = -1
        while index + 1 < raw.endIndex {
            // Straight to the next `[` or `\`, without the slice's bounds checks: byte by byte through
            // the slice, `find` was 49 M instructions of `dossier check` at 10k (long CJK paragraphs).
            index = raw.withUnsafeBufferPointer { buffer in
                raw.startIndex + nextCandidate(in: buffer, from: index - raw.startIndex, nextBackslash: &nextBackslash)
            }
            guard index + 1 < raw.endIndex else { break }
            let byte = raw[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "["), raw[index + 1] == UInt8(ascii: "["),
                  let close = closingBrackets(in: raw, from: index + 2) else {
                index += 1
                continue
            }
            let written = raw[index..<(close + 2)]
            if let (id, anchor, label) = parseInner(raw[(index + 2)..<close]),
               let range = InlinePositionTracker.firstRange(of: written, in: literal[literalCursor...]) {
                links.append(WikiLink(id: id, anchor: anchor, label: label, literalRange: range,
                                      sourceOffset: index - raw.startIndex))
                literalCursor = range.upperBound
            }
            index = close + 2
        }
        return links
    }

    /// The offset of the first `[` or `\` at or after `offset` that has a byte after it; else the last
    /// byte's offset (or `offset` when that is past it). `nextBackslash` carries the first `\` at or
    /// after the previous call's offset between calls of one scan (-1 at first, `Int.max` for none).
    /// By `memchr`: the byte loop was still 3 instructions a byte, 40 M of `dossier check` at 10k.
    static func nextCandidate(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int, nextBackslash: inout Int) -> Int {
        let limit = buffer.count - 1
        guard offset < limit, let base = buffer.baseAddress else { return offset }
        if nextBackslash < offset {
            nextBackslash = memchr(base + offset, Int32(UInt8(ascii: "\\")), limit - offset)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? Int.max
        }
        let stop = min(limit, nextBackslash)
        guard stop > offset else { return stop }
        return memchr(base + offset, Int32(UInt8(ascii: "[")), stop - offset)
            .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? stop
    }

    /// `nextCandidate` one byte at a time, as it was (the reference of its test).
    static func nextCandidateByByte(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        while offset + 1 < buffer.count, buffer[offset] != UInt8(ascii: "["), buffer[offset] != UInt8(ascii: "\\") {
            offset += 1
        }
        return offset
    }

    /// Replaces `links` (found in `text`'s literal, in order) with link nodes labelled with their text,
    /// keeping the text around them. Returns the new link nodes, in order; the text node is freed if
    /// nothing follows the last link.
    static func expand(_ text: CmarkNode, literal: [UInt8], links: [WikiLink]) -> [CmarkNode] {
        var created: [CmarkNode] = []
        var cursor = 0
        for link in links {
            if link.literalRange.lowerBound > cursor {
                guard let node = CmarkNode.makeText(utf8: literal[cursor..<link.literalRange.lowerBound]),
                      text.insertBefore(node) else { break }
                cursor = link.literalRange.lowerBound
            }
            guard let node = CmarkNode.make(CMARK_NODE_LINK) else { break }
            guard let label = CmarkNode.makeText(link.label), node.append(label) else {
                node.free()
                break
            }
            guard text.insertBefore(node) else { break }
            created.append(node)
            cursor = link.literalRange.upperBound
        }
        if cursor >= literal.count {
            text.free()
        } else {
            text.setLiteral(utf8: literal[cursor...])
        }
        return created
    }

    /// The index of the `]]` that closes a wiki link whose inside starts at `start`; nil when a bracket
    /// or a line end comes first.
    private static func closingBrackets(in raw: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < raw.endIndex {
            switch raw[index] {
            case UInt8(ascii: "]"):
                return index + 1 < raw.endIndex && raw[index + 1] == UInt8(ascii: "]") ? index : nil
            case UInt8(ascii: "["), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// `ID`, `ID#anchor`, `ID|label` or `ID#anchor|label`; the label defaults to the ID.
    private static func parseInner(_ inner: ArraySlice<UInt8>) -> (id: String, anchor: String?, label: String)? {
        var target = inner
        var label: ArraySlice<UInt8> = []
        if let bar = inner.firstIndex(of: UInt8(ascii: "|")) {
            target = inner[..<bar]
            label = trimmed(inner[(bar + 1)...])
        }
        var id = target
        var anchor: ArraySlice<UInt8> = []
        if let hash = target.firstIndex(of: UInt8(ascii: "#")) {
            id = target[..<hash]
            anchor = trimmed(target[(hash + 1)...])
        }
        id = trimmed(id)
        guard !id.isEmpty else { return nil }
        let idString = String(decoding: id, as: UTF8.self)
        return (idString, anchor.isEmpty ? nil : String(decoding: anchor, as: UTF8.self),
                label.isEmpty ? idString : String(decoding: label, as: UTF8.self))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while let first = result.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { result = result.dropFirst() }
        while let last = result.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { result = result.dropLast() }
        return result
    }
}
