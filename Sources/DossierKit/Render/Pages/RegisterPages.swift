import Foundation

/// Index pages: the register of controlled documents, the list of record types, and one sortable
/// table per record type.
struct RegisterPages {
    let context: RenderContext

    func documentRegister() throws -> (path: String, html: String) {
        let page = PagePaths.documentRegister
        let values = FieldValues(context: context, page: page)
        let groups = context.site.catalog.types.values.filter { $0.category == .document }
            .sorted { $0.folder < $1.folder }
            .compactMap { type -> [String: Any]? in
                let documents = context.site.entries(ofType: type.name)
                guard !documents.isEmpty else { return nil }
                let rows = documents.map { entry -> [String: Any] in
                    var row = context.summary(of: entry, from: page)
                    row["version"] = entry.string("version") ?? ""
                    row["statusBadge"] = entry.string("status") ?? ""
                    row["statusText"] = values.word(for: entry.string("status") ?? "")
                    row["owner"] = entry.string("owner") ?? ""
                    row["approved"] = entry.day("approved_on").map { context.strings.format($0) } ?? ""
                    if let review = DocumentControl.nextReview(of: entry, config: context.site.config) {
                        row["nextReview"] = context.strings.format(review)
                        row["reviewOverdue"] = review < context.asOf
                    }
                    return row
                }
                return ["title": type.title.text(context.strings.language), "type": type.name, "rows": rows, "count": rows.count]
            }
        let body = try context.theme.render("document-register", [
            "groups": groups, "t": context.strings.all,
            "printManualHref": PagePaths.relative(from: page, to: PagePaths.printManual),
            "printProceduresHref": PagePaths.relative(from: page, to: PagePaths.printProcedures),
        ])
        return (page, try context.layout(page: page, title: context.strings["documents"], section: "documents", body: body))
    }

    /// Record types that have at least one record, by name.
    var recordTypes: [TypeDefinition] {
        context.site.catalog.types.values
            .filter { $0.category == .record && !context.site.entryIndices(ofType: $0.name).isEmpty }
            .sorted { $0.name < $1.name }
    }

    func recordsIndex() throws -> (path: String, html: String) {
        let page = PagePaths.recordsIndex
        let types = recordTypes.map { type -> [String: Any] in
            let records = context.site.entries(ofType: type.name)
            let days = records.compactMap { RenderDates.recordDay(of: $0, catalog: context.site.catalog) }
            return [
                "title": type.title.text(context.strings.language), "type": type.name, "count": records.count,
                "href": PagePaths.relative(from: page, to: PagePaths.recordIndex(type: type.name)),
                "latest": days.max().map { context.strings.format($0) } ?? "",
            ]
        }
        let body = try context.theme.render("records-index", ["types": types, "t": context.strings.all])
        return (page, try context.layout(page: page, title: context.strings["records"], section: "records", body: body))
    }

    /// One table per record type (`SiteRenderer` renders each as a job of its own).
    func recordTypeIndexes() throws -> [(path: String, html: String)] {
        try recordTypes.map { type in
            let file = try recordTypeIndex(type)
            return (file.path, file.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// The table of one record type, as the file's bytes: the page (over 1 MB for the largest type at
    /// 10 000 records) is not turned into a `String` and back after the layout.
    func recordTypeIndex(_ type: TypeDefinition) throws -> OutputFile {
        let page = PagePaths.recordIndex(type: type.name)
        let values = FieldValues(context: context, page: page)
        let columns = type.columns.filter { $0 != "id" && $0 != "title" }
        let kinds = columns.map { type.field($0)?.kind ?? .string }
        // Newest first. ISO dates and date-times sort correctly as text; each key is read once.
        let dateField = type.dateField ?? "date"
        let records = context.site.entryIndices(ofType: type.name)
            .map { (key: context.site.entries[$0].string(dateField) ?? "", entry: context.site.entries[$0], index: $0) }
            .sorted { ($0.key, $0.entry.id) > ($1.key, $1.entry.id) }
        // Typed view models: these tables hold a row per record (10 000 at 10k records).
        let rows = records.map { record -> TemplateValue in
            var row = context.summaryValue(of: record.entry, from: page, target: context.pagePath(of: record.index))
            row.add("cells", .list(zip(columns, kinds).map { column, kind -> TemplateValue in
                guard let node = record.entry[column], !node.isNull else { return .fields(["items": .list([])]) }
                let sortKey = node.string ?? ""
                return .fields(["items": .list(values.itemValues(node, kind: kind)), "sortKey": .text(sortKey),
                             "hasSortKey": .bool(!sortKey.isEmpty)])
            }))
            return .fields(row)
        }
        let title = type.title.text(context.strings.language)
        let model: [String: TemplateValue] = [
            "title": .text(title), "type": .text(type.name), "count": .text(String(rows.count)),
            "columns": .list(columns.map { .fields(["label": .text(values.label($0))]) }), "rows": .list(rows),
            "recordsHref": .text(PagePaths.relative(from: page, to: PagePaths.recordsIndex)), "t": context.strings.all,
        ]
        let body = try context.theme.renderBytes("record-type-index", .map(model))
        // `RenderContext.layout`, kept in bytes.
        let layout = try context.theme.layoutBytes(context.layoutModel(page: page, section: "records"), title: title, body: body)
        return OutputFile(path: page, buffer: layout)
    }
}
