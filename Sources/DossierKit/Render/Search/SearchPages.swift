import Foundation

/// `search/index.html` and its index `search/index.js`: full-text search in the browser that works
/// offline from the file system. The page's script is the theme's `assets/js/search.js`; without
/// JavaScript the page says so and links to the registers.
struct SearchPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }

    static let indexScript = "search/index.js"
    static let pageScript = "assets/js/search.js"

    /// Results shown at most; the status line says how many more matched.
    static let maxResults = 50

    func render() throws -> [OutputFile] {
        let page = PagePaths.searchIndex
        let index = SearchIndex(context: context, page: page)
        let strings = context.strings
        let browse: [[String: Any]] = [
            ("manual", PagePaths.manualIndex), ("documents", PagePaths.documentRegister),
            ("records", PagePaths.recordsIndex), ("clauses", PagePaths.clausesIndex),
        ].map { key, target in ["label": strings[key], "href": PagePaths.relative(from: page, to: target)] }
        let model: [String: Any] = [
            "types": index.types.map { ["key": $0.key, "label": $0.label, "count": $0.count] },
            "entryCount": index.entries.count,
            "browse": FieldValues.markingLast(browse),
            "indexSrc": PagePaths.relative(from: page, to: Self.indexScript),
            "scriptSrc": PagePaths.relative(from: page, to: Self.pageScript),
            "maxResults": Self.maxResults,
            "t": strings.all,
        ]
        let body = try context.theme.render("search-index", model)
        return [
            OutputFile(path: page, text: try context.layout(page: page, title: strings["search"], section: "search", body: body)),
            OutputFile(path: Self.indexScript, buffer: index.javascript()),
        ]
    }
}
