/// GitHub-style heading anchors: "4.1 组织环境" → "41-组织环境", "Scope & Purpose" → "scope-purpose".
public enum HeadingSlug {
    /// Letters are lowercased and kept (any script), digits and marks kept, `-` and `_` kept, blanks
    /// become `-`, everything else (punctuation, `.`, symbols, emoji) is dropped; runs of `-` collapse
    /// and `-` at either end is removed. An empty result becomes "section".
    public static func slug(for text: String) -> String {
        let bytes = slugBytes(for: text)
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    /// The slug's UTF-8 bytes, empty when nothing is left of the text.
    static func slugBytes(for text: String) -> [UInt8] {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func appendWord(_ byte: UInt8) {
            if pendingDash {
                slug.append(UInt8(ascii: "-"))
                pendingDash = false
            }
            slug.append(byte)
        }
        func appendWord(_ scalar: Unicode.Scalar) {
            if pendingDash {
                slug.append(UInt8(ascii: "-"))
                pendingDash = false
            }
            if let encoded = UTF8.encode(scalar) { slug.append(contentsOf: encoded) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII, the common case, without Unicode property look-ups.
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    appendWord(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    appendWord(byte + 32)
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
                     UInt8(ascii: "-"):
                    pendingDash = !slug.isEmpty
                default:
                    continue
                }
                continue
            }
            if isCaselessLetter(value) {
                appendWord(scalar)
                continue
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                pendingDash = !slug.isEmpty
            } else if isWordScalar(scalar) {
                if properties.changesWhenLowercased {
                    for lower in properties.lowercaseMapping.unicodeScalars { appendWord(lower) }
                } else {
                    appendWord(scalar)
                }
            }
        }
        return slug
    }

    /// `slugBytes(for: text)`, where `utf8` is the text's UTF-8: ASCII text is slugged byte by byte,
    /// without decoding the String's scalars (850 instructions a heading).
    ///
    /// Three-byte caseless letters (CJK ideographs, kana, Hangul: `isCaselessLetter`) are kept as they
    /// are on the same path, so a Chinese heading needs no decoding either (1,000 instructions a
    /// heading, 1.5 % of `dossier check` at 10k records); any other non-ASCII byte takes the scalar path.
    static func slugBytes(forUTF8 utf8: [UInt8], text: String) -> [UInt8] {
        var slug: [UInt8] = []
        slug.reserveCapacity(utf8.count)
        var pendingDash = false
        let count = utf8.count
        var index = 0
        while index < count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                if pendingDash { slug.append(UInt8(ascii: "-")); pendingDash = false }
                slug.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash { slug.append(UInt8(ascii: "-")); pendingDash = false }
                slug.append(byte + 32)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
                 UInt8(ascii: "-"):
                pendingDash = !slug.isEmpty
            case 0xE0...0xEF where index + 1 < count:
                // The bytes are a String's, so valid UTF-8: a lead byte and two continuation bytes.
                let second = utf8[index], third = utf8[index + 1]
                let value = UInt32(byte & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                guard isCaselessLetter(value) else { return slugBytes(for: text) }
                if pendingDash { slug.append(UInt8(ascii: "-")); pendingDash = false }
                slug.append(byte)
                slug.append(second)
                slug.append(third)
                index += 2
            case 0x80...:
                return slugBytes(for: text)
            default:
                continue
            }
        }
        return slug
    }

    /// CJK ideographs, kana and Hangul syllables: letters without case, told apart without looking up
    /// Unicode properties.
    private static func isCaselessLetter(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3041...0x3096).contains(value)
            || (0x30A1...0x30FA).contains(value) || (0xAC00...0xD7A3).contains(value)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}

/// Hands out anchors unique within one body: the second "intro" becomes "intro-1", the third "intro-2".
/// Works on UTF-8 bytes, which hash faster than strings that are not ASCII.
struct HeadingAnchorSet {
    /// The anchors given so far (a page has a handful of headings).
    private var used = DistinctList<[UInt8]>()
    /// For each base slug, the suffix to try next: every lower one is taken already, so n equal
    /// headings cost n look-ups, not n²/2 (found by the fuzz target, Fuzz/regressions/).
    private var nextSuffix: [[UInt8]: Int] = [:]

    mutating func unique(_ slug: [UInt8]) -> [UInt8] {
        let base = slug.isEmpty ? Array("section".utf8) : slug
        if used.insert(base) { return base }
        var suffix = nextSuffix[base] ?? 1
        while true {
            let candidate = base + Array("-\(suffix)".utf8)
            suffix += 1
            if used.insert(candidate) {
                nextSuffix[base] = suffix
                return candidate
            }
        }
    }
}
