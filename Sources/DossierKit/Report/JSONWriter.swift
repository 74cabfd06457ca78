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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        JSONStream.appendQuoted(text, scriptSafe: scriptSafe, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
