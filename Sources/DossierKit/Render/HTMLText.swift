/// Escaping of text put into HTML, SVG or XML — by the templates' `{{x}}` and by writers that build
/// markup themselves: one escaper, so every output escapes the same five characters.
enum HTMLText {
    /// Text for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped to a byte buffer. Works on UTF-8 bytes: the five characters are ASCII,
    /// and no byte of a multi-byte character can be mistaken for one of them.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
    }
}
