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
        text.withUTF8Bytes { appendEscaped(buffer: $0, to: &out) }
    }

    /// Appends UTF-8 `bytes` escaped to a byte buffer.
    static func appendEscaped(bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendEscaped(buffer: $0, to: &out) }
    }

    /// Copies the runs between special characters in one piece (every `{{x}}` of every page comes
    /// through here; appending byte by byte was most of the time spent escaping).
    private static func appendEscaped(buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
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
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }
}
