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
              let target = site.entry(id: link.targetID) else { return "#" }
        let anchor = link.anchor.flatMap { $0.isEmpty ? nil : "#" + $0 } ?? ""
        if target.id == entry.id { return anchor.isEmpty ? "#" : anchor }
        return PagePaths.relative(from: page, to: PagePaths.page(for: target)) + anchor
    }

    /// Replaces every attribute value that follows `attribute` (up to the closing quote) with
    /// `replacement(value)`, which writes the attribute's opening as well.
    static func rewrite(_ html: String, attribute: String, _ replacement: (Substring) -> String) -> String {
        guard html.contains(attribute) else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let range = rest.range(of: attribute) {
            output += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            let value = rest.prefix { $0 != "\"" }
            rest = rest.dropFirst(value.count)
            output += replacement(value)
        }
        output += rest
        return output
    }

    /// `h1` becomes `h2`, ..., `h5` becomes `h6`; `h6` stays. (cmark escapes `<` in text and code, so
    /// every `<hN` in its output is a tag.)
    static func shiftingHeadings(_ html: String) -> String {
        guard html.contains("<h") else { return html }
        var html = html
        for level in stride(from: 5, through: 1, by: -1) {
            html = html.replacingOccurrences(of: "<h\(level)>", with: "<h\(level + 1)>")
                .replacingOccurrences(of: "<h\(level) ", with: "<h\(level + 1) ")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return html
    }
}
