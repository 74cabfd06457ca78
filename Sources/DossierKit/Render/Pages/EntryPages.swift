/// The page of one document or record: a control panel of its fields, the body, and links both ways.
struct EntryPages {
    let context: RenderContext

    /// Fields shown in the document-control panel, in this order, rather than in the generic table.
    static let controlFields = ["id", "type", "title", "kind", "version", "status", "owner", "approved_by",
                                "approved_on", "next_review", "history", "order"]

    func page(for index: Int) throws -> (path: String, html: String) {
        let entry = context.site.entries[index]
        let page = PagePaths.page(for: entry)
        let values = FieldValues(context: context, page: page)
        let type = context.site.catalog[entry.type]
        var model: [String: Any] = [
            "id": entry.id, "title": entry.title,
            "typeLabel": type?.title.text(context.strings.language) ?? entry.type,
            "typeHref": entry.category == .record
                ? PagePaths.relative(from: page, to: PagePaths.recordIndex(type: entry.type))
                : PagePaths.relative(from: page, to: entry.type == "manual" ? PagePaths.manualIndex : PagePaths.documentRegister),
            "body": BodyHTML.html(of: entry, on: page, context: context),
            "sourcePath": entry.path,
            "t": context.strings.all,
        ]
        if entry.category == .document {
            model["isDocument"] = true
            model["control"] = controlPanel(entry, values: values)
            model["fields"] = values.rows(for: entry, skipping: Set(Self.controlFields))
            let history = history(entry)
            model["history"] = history
            model["hasHistory"] = !history.isEmpty
            let headings = entry.body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "anchor": $0.anchor] }
            model["headings"] = headings
            model["hasHeadings"] = !headings.isEmpty
        } else {
            model["isRecord"] = true
            model["fields"] = values.rows(for: entry, skipping: ["id", "title"])
        }
        let citing = (context.references.citing[entry.id] ?? []).map { context.summary(of: context.site.entries[$0], from: page) }
        model["citedBy"] = citing
        model["hasCitedBy"] = !citing.isEmpty
        if entry.type == "manual" { model["pager"] = pager(for: entry, page: page) }
        let body = try context.theme.render(entry.category == .document ? "document" : "record", model)
        let section = entry.category == .record ? "records" : (entry.type == "manual" ? "manual" : "documents")
        return (page, try context.layout(page: page, title: "\(entry.id) \(entry.title)", section: section, body: body))
    }

    private func controlPanel(_ entry: Entry, values: FieldValues) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func add(_ key: String, _ items: [[String: Any]]) {
            guard !items.isEmpty else { return }
            rows.append(["label": values.label(key), "items": FieldValues.markingLast(items)])
        }
        add("id", [FieldValues.plain(entry.id)])
        for field in ["version", "status", "owner", "approved_by", "approved_on"] {
            guard let node = entry[field], !node.isNull, let type = context.site.catalog[entry.type] else { continue }
            let kind = context.site.catalog.allFields(of: type).first { $0.name == field }?.kind ?? .string
            add(field, values.items(node, kind: kind))
        }
        if let review = DocumentControl.nextReview(of: entry, config: context.site.config) {
            add("next_review", [FieldValues.plain(context.strings.format(review), overdue: review < context.asOf)])
        }
        if let kinds = entry["kind"] { add("kind", values.items(kinds, kind: .list(.string))) }
        return rows
    }

    private func history(_ entry: Entry) -> [[String: Any]] {
        (entry["history"]?.sequence ?? []).map { item in
            [
                "version": item["version"]?.string ?? "",
                "date": item["date"]?.string.flatMap { Day(iso: $0) }.map(context.strings.format) ?? item["date"]?.string ?? "",
                "by": item["by"]?.string ?? "",
                "change": item["change"]?.string ?? "",
            ]
        }
    }

    /// Previous and next chapter of the manual.
    private func pager(for entry: Entry, page: String) -> [String: Any] {
        let chapters = ManualPages.chapters(of: context.site)
        guard let position = chapters.firstIndex(where: { $0.id == entry.id }) else { return [:] }
        var pager: [String: Any] = [:]
        if position > 0 { pager["previous"] = context.summary(of: chapters[position - 1], from: page) }
        if position + 1 < chapters.count { pager["next"] = context.summary(of: chapters[position + 1], from: page) }
        return pager
    }
}
