/// A small set of names (a type's field names) mapped to values, found without hashing the key:
/// by its length and first byte, then `==` with the one name there.
///
/// Why: every page and every data-export entry looks each front-matter key up in its type's field
/// table, 200,000 lookups at 10k records; hashing a `String` (SipHash, and the dictionary's probe)
/// cost about 350 instructions a lookup. Names and keys are short ASCII words, so their length and
/// first byte nearly always tell them apart.
///
/// Same answers as a `[String: Value]`: `String`'s `==` is canonical equivalence, and a text that is
/// not ASCII can equal an ASCII name (U+212A KELVIN SIGN is `K`), so a key that is not ASCII, any key
/// when a name is not ASCII, and any key whose slot two names share, are looked up in the dictionary.
struct NameTable<Value: Sendable>: Sendable {
    private let dictionary: [String: Value]
    /// Slot (length and first byte, `slot(_:)`) → index in `entries`, or `noName`, or
    /// `shared` when two names have the slot.
    private let slots: [Int16]
    private let entries: [(name: String, value: Value)]
    /// Some name is not ASCII: every key goes to the dictionary.
    private let usesDictionaryOnly: Bool

    private static var noName: Int16 { -1 }
    private static var shared: Int16 { -2 }

    /// The first value of each name wins, as `dictionary[name] == nil ? set : keep` would keep it.
    init(_ pairs: [(String, Value)]) {
        var dictionary: [String: Value] = [:]
        var entries: [(name: String, value: Value)] = []
        for (name, value) in pairs where dictionary[name] == nil {
            dictionary[name] = value
            entries.append((name, value))
        }
        var slots = [Int16](repeating: Self.noName, count: 512)
        var ascii = entries.count < Int(Int16.max)
        for (index, entry) in entries.enumerated() {
            guard let slot = Self.slot(entry.name) else { ascii = false; break }
            slots[slot] = slots[slot] == Self.noName ? Int16(index) : Self.shared
        }
        self.dictionary = dictionary
        self.slots = slots
        self.entries = entries
        self.usesDictionaryOnly = !ascii
    }

    subscript(key: String) -> Value? {
        guard !usesDictionaryOnly, let slot = Self.slot(key) else { return dictionary[key] }
        let index = slots[slot]
        if index == Self.noName { return nil }
        if index == Self.shared { return dictionary[key] }
        // Both ASCII: equal exactly when their bytes are.
        let entry = entries[Int(index)]
        return entry.name == key ? entry.value : nil
    }

    /// Length (up to 15, longer ones share 15) and the first byte's low five bits; nil for an empty
    /// or non-ASCII text.
    private static func slot(_ text: String) -> Int? {
        text.withUTF8Bytes { bytes -> Int? in
            guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return min(bytes.count, 15) << 5 | Int(first & 0x1F)
        }
    }
}
