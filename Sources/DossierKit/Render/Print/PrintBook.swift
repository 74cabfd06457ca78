import Foundation

/// One print page: a cover, a table of contents, then every document of the book as a chapter with
/// its document-control block, body and revision history. The paged layout (A4, running header with
/// the chapter's document number and version, page numbers) is the theme's `assets/print.css`.
struct PrintBook {
    let context: RenderContext
    /// Where the page lives, e.g. `print/manual.html`.
    let page: String
    /// Interface-string key of the book's title (`print.manualTitle`).
    let titleKey: String
    /// Interface-string key of the sentence shown when the book is empty.
    let emptyKey: String
    /// Interface-string key of the unit counted on the cover (`print.chapterCount`).
    let countKey: String
    /// The site page the toolbar leads back to, and its label's key.
    let backPage: String
    let backKey: String
    /// Navigation section of the layout the page belongs to.
    let section: String
    let documents: [Entry]

    func render() throws -> OutputFile {
        let strings = context.strings
        let title = strings[titleKey]
        let included = Set(documents.map(\.id))
        let values = FieldValues(context: context, page: page)
        let chapters = documents.enumerated().map { number, entry in chapter(entry, number: number + 1, included: included, values: values) }
        let config = context.site.config
        let organization = config.organization
        let book = (organization.shortName.isEmpty ? organization.name : organization.shortName) + " · " + title
        // One line per certificate: standard · number · body.
        let certifications = config.certifications.map { cert -> String in
            let standard = context.site.checklists.first { $0.id == cert.standard }?.title.text(strings.language) ?? cert.standard
            return ([standard, cert.number, cert.body].filter { !$0.isEmpty }).joined(separator: " · ")
        }
        var model: [String: Any] = [
            "title": title, "book": book, "organization": organization.name,
            "asOf": strings.format(context.asOf), "asOfISO": context.asOf.description,
            "chapters": chapters, "hasChapters": !chapters.isEmpty, "empty": strings[emptyKey],
            "count": chapters.count, "countLabel": strings[countKey],
            "certifications": certifications, "hasCertifications": !certifications.isEmpty,
            "stylesheet": PagePaths.relative(from: page, to: PagePaths.printStylesheet),
            "backHref": PagePaths.relative(from: page, to: backPage), "backLabel": strings[backKey],
            "generator": context.generator,
            "t": strings.all,
        ]
        if !config.scope.isEmpty {
            model["scope"] = config.scope
            model["hasScope"] = true
        }
        let body = try context.theme.render("print-book", model)
        let html = try context.layout(page: page, title: title, section: section, body: body)
        return OutputFile(path: page, text: html)
    }

    private func chapter(_ entry: Entry, number: Int, included: Set<String>, values: FieldValues) -> [String: Any] {
        let strings = context.strings
        let version = entry.string("version")
        var running = entry.id
        if let version { running += " · " + strings["printVersion"] + " " + version }
        var item: [String: Any] = [
            "anchor": PrintBodyHTML.anchor(of: entry.id), "id": entry.id, "title": entry.title, "number": number,
            "running": running,
            "control": control(entry, values: values),
            "body": PrintBodyHTML.html(of: entry, on: page, included: included, site: context.site),
            "siteHref": context.href(from: page, to: entry),
        ]
        if let version {
            item["version"] = version
            item["hasVersion"] = true
        }
        if let status = entry.string("status"), status != "approved" {
            item["isUnapproved"] = true
            item["statusText"] = values.word(for: status)
            item["statusBadge"] = status
        }
        let history = history(entry)
        item["history"] = history
        item["hasHistory"] = !history.isEmpty
        return item
    }

    /// The document-control block: number, version, status, owner, approval and next review.
    private func control(_ entry: Entry, values: FieldValues) -> [[String: Any]] {
        let strings = context.strings
        var cells: [[String: Any]] = [["label": strings["printDocumentNumber"], "items": [FieldValues.plain(entry.id)]]]
        let fields = [("version", "printVersion"), ("status", "printStatus"), ("owner", "printOwner"),
                      ("approved_by", "printApprovedBy"), ("approved_on", "printApprovedOn")]
        let specs = context.site.catalog[entry.type].map { context.site.catalog.allFields(of: $0) } ?? []
        for (field, key) in fields {
            guard let node = entry[field], !node.isNull else { continue }
            let kind = specs.first { $0.name == field }?.kind ?? .string
            cells.append(["label": strings[key], "items": values.items(node, kind: kind)])
        }
        if let review = DocumentControl.nextReview(of: entry, config: context.site.config) {
            cells.append(["label": strings["printNextReview"],
                          "items": [FieldValues.plain(strings.format(review), overdue: review < context.asOf)]])
        }
        return cells.map { cell in
            var cell = cell
            cell["items"] = FieldValues.markingLast(cell["items"] as? [[String: Any]] ?? [])
            return cell
        }
    }

    private func history(_ entry: Entry) -> [[String: Any]] {
        (entry["history"]?.sequence ?? []).map { item in
            let date = item["date"]?.string
            return [
                "version": item["version"]?.string ?? "",
                "date": date.flatMap { Day(iso: $0) }.map { context.strings.format($0) } ?? date ?? "",
                "by": item["by"]?.string ?? "",
                "change": item["change"]?.string ?? "",
            ]
        }
    }
}
