/// A member name written as a literal in the source. It must need no JSON escape (checked in debug
/// builds): it is copied into the output as it is.
struct JSONKey: ExpressibleByStringLiteral {
    let name: StaticString

    init(stringLiteral name: StaticString) {
        // Through `withUTF8Buffer`: a one-character literal is held as a scalar, without `utf8Start`.
        assert(name.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } },
               "a literal JSON key must need no escape")
        self.name = name
    }
}

/// Writes JSON straight into a byte buffer, in one pass (two-space indent, `"key": value`, `[]` and
/// `{}` when empty); `JSONValue.render()` writes its trees through it too. The site-wide exports
/// (`data/dossier.json`, 17 MB at 10 000 records) used to build a tree of `JSONValue`s and render it
/// by joining strings level by level, which copied every byte once per level of nesting.
struct JSONStream: ~Copyable {
    private(set) var bytes: ByteBuffer
    /// Whether the innermost open container has a member yet, and the same of the containers around
    /// it (a stack touched only when a container opens or closes: `item()` runs for every member,
    /// 400,000 times in a 10k export, and read and wrote the last element of an array each time).
    private var filled = false
    private var outerFilled: [Bool] = []
    /// Open containers.
    private var depth = 0

    init(capacity: Int = 0) { bytes = ByteBuffer(capacity: capacity) }

    /// The bytes written, taken out of the stream.
    consuming func finish() -> ByteBuffer { bytes }

    // MARK: - Containers

