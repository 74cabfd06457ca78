/// The Markdown body's HTML for a page: placeholders `href="dossier-link:N"` left by the Markdown
/// stage become relative links to the target pages.
enum BodyHTML {
    static let marker = "href=\"dossier-link:"

    static func html(of entry: Entry, on page: String, context: RenderContext) -> String {
        let html = entry.body.html
        guard html.contains(marker) else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let range = rest.range(of: marker) {
            output += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            rest = rest.dropFirst(digits.count)
            var href = "#"
            if let index = Int(digits), index < entry.resolvedLinks.count, let link = entry.resolvedLinks[index],
               let target = context.site.entry(id: link.targetID) {
                href = target.id == entry.id ? "" : PagePaths.relative(from: page, to: PagePaths.page(for: target))
                if let anchor = link.anchor, !anchor.isEmpty { href += "#" + anchor }
                if href.isEmpty { href = "#" }
            }
            output += "href=\"" + href
        }
        output += rest
        return output
    }
}
