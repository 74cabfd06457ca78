/// Collapsing runs of white space to single spaces, on UTF-8 bytes: the one loop behind a body's plain
/// text (`PlainText`) and the search index's texts (`SearchIndex`).
enum WhiteSpaceRuns {
    /// Writes `source` into `target` with each run of white space collapsed to one space and none at
    /// the end; returns the bytes written.
    ///
    /// - Parameters:
    ///   - afterText: text came before `target` (a run at the start of `source` becomes a space then).
    ///   - pending: a space is owed before the next byte that is not white space; updated on return,
    ///     so that texts collapsed one after another (a body's nodes) join with one space.
    ///   - ideographicSpace: U+3000 (E3 80 80) is white space too, besides ASCII's.
    /// - Precondition: `target` has room for `source.count` bytes, and one more if `pending` is true.
    ///
    /// On bytes: splitting Characters by `isWhitespace` looked up Unicode properties per character.
    /// Eight bytes at a time up to the first byte below 0x21 or E3 (the lowest flag of the word tests
    /// is exact), which alone is looked at: taking the next eight bytes one by one instead cost Chinese
    /// text, where E3 starts every 。 and 、, most of the search index's collapsing (33 M instructions
    /// of a 1k build → 13 M). A body's plain text, collapsed a byte at a time with an array append per
    /// word, was 3.4 % of a 10k build's instructions.
    @inline(__always)
    static func collapse(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutablePointer<UInt8>,
                         afterText: Bool, pending: inout Bool, ideographicSpace: Bool) -> Int {
        guard let base = source.baseAddress else { return 0 }
        let count = source.count
        var written = 0
        var pendingSpace = pending
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let found = flags(word, ideographicSpace: ideographicSpace)
                // Bytes before the first flagged one (all eight if none) are copied as they are. The
                // whole word is stored: `written <= i` (plus one for a space owed on entry), since a
                // space is only written after white space was skipped, so it stays inside `target`,
                // and later bytes overwrite the rest.
                let plain = found == 0 ? 8 : found.trailingZeroBitCount >> 3
                if plain > 0 {
                    if pendingSpace { target[written] = 0x20; written += 1; pendingSpace = false }
                    UnsafeMutableRawPointer(target + written).storeBytes(of: word.littleEndian, as: UInt64.self)
                    written += plain
                    i += plain
                    continue
                }
            }
            let byte = base[i]
            let width = byte > 0x20 && byte != 0xE3 ? 0
                : byte == 0xE3 ? (ideographicSpace && i + 2 < count && base[i + 1] == 0x80 && base[i + 2] == 0x80 ? 3 : 0)
                : (byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0)
            if width > 0 {
                pendingSpace = afterText || written > 0
                i += width
                continue
            }
            if pendingSpace { target[written] = 0x20; written += 1; pendingSpace = false }
            target[written] = byte
            written += 1
            i += 1
        }
        pending = pendingSpace
        return written
    }

    /// `bytes` collapsed with ideographic spaces (as the search index collapses its texts); the same
    /// array, sharing its storage, when it is collapsed already.
    static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.withUnsafeBufferPointer(isCollapsed) else { return bytes }
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { appendCollapsed($0, to: &out) }
        return out
    }

    /// Appends `source` collapsed with ideographic spaces; a space before it only if `out` is not
    /// empty and `source` starts with white space (which it never does when trimmed).
    static func appendCollapsed(_ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard !source.isEmpty else { return }
        // Most texts (front-matter values, trimmed) have nothing to collapse: making room for them
        // first was an append of zeros byte by byte, 30 M instructions of a 10k build.
        if isCollapsed(source) {
            out.append(contentsOf: source)
            return
        }
        // The result is never longer than the text: room for it first, the excess dropped after.
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: source.count))
        let written = out.withUnsafeMutableBufferPointer { buffer in
            var pending = false
            return collapse(source, into: buffer.baseAddress! + start, afterText: start > 0, pending: &pending,
                            ideographicSpace: true)
        }
        out.removeLast(source.count - written)
    }

    /// Whether `collapse` with ideographic spaces (the search index's) gives `source` back: white space
    /// only as single ASCII spaces between other bytes (a tab, a line break or U+3000 would become a
    /// space). Read as `collapse` reads, eight bytes at a time up to the first flagged one.
    static func isCollapsed(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = source.baseAddress else { return true }
        let count = source.count
        var i = 0
        while i < count {
            if i + 8 <= count {
                let found = flags(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)),
                                  ideographicSpace: true)
                if found == 0 {
                    i += 8
                    continue
                }
                i += found.trailingZeroBitCount >> 3
            }
            switch base[i] {
            case 0x20:
                guard i > 0, i + 1 < count else { return false }
                let next = base[i + 1]
                if next == 0x20 || (0x09...0x0D).contains(next) { return false }
            case 0x09...0x0D:
                return false
            case 0xE3:
                if i + 2 < count, base[i + 1] == 0x80, base[i + 2] == 0x80 { return false }
            default:
                break
            }
            i += 1
        }
        return true
    }

    /// The high bit of each byte of `word` (little-endian: bit 7 is the first byte) below 0x21, and with
    /// `ideographicSpace` each E3 (the lead byte of U+3000). The lowest flag is always exact: the
    /// subtractions borrow only out of a flagged byte, so only later flags can be wrong, and both
    /// callers look at the first flagged byte alone.
    @inline(__always)
    private static func flags(_ word: UInt64, ideographicSpace: Bool) -> UInt64 {
        var found = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
        if ideographicSpace {
            let e3 = word ^ 0xE3E3_E3E3_E3E3_E3E3
            found |= (e3 &- 0x0101_0101_0101_0101) & ~e3 & 0x8080_8080_8080_8080
        }
        return found
    }
}
