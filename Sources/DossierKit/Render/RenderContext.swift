/// What every page builder needs: the site, the theme, the as-of date, and the cross-references.
///
/// A class, so that the page builders' copies of it (two per entry page) are one reference: as a
/// struct each copy retained and released every field, objects that both render threads share, which
/// made perf's second-largest share of `swift_retain` and `swift_release` in a 10k build.
final class RenderContext: Sendable {
    let site: Site
    let theme: Theme
    let asOf: Day
    let references: References
    /// Coverage of every applicable standard, computed once for the dashboard and the clause pages.
    let coverage: [ChecklistCoverage]
    /// This build's validation results (warnings, and errors when they were allowed).
    let diagnostics: [Diagnostic]
    let generator: String
    /// The theme's strings, stored here: as a computed property returning `theme.strings`, every use
    /// copied the whole struct (a retain and release of each of its tables, which both render threads
    /// share).
    let strings: InterfaceStrings
    /// Each type's label in the interface language and its date field, for entry summaries (cited-by
    /// lists, 36,000 at 10 000 records): `site.catalog[type]` copied the whole `TypeDefinition`, some
    /// ten shared references retained and released, for each of them.
    private let typeSummaries: [String: TypeSummary]
    /// Each entry's page by index, when the caller made them (a whole build makes them once, on every
    /// core: the pages, the search index, the data export and the tables each made them again, five
    /// times per entry, 108 M instructions of a 10k build). `nil` makes each one when asked (`serve`'s
    /// previews render a page or two).
    private let pagePaths: [String]?

    private struct TypeSummary {
        let label: String
        let dateField: String?
    }

    init(site: Site, theme: Theme, asOf: Day, references: References, coverage: [ChecklistCoverage],
         diagnostics: [Diagnostic], generator: String, pagePaths: [String]? = nil) {
        assert(pagePaths.map { $0.count == site.entries.count } ?? true, "one page path per entry")
        self.site = site
        self.theme = theme
        self.asOf = asOf
        self.references = references
        self.coverage = coverage
        self.diagnostics = diagnostics
        self.generator = generator
        strings = theme.strings
        self.pagePaths = pagePaths
        typeSummaries = site.catalog.types.mapValues { [strings] type in
            TypeSummary(label: type.title.text(strings.language), dateField: type.dateField)
        }
    }

    /// The page of entry `index` (`PagePaths.page(for:)`).
    func pagePath(of index: Int) -> String {
        pagePaths?[index] ?? PagePaths.page(for: site.entries[index])
    }

    /// Every entry's page by index.
    var allPagePaths: [String] {
        pagePaths ?? site.entries.map(PagePaths.page(for:))
    }

    func href(from page: String, to entry: Entry, anchor: String? = nil) -> String {
        PagePaths.relative(from: page, to: PagePaths.page(for: entry)) + (anchor.map { "#" + $0 } ?? "")
    }

    /// A link to the entry with `id` as `{ text, href }`, or just the text when there is no such entry.
    func link(from page: String, id: String) -> [String: Any] { linkValue(from: page, id: id).mapValues(\.plain) }

    /// `link(from:id:)` as a typed view model, for pages built without `[String: Any]`.
    /// `pages`: every entry's page by index, when the caller has made them once.
    func linkValue(from page: String, id: String, pages: [String]? = nil) -> TemplateFields {
        // By index: `site.entry(id:)` copies the whole entry, for every reference on every page.
        guard let index = site.indexByID[id] else { return ["text": .text(id), "missing": .bool(true)] }
        let target = pages?[index] ?? PagePaths.page(for: site.entries[index])
        return ["text": .text(id), "title": .text(site.entries[index].title), "href": .text(PagePaths.relative(from: page, to: target))]
    }

    /// A short summary of an entry for lists: id, title, type label, link.
    /// Keys are left out rather than empty: Mustache treats "" as true and climbs to outer contexts.
    func summary(of entry: Entry, from page: String) -> [String: Any] { summaryValue(of: entry, from: page).mapValues(\.plain) }

    /// The label of type `name` in the interface language; the name itself for a type the catalog lacks.
    func typeLabel(_ name: String) -> String { typeSummaries[name]?.label ?? name }

    /// `summary(of:from:)` as a typed view model.
    /// `target` is the entry's page when the caller has it already.
    func summaryValue(of entry: Entry, from page: String, target: String? = nil) -> TemplateFields {
        // The type looked up once for its label and date field, and the date in the literal rather
        // than added after it (a second array): cited-by lists make thousands of these.
        let target = target ?? PagePaths.page(for: entry)
        let type = typeSummaries[entry.type]
        let href = TemplateValue.text(PagePaths.relative(from: page, to: target))
        let typeLabel = TemplateValue.text(type?.label ?? entry.type)
        guard let day = RenderDates.recordDay(of: entry, dateField: type?.dateField, catalog: site.catalog) else {
            return ["id": .text(entry.id), "title": .text(entry.title), "href": href, "typeLabel": typeLabel]
        }
        return ["id": .text(entry.id), "title": .text(entry.title), "href": href, "typeLabel": typeLabel,
                "date": .text(strings.format(day))]
    }

    /// Wraps a page body in the theme's layout, with navigation relative to `page`.
    func layout(page: String, title: String, section: String, body: String) throws -> String {
        var model = layoutModel(page: page, section: section)
        model["title"] = .text(title)
        model["body"] = .text(body)
        return try theme.renderBytes("layout", .map(model)).string
    }

    /// The layout's view model without `title` and `body`: the same for every page of a folder.
    func layoutModel(page: String, section: String) -> [String: TemplateValue] {
        let root = PagePaths.rootPrefix(of: page)
        let nav: [TemplateValue] = [
            ("home", PagePaths.home), ("manual", PagePaths.manualIndex),
            ("documents", PagePaths.documentRegister), ("records", PagePaths.recordsIndex),
            ("clauses", PagePaths.clausesIndex), ("audits", PagePaths.auditsIndex), ("kpis", PagePaths.kpisIndex),
            ("calendar", PagePaths.calendarIndex), ("search", PagePaths.searchIndex),
        ].map { key, target in
            .map(["label": .text(strings[key]), "href": .text(PagePaths.relative(from: page, to: target)),
                  "current": .bool(key == section)])
        }
        let organization = site.config.organization
        return [
            "lang": .text(strings.language.rawValue),
            "siteName": .text(organization.shortName.isEmpty ? organization.name : organization.shortName),
            "organization": .text(organization.name),
            "root": .text(root),
            "stylesheet": .text(root + PagePaths.stylesheet),
            "homeHref": .text(PagePaths.relative(from: page, to: PagePaths.home)),
            "nav": .list(nav),
            "asOf": .text(strings.format(asOf)),
            "generator": .text(generator),
            "t": strings.all,
        ]
    }
}
