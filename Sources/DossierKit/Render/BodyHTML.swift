/// The Markdown body's HTML for a page: placeholders `href="dossier-link:N"` left by the Markdown
/// stage become relative links to the target pages, and when the body has its own `h1` its headings
/// move one level down, since the page's title is the page's one `h1`.
enum BodyHTML {
    static let marker = "href=\"dossier-link:"

    static func html(of entry: Entry, on page: String, context: RenderContext) -> String {
        let html = rewrite(entry.body.html, attribute: marker) { digits in
            "href=\"" + href(forLink: Int(digits), of: entry, on: page, site: context.site)
        }
        return entry.body.headings.contains { $0.level == 1 } ? shiftingHeadings(html) : html
    }

    /// Where link `index` of `entry` leads from `page`: the target's page and anchor, `#anchor` within
    /// the same entry, or `#` when the link did not resolve (validation reports it).
    static func href(forLink index: Int?, of entry: Entry, on page: String, site: Site) -> String {
        guard let index, index >= 0, index < entry.resolvedLinks.count, let link = entry.resolvedLinks[index],
              let target = site.indexByID[link.targetID] else { return "#" }
        let anchor = link.anchor.flatMap { $0.isEmpty ? nil : "#" + $0 } ?? ""
        if site.entries[target].id == entry.id { return anchor.isEmpty ? "#" : anchor }
        return PagePaths.relative(from: page, to: PagePaths.page(for: site.entries[target])) + anchor
    }

    /// Replaces every attribute value that follows `attribute` (up to the closing quote) with
    /// `replacement(value)`, which writes the attribute's opening as well.
    ///
    /// One pass over the UTF-8 bytes: Foundation's `range(of:)` on the remaining substring copies
    /// it on every call, which made a body with many links on one long line quadratic (a 2 MB line
    /// of wiki links took about a minute).
    static func rewrite(_ html: String, attribute: String, _ replacement: (Substring) -> String) -> String {
        let needle = Array(attribute.utf8)
        guard let first = needle.first else { return html }
        var html = html
        return html.withUTF8 { bytes -> String? in
            let quote = UInt8(ascii: "\"")
            var output: [UInt8] = []
            var found = false
            var copied = 0
            var index = 0
            while index + needle.count <= bytes.count {
                guard bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) else {
                    index += 1
                    continue
                }
                if !found { output.reserveCapacity(bytes.count + 256) }
                found = true
                output.append(contentsOf: bytes[copied..<index])
                let start = index + needle.count
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                output.append(contentsOf: replacement(Substring(String(decoding: bytes[start..<end], as: UTF8.self))).utf8)
                copied = end
                index = end
            }
            guard found else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    /// `h1` becomes `h2`, ..., `h5` becomes `h6`; `h6` stays. (cmark escapes `<` in text and code, so
    /// every `<hN` in its output is a tag.)
    static func shiftingHeadings(_ html: String) -> String {
        // One pass over the bytes (Foundation's replacingOccurrences, 15 times, was a tenth of a build).
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count)
        var changed = false
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            output.append(byte)
            // `<hN` or `</hN` followed by `>` or a space, N from 1 to 5.
            if byte == UInt8(ascii: "<") {
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
                if j + 2 < bytes.count, bytes[j] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[j + 1]),
                   bytes[j + 2] == UInt8(ascii: ">") || bytes[j + 2] == UInt8(ascii: " ") {
                    output.append(contentsOf: bytes[(i + 1)...j])
                    output.append(bytes[j + 1] + 1)
                    i = j + 2
                    changed = true
                    continue
                }
            }
            i += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : html
    }
}
