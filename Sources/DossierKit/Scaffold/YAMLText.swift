/// Writes YAML values for generated front matter and config: plain where YAML reads the text back
/// as the same string, double-quoted (JSON escaping, which YAML accepts) everywhere else.
enum YAMLText {
    /// A scalar that must stay a string: `"1.0"`, `"yes"`, `"a: b"` are quoted, `Service desk` is not.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : JSONValue.quote(text)
    }

    /// A flow list: `[a, "b: c"]`.
    static func list(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    /// A flow map: `{ name: Ann, phone: "1" }`.
    static func map(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? "{}" : "{ " + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reserved.contains(text.lowercased()) { return false }
        // Anything a YAML reader could take for a number, date or time is quoted.
        if first.properties.numericType != nil || first == "-" || first == "+" || first == "." { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        let indicators: Set<Unicode.Scalar> = ["[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "#", "?", ":"]
        if indicators.contains(first) { return false }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\u{7F}" || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}" || scalar == "," {
                return false
            }
        }
        return true
    }
}
