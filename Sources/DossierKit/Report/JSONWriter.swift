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

    /// Two-space indents, `"key": value`, `[]` and `{}` when empty: the layout `JSONStream` writes,
    /// which the site-wide exports use directly, so trees and streams come out the same.
    func render() -> String {
        var json = JSONStream()
        json.value(self)
        return json.bytes.string
    }

    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    /// A JSON string literal. `scriptSafe` also escapes `<`, `>` and `&`, so that no `</script>` or
    /// `<!--` can appear when the JSON is loaded as (or inlined in) a script.
    static func quote(_ text: String, scriptSafe: Bool = false) -> String {
        var out = ByteBuffer(capacity: text.utf8.count + 2)
        JSONStream.appendQuoted(text, scriptSafe: scriptSafe, to: &out)
        return out.string
    }
}
