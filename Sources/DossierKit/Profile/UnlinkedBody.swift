/// Turns body links to entries a profile leaves out into plain text: `<a href="dossier-link:N">PR-06</a>`
/// becomes `PR-06`, so the page neither links to a missing page nor keeps a dead `#` link. The
/// label is the author's text and stays (the body is not scanned; docs/profiles.md, "Limits").
///
/// cmark writes a link as `<a href="…"` followed by optional attributes and `>`, escapes `>` inside
/// attribute values, and never nests links, so the next `</a>` closes the link.
enum UnlinkedBody {
    static let opening = Array(("<a " + BodyHTML.marker).utf8)
    static let closing = Array("</a>".utf8)

    /// `html` without the links whose placeholder index is in `indices`.
    static func removingLinks(_ indices: Set<Int>, from html: String) -> String {
        guard !indices.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard starts(with: opening, in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var cursor = index + opening.count
            var number = 0
            while cursor < bytes.count, let digit = digit(bytes[cursor]), number < Int.max / 10 {
                number = number * 10 + digit
                cursor += 1
            }
            guard indices.contains(number), let tagEnd = bytes[cursor...].firstIndex(of: UInt8(ascii: ">")) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            // Copy the label up to the closing tag, then skip the tag.
            var label = tagEnd + 1
            while label < bytes.count, !starts(with: closing, in: bytes, at: label) {
                output.append(bytes[label])
                label += 1
            }
            index = min(label + closing.count, bytes.count)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func starts(with needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in needle.indices where bytes[index + offset] != needle[offset] { return false }
        return true
    }
}
