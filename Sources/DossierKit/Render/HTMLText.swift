/// Escaping of text we put into HTML, SVG or XML ourselves (Mustache escapes template values itself):
/// one function, so every writer escapes the same five characters.
enum HTMLText {
    /// Text for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
