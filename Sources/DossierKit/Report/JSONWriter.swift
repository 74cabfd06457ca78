/// A minimal JSON writer that keeps keys in the order given, so machine output has a stable,
/// documented shape (`check --format json` follows PRODUCT.md field by field).
enum JSONValue {
    case string(String)
    case int(Int)
    /// A number; whole numbers print without a fraction (`8`, not `8.0`), others in the shortest form
    /// that reads back as the same Double (`4.35`); NaN and infinities, which JSON lacks, print `null`.
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    func render(indent: Int = 0, pretty: Bool = true) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case let .string(text): return JSONValue.quote(text)
        case let .int(number): return String(number)
        case let .number(number): return JSONValue.format(number)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case let .array(items):
            if items.isEmpty { return "[]" }
            return "[" + newline + items.map { pad + $0.render(indent: indent + 1, pretty: pretty) }.joined(separator: "," + newline)
                + newline + close + "]"
        case let .object(pairs):
            if pairs.isEmpty { return "{}" }
            let separator = pretty ? ": " : ":"
            return "{" + newline + pairs.map { pad + JSONValue.quote($0.0) + separator + $0.1.render(indent: indent + 1, pretty: pretty) }
                .joined(separator: "," + newline) + newline + close + "}"
        }
    }

    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    /// A JSON string literal. `scriptSafe` also escapes `<`, `>` and `&`, so that no `</script>` or
    /// `<!--` can appear when the JSON is loaded as (or inlined in) a script.
    static func quote(_ text: String, scriptSafe: Bool = false) -> String {
        // On UTF-8 bytes: every escaped character is ASCII except U+2028 and U+2029 (E2 80 A8/A9),
        // and no byte of another multi-byte character can be mistaken for them.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case UInt8(ascii: "<") where scriptSafe: out += #"\u003c"#.utf8
            case UInt8(ascii: ">") where scriptSafe: out += #"\u003e"#.utf8
            case UInt8(ascii: "&") where scriptSafe: out += #"\u0026"#.utf8
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // Line terminators in older JavaScript engines.
                out += (bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                i += 3
                continue
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default:
                out.append(byte)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
