/// The home page. (The full dashboard of readiness, NCs, due activities and KPIs builds on this.)
struct HomePage {
    let context: RenderContext

    func render() throws -> (path: String, html: String) {
        let page = PagePaths.home
        let config = context.site.config
        let certifications = config.certifications.map { cert -> [String: Any] in
            [
                "standard": context.site.checklists.first { $0.id == cert.standard }?.title.text(context.strings.language) ?? cert.standard,
                "body": cert.body, "number": cert.number,
                "issued": cert.issued.map(context.strings.format) ?? "", "expires": cert.expires.map(context.strings.format) ?? "",
            ]
        }
        let records = context.site.records
        let chapters = ManualPages.chapters(of: context.site).map { context.summary(of: $0, from: page) }
        let recent = records.compactMap { entry in RecordDates.day(of: entry, catalog: context.site.catalog).map { ($0, entry) } }
            .sorted { ($0.0, $0.1.id) > ($1.0, $1.1.id) }
            .prefix(8)
            .map { context.summary(of: $0.1, from: page) }
        let body = try context.theme.render("home", [
            "organization": config.organization.name, "scope": config.scope,
            "certifications": certifications, "hasCertifications": !certifications.isEmpty,
            "documentCount": context.site.documents.count, "recordCount": records.count,
            "typeCount": Set(records.map(\.type)).count,
            "chapters": chapters, "recent": recent,
            "manualHref": PagePaths.manualIndex, "documentsHref": PagePaths.documentRegister, "recordsHref": PagePaths.recordsIndex,
            "t": context.strings.all,
        ])
        return (page, try context.layout(page: page, title: config.organization.name, section: "home", body: body))
    }

    func notFound() throws -> (path: String, html: String) {
        let page = PagePaths.notFound
        let body = try context.theme.render("not-found", ["homeHref": PagePaths.home, "t": context.strings.all])
        return (page, try context.layout(page: page, title: context.strings["notFound"], section: "", body: body))
    }
}
