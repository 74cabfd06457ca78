import Foundation

/// A content file's body HTML as one chapter of a print page, where many bodies share one page:
///
/// - heading ids are namespaced by the entry id (`PR-06:1-目的`), since every procedure has its own
///   `1-目的`; entry ids cannot hold `:` and heading slugs never do, so the ids stay unique (the
///   page's own ids, like `_contents`, start with `_`, which no entry id does);
/// - links within the body (`#1-目的`) follow their heading to its namespaced id;
/// - links to content files (the `dossier-link:N` placeholders of the Markdown stage, as in `BodyHTML`)
///   lead to the chapter in this page when the target is in it, to the target's site page otherwise;
/// - headings move one level down, because the chapter title is the page's `h2` (the cover holds the `h1`).
enum PrintBodyHTML {
    /// The id of a chapter in a print page (`PR-06`), or of one of its headings (`PR-06:1-目的`).
    static func anchor(of entryID: String, heading: String? = nil) -> String {
        guard let heading, !heading.isEmpty else { return entryID }
        return entryID + ":" + heading
    }

    /// - Parameters:
    ///   - page: the print page, relative to the output root.
    ///   - included: ids of the entries that are chapters of this print page.
    static func html(of entry: Entry, on page: String, included: Set<String>, site: Site) -> String {
        var html = entry.body.htmlUTF8
        html = BodyHTML.rewrite(bytes: html, attribute: "href=\"#") { fragment in
            "href=\"#" + anchor(of: entry.id, heading: fragment.removingPercentEncoding ?? String(fragment))
        }
        html = BodyHTML.rewrite(bytes: html, attribute: " id=\"") { id in " id=\"" + anchor(of: entry.id, heading: String(id)) }
        html = BodyHTML.rewrite(bytes: html, attribute: BodyHTML.marker) { digits in
            "href=\"" + href(forLink: Int(digits), of: entry, on: page, included: included, site: site)
        }
        return String(decoding: html.withUnsafeBufferPointer(BodyHTML.shiftingHeadings) ?? html, as: UTF8.self)
    }

    /// Where link `index` of `entry` leads from the print page.
    static func href(forLink index: Int?, of entry: Entry, on page: String, included: Set<String>, site: Site) -> String {
        guard let index, index >= 0, index < entry.resolvedLinks.count, let link = entry.resolvedLinks[index],
              let target = site.entry(id: link.targetID) else { return "#" }
        let anchor = link.anchor.flatMap { $0.isEmpty ? nil : $0 }
        if included.contains(target.id) { return "#" + Self.anchor(of: target.id, heading: anchor) }
        return PagePaths.relative(from: page, to: PagePaths.page(for: target)) + (anchor.map { "#" + $0 } ?? "")
    }
}
