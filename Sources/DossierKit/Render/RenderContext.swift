/// What every page builder needs: the site, the theme, the as-of date, and the cross-references.
struct RenderContext: Sendable {
    let site: Site
    let theme: Theme
    let asOf: Day
    let references: References
    /// Coverage of every applicable standard, computed once for the dashboard and the clause pages.
    let coverage: [ChecklistCoverage]
    /// This build's validation results (warnings, and errors when they were allowed).
    let diagnostics: [Diagnostic]
    let generator: String

    var strings: InterfaceStrings { theme.strings }

    func href(from page: String, to entry: Entry, anchor: String? = nil) -> String {
        PagePaths.relative(from: page, to: PagePaths.page(for: entry)) + (anchor.map { "#" + $0 } ?? "")
    }

    /// A link to the entry with `id` as `{ text, href }`, or just the text when there is no such entry.
    func link(from page: String, id: String) -> [String: Any] {
        guard let entry = site.entry(id: id) else { return ["text": id, "missing": true] }
        return ["text": id, "title": entry.title, "href": href(from: page, to: entry)]
    }

    /// A short summary of an entry for lists: id, title, type label, link.
    /// Keys are left out rather than empty: Mustache treats "" as true and climbs to outer contexts.
    func summary(of entry: Entry, from page: String) -> [String: Any] {
        var summary: [String: Any] = [
            "id": entry.id, "title": entry.title, "href": href(from: page, to: entry),
            "typeLabel": site.catalog[entry.type]?.title.text(strings.language) ?? entry.type,
        ]
        if let day = RecordDates.day(of: entry, catalog: site.catalog) { summary["date"] = strings.format(day) }
        return summary
    }

    /// Wraps a page body in the theme's layout, with navigation relative to `page`.
    func layout(page: String, title: String, section: String, body: String) throws -> String {
        let root = PagePaths.rootPrefix(of: page)
        let nav: [[String: Any]] = [
            ("home", PagePaths.home), ("manual", PagePaths.manualIndex),
            ("documents", PagePaths.documentRegister), ("records", PagePaths.recordsIndex),
            ("clauses", PagePaths.clausesIndex), ("audits", PagePaths.auditsIndex), ("kpis", PagePaths.kpisIndex),
            ("calendar", PagePaths.calendarIndex), ("search", PagePaths.searchIndex),
        ].map { key, target in
            ["label": strings[key], "href": PagePaths.relative(from: page, to: target), "current": key == section]
        }
        let organization = site.config.organization
        return try theme.render("layout", [
            "lang": strings.language.rawValue,
            "title": title,
            "siteName": organization.shortName.isEmpty ? organization.name : organization.shortName,
            "organization": organization.name,
            "root": root,
            "stylesheet": root + PagePaths.stylesheet,
            "homeHref": PagePaths.relative(from: page, to: PagePaths.home),
            "nav": nav,
            "body": body,
            "asOf": strings.format(asOf),
            "generator": generator,
            "t": strings.all,
        ])
    }
}
