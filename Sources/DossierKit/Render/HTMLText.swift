/// Escaping of text put into HTML, SVG or XML — by the templates' `{{x}}` and by writers that build
/// markup themselves: one escaper, so every output escapes the same five characters.
enum HTMLText {
    /// Text for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ByteBuffer(capacity: text.utf8.count + 16)
        appendEscaped(text, to: &out)
        return out.string
    }

    /// Appends `text` escaped to a byte buffer. Works on UTF-8 bytes: the five characters are ASCII,
    /// and no byte of a multi-byte character can be mistaken for one of them.
    static func appendEscaped(_ text: String, to out: inout ByteBuffer) {
        text.withUTF8Bytes { appendEscaped($0, to: &out) }
    }

    /// Appends UTF-8 `bytes` escaped to a byte buffer.
    static func appendEscaped(bytes: [UInt8], to out: inout ByteBuffer) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }

    /// Copies the runs between special characters in one piece (every `{{x}}` of every page comes
    /// through here; appending byte by byte was most of the time spent escaping).
    static func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        var start = 0
        for index in 0..<buffer.count {
            let replacement: StaticString
            switch buffer[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            out.append(UnsafeBufferPointer(rebasing: buffer[start..<index]))
            out.append(replacement)
            start = index + 1
        }
        out.append(UnsafeBufferPointer(rebasing: buffer[start...]))
    }
}
