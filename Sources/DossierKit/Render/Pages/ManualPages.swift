/// The manual as a book: chapters in `order`, and a table of contents page.
struct ManualPages {
    let context: RenderContext

    /// Manual chapters by `order`, then id.
    static func chapters(of site: Site) -> [Entry] {
        site.entries(ofType: "manual").sorted {
            let a = Int($0.string("order") ?? "") ?? Int.max, b = Int($1.string("order") ?? "") ?? Int.max
            return (a, $0.id) < (b, $1.id)
        }
    }

    func index() throws -> (path: String, html: String) {
        let page = PagePaths.manualIndex
        let chapters = Self.chapters(of: context.site).enumerated().map { number, entry -> [String: Any] in
            var item = context.summary(of: entry, from: page)
            item["number"] = number + 1
            item["version"] = entry.string("version") ?? ""
            item["sections"] = entry.body.headings.filter { $0.level == 2 }.map {
                ["text": $0.text, "href": context.href(from: page, to: entry, anchor: $0.anchor)]
            }
            return item
        }
        let body = try context.theme.render("manual-index", [
            "chapters": chapters, "hasChapters": !chapters.isEmpty,
            "organization": context.site.config.organization.name, "t": context.strings.all,
            "printHref": PagePaths.relative(from: page, to: PagePaths.printManual),
        ])
        return (page, try context.layout(page: page, title: context.strings["manual"], section: "manual", body: body))
    }
}
