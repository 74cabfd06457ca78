import Foundation

/// A small HTML tag scanner: start tags with their attributes (values entity-decoded), quoted values
/// kept whole, comments, end tags and text skipped. Enough to tell markup from escaped text.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Just after the tag's `>`.
        var end: String.Index
    }

    /// The start tags, and the text of every comment (an unterminated one runs to the end).
    static func scan(_ html: String) -> (tags: [Tag], comments: [Substring]) {
        var tags: [Tag] = []
        var comments: [Substring] = []
        var index = html.startIndex
        func peek(_ offset: Int = 0) -> Character? {
            guard let i = html.index(index, offsetBy: offset, limitedBy: html.endIndex), i < html.endIndex else { return nil }
            return html[i]
        }
        while let open = html[index...].firstIndex(of: "<") {
            index = html.index(after: open)
            if html[index...].hasPrefix("!--") {
                let start = html.index(index, offsetBy: 3)
                let close = html[start...].range(of: "-->")
                comments.append(html[start..<(close?.lowerBound ?? html.endIndex)])
                index = close?.upperBound ?? html.endIndex
                continue
            }
            guard let first = peek(), first.isLetter else { continue }
            var name = ""
            while let c = peek(), !c.isWhitespace, c != ">", c != "/" { name.append(c); index = html.index(after: index) }
            var attributes: [(String, String)] = []
            while let c = peek(), c != ">" {
                if c.isWhitespace || c == "/" { index = html.index(after: index); continue }
                var attribute = ""
                while let c = peek(), !c.isWhitespace, c != ">", c != "=", c != "/" || attribute.isEmpty {
                    attribute.append(c); index = html.index(after: index)
                }
                while peek()?.isWhitespace == true { index = html.index(after: index) }
                var value = ""
                if peek() == "=" {
                    index = html.index(after: index)
                    while peek()?.isWhitespace == true { index = html.index(after: index) }
                    if let quote = peek(), quote == "\"" || quote == "'" {
                        index = html.index(after: index)
                        let close = html[index...].firstIndex(of: quote) ?? html.endIndex
                        value = String(html[index..<close])
                        index = close < html.endIndex ? html.index(after: close) : close
                    } else {
                        while let c = peek(), !c.isWhitespace, c != ">" { value.append(c); index = html.index(after: index) }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), decode(value))) }
            }
            if index < html.endIndex { index = html.index(after: index) }
            tags.append(Tag(name: name.lowercased(), attributes: attributes, end: index))
        }
        return (tags, comments)
    }

    /// The entities a browser would decode before reading a URL.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#58;", ":"), ("&colon;", ":"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        return out
    }
}
