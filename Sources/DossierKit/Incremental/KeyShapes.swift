/// A quick test that a text is none of a set of keys (entry ids, enum values), before hashing it for
/// a dictionary: most front-matter values (dates, names, numbers) differ from every key in length or
/// first byte. Only rules out: `admits` is true for every key and for every text that `String`'s `==`
/// could find equal to one. `String` compares by canonical equivalence, and a text that is not ASCII
/// can equal an ASCII key (U+212A KELVIN SIGN is `K`), so such texts are admitted unless they are
/// ASCII and CJK ideographs only (`isCanonicallyPlain`), and every text is when a key is not ASCII.
struct KeyShapes: Sendable {
    /// Bit n: some key is n bytes long (keys of 63 bytes or more all set bit 63).
    private var lengths: UInt64 = 0
    /// Bit b: some key starts with ASCII byte b.
    private var firstBytes: (UInt64, UInt64) = (0, 0)
    private var allASCII = true

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys {
            guard let first = key.utf8.first, key.utf8.allSatisfy({ $0 < 0x80 }) else { allASCII = false; continue }
            lengths |= 1 << UInt64(min(key.utf8.count, 63))
            if first < 64 { firstBytes.0 |= 1 << UInt64(first) } else { firstBytes.1 |= 1 << UInt64(first - 64) }
        }
    }

    func admits(_ text: String) -> Bool {
        guard allASCII else { return true }
        // One look at the bytes for both tests: through `utf8.first`, `utf8.count` and then
        // `isCanonicallyPlain` this was 260 instructions a value (55 M of a 10k build).
        return text.withUTF8Bytes { bytes in
            if let first = bytes.first, first < 0x80, lengths & (1 << UInt64(min(bytes.count, 63))) != 0,
               (first < 64 ? firstBytes.0 >> UInt64(first) : firstBytes.1 >> UInt64(first - 64)) & 1 != 0 {
                return true
            }
            return !Self.isCanonicallyPlain(bytes)
        }
    }

    /// Whether the text is ASCII and CJK ideographs U+4000–U+9FFF only (no lead byte but E4–E9), as
    /// most values of a Chinese site are: such a text is its own canonical form (no ideograph there
    /// decomposes or combines), so it equals another text only byte for byte and never an ASCII key
    /// with a different byte. Admitting every non-ASCII text sent each Chinese value to the hash.
    static func isCanonicallyPlain(_ text: String) -> Bool {
        // Through the contiguous bytes: `UTF8View.allSatisfy` cost about 400 instructions a value.
        return text.withUTF8Bytes(isCanonicallyPlain)
    }

    static func isCanonicallyPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0xC0 || (0xE4...0xE9).contains($0) }
    }
}