    mutating func object(_ members: (inout JSONStream) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ items: (inout JSONStream) -> Void) {
        open(UInt8(ascii: "["))
        items(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts the next member of the enclosing object; its value follows.
    mutating func key(_ name: String) {
        item()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// `key` for a name written in the source (`json.key("id")`), copied as it is: such names need no
    /// escape. Quoting each at run time, through a `String`, was 200 instructions a key (160,000 keys
    /// in a 10k export).
    mutating func key(_ name: JSONKey) {
        item()
        bytes.append(UInt8(ascii: "\""))
        name.name.withUTF8Buffer { bytes.append($0) }
        bytes.append("\": ")
    }

    /// Starts the next element of the enclosing array; its value follows.
    mutating func item() {
        guard depth > 0 else { return }
        if filled { bytes.append(UInt8(ascii: ",")) }
        filled = true
        bytes.append(0x0A)
        pad(depth)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        outerFilled.append(filled)
        filled = false
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = filled
        filled = outerFilled.removeLast()
        depth -= 1
        if hadMembers {
            bytes.append(0x0A)
            pad(depth)
        }
        bytes.append(bracket)
    }

    /// Two spaces per level, in one append from a run of spaces (two appends per level were 0.7 % of a
    /// 10k build's instructions: the export is 17 MB, much of it indentation).
    /// The spaces come from a constant (a static array cost a lazy global's check and a retain per call).
    private mutating func pad(_ depth: Int) {
        let spaces: StaticString = "                                                                "
        var remaining = 2 * depth
        while remaining > 0 {
            let run = min(remaining, spaces.utf8CodeUnitCount)
            bytes.append(UnsafeBufferPointer(start: spaces.utf8Start, count: run))
            remaining -= run
        }
    }

    // MARK: - Scalars

    mutating func string(_ text: String) { Self.appendQuoted(text, to: &bytes) }
    mutating func string(_ text: String?) { if let text { string(text) } else { null() } }
    mutating func int(_ value: Int) { append(String(value)) }
    mutating func number(_ value: Double) { append(JSONValue.format(value)) }
    mutating func bool(_ value: Bool) { append(value ? "true" : "false") }
    mutating func null() { append("null") }

    /// A value built as a tree (the small parts of an export), laid out at the current depth.
    mutating func value(_ value: JSONValue) {
        switch value {
        case let .string(text): string(text)
        case let .int(number): int(number)
        case let .number(number): self.number(number)
        case let .bool(flag): bool(flag)
        case .null: null()
        case let .array(items):
            array { json in
                for item in items { json.item(); json.value(item) }
            }
        case let .object(pairs):
            object { json in
                for (name, member) in pairs { json.key(name); json.value(member) }
            }
        }
    }

    /// Convenience for `key(name)` then the value.
    mutating func field(_ name: JSONKey, _ text: String) { key(name); string(text) }
    mutating func field(_ name: JSONKey, _ text: String?) { key(name); string(text) }
    mutating func field(_ name: JSONKey, _ number: Int) { key(name); int(number) }
    mutating func field(_ name: JSONKey, _ flag: Bool) { key(name); bool(flag) }
    mutating func field(_ name: JSONKey, _ value: JSONValue) { key(name); self.value(value) }

    mutating func append(_ text: String) { bytes.append(utf8: text) }

    // MARK: - String literals

    /// Appends `text` as a JSON string literal. `scriptSafe` also escapes `<`, `>` and `&`, so that no
    /// `</script>` or `<!--` can appear when the JSON is loaded as (or inlined in) a script.
    static func appendQuoted(_ text: String, scriptSafe: Bool = false, to out: inout ByteBuffer) {
        text.withUTF8Bytes { appendQuoted(utf8: $0, scriptSafe: scriptSafe, to: &out) }
    }

    /// On UTF-8 bytes: every escaped character is ASCII except U+2028 and U+2029 (E2 80 A8/A9), and no
    /// byte of another multi-byte character can be mistaken for them. Runs of bytes that need no escape
    /// are found eight bytes at a time (`firstCandidate`) and copied whole: byte by byte through the
    /// `switch` this was 3 % of a 10k build (17 MB of `data/dossier.json`, 19 MB of search index).
    static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, scriptSafe: Bool, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        let count = bytes.count
        var start = 0
        var i = 0
        while i < count {
            i = firstCandidate(in: bytes, from: i, scriptSafe: scriptSafe)
            guard i < count else { break }
            let byte = bytes[i]
            let escape: StaticString
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = #"\""#
            case UInt8(ascii: "\\"): escape = #"\\"#
            case 0x0A: escape = #"\n"#
            case 0x0D: escape = #"\r"#
            case 0x09: escape = #"\t"#
            case UInt8(ascii: "<") where scriptSafe: escape = #"\u003c"#
            case UInt8(ascii: ">") where scriptSafe: escape = #"\u003e"#
            case UInt8(ascii: "&") where scriptSafe: escape = #"\u0026"#
            case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // Line terminators in older JavaScript engines.
                escape = bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                width = 3
            case 0x00..<0x20, 0x7F:
                out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                let hex: StaticString = "0123456789abcdef"
                let digits = hex.utf8Start
                out.append(#"\u00"#)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
                i += 1
                start = i
                continue
            default:
                i += 1
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(escape)
            i += width
            start = i
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[start..<count]))
        out.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `start` that may need an escape, or `bytes.count`. Tight
    /// loops of their own, one per `scriptSafe`, ahead of the `switch`: with the word test inside the
    /// escape loop `appendQuoted` took 291 M instructions of a 10k build, with these 234 M (252 M when
    /// not inlined). The last bytes (fewer than eight) are one more word, padded with `A`s, which need
    /// no escape: taken one call per byte they cost more than the loops saved (3.3 million calls for
    /// 600,000 strings, most of them keys and values shorter than a word).
    @inline(__always)
    private static func firstCandidate(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, scriptSafe: Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var i = start
        @inline(__always) func word(at i: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        }
        // The lowest flag is exact (see `candidates`), so the first candidate is that byte.
        if scriptSafe {
            while i + 8 <= count {
                let found = candidates(word(at: i), scriptSafe: true)
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        } else {
            while i + 8 <= count {
                let found = candidates(word(at: i), scriptSafe: false)
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        guard i < count else { return count }
        var tail: UInt64 = 0x4141_4141_4141_4141
        withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: base + i, byteCount: count - i) }
        let found = candidates(UInt64(littleEndian: tail), scriptSafe: scriptSafe)
        return found == 0 ? count : i + found.trailingZeroBitCount >> 3
    }

    /// The high bit of each byte of `word` (little-endian: bit 7 is the first byte) that may need an
    /// escape: below 0x20, `"`, `\\`, 0x7F, E2 (U+2028/U+2029's lead byte), and with `scriptSafe`
    /// `<`, `>`, `&`. Zero means none does. The lowest flag is always a byte in that set: the
    /// subtractions borrow only out of a flagged byte, so only bytes after the first one can be
    /// flagged wrongly (or missed), and the caller looks at them again.
    @inline(__always)
    static func candidates(_ word: UInt64, scriptSafe: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// Bytes of `x` that are zero (flag in the high bit, before masking).
        func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        var found = ((word &- ones &* 0x20) & ~word)
            | zero(word ^ (ones &* 0x5C)) | zero(word ^ (ones &* 0x7F)) | zero(word ^ (ones &* 0xE2))
        if scriptSafe {
            // `"` and `&` differ only in bit 2, `<` and `>` only in bit 1.
            found |= zero((word | ones &* 0x04) ^ (ones &* 0x26)) | zero((word | ones &* 0x02) ^ (ones &* 0x3E))
        } else {
            found |= zero(word ^ (ones &* 0x22))
        }
        return found & (ones &* 0x80)
    }
}
