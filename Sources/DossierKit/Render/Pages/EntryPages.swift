import Foundation

/// The page of one document or record: a control panel of its fields, the body, and links both ways.
///
/// The view model is built as `TemplateValue`s (converting `[String: Any]` cost 7 % of a 10k build),
/// the page is rendered into bytes that go to disk as they are, and the layout around it is a frame
/// rendered once per folder and section (`TemplateFrame`), with the page's title and body spliced in.
struct EntryPages: Sendable {
    private(set) var context: RenderContext
    /// The layout's frame by `folder|section`, for every folder that holds entry pages; empty when the
    /// theme's layout uses `title` or `body` other than as plain variables (then each page renders it).
    private let frames: [String: TemplateFrame]
    /// Each type's field rows, planned once (`EntryFieldPlan`), as a document's page shows them
    /// (without the control panel's fields) and as a record's (without id and title).
    private var documentPlans: [String: EntryFieldPlan]
    private var recordPlans: [String: EntryFieldPlan]
    private var clauseTargets: ClauseTargets
    /// Every entry's page by index, made once for links, citations and the pages themselves (their
    /// paths were 5 % of the pages' instructions); `nil` over another version of the site
    /// (`rendering(_:)`, which renders one page: the paths are made as they are needed).
    private var pagePaths: [String]?
    /// Each entry's frame by index, found once with the page paths (`frameKey` and the dictionary
    /// lookup per page were 4 M instructions of the 1k site's build); `nil` with `pagePaths`.
    private var entryFrames: [TemplateFrame?]?

    /// - Parameter framing: `false` renders the layout for every page (tests compare both ways).
    init(context: RenderContext, framing: Bool = true) {
        self.context = context
        let pagePaths = context.allPagePaths
        // Each page's frame key once, on every core (made twice per page, one after another, they
        // were 40 M instructions of a 10k build with the other core idle).
        let entries = context.site.entries
        let keys = Array(entries.indices).parallelMap { Self.frameKey(page: pagePaths[$0], section: Self.section(of: entries[$0])) }
        var frames: [String: TemplateFrame] = [:]
        for (index, key) in keys.enumerated() where framing {
            guard frames[key] == nil else { continue }
            let model = context.layoutModel(page: pagePaths[index], section: Self.section(of: entries[index]))
            guard let frame = context.theme.templates.frame("layout", .map(model), holes: ["title", "body"]) else {
                frames = [:]
                break
            }
            frames[key] = frame
        }
        self.frames = frames
        entryFrames = keys.map { frames[$0] }
        (documentPlans, recordPlans) = Self.plans(context)
        clauseTargets = ClauseTargets(coverage: context.coverage)
        self.pagePaths = pagePaths
    }

    private static func plans(_ context: RenderContext) -> ([String: EntryFieldPlan], [String: EntryFieldPlan]) {
        let values = FieldValues(context: context, page: "")
        let catalog = context.site.catalog
        var documents: [String: EntryFieldPlan] = [:], records: [String: EntryFieldPlan] = [:]
        for (name, type) in catalog.types {
            documents[name] = EntryFieldPlan(type: type, catalog: catalog, skipping: controlFields, values: values)
            records[name] = EntryFieldPlan(type: type, catalog: catalog, skipping: recordSkipped, values: values)
        }
        return (documents, records)
    }

    /// Fields a record's page leaves out of its table: its heading shows them.
    private static let recordSkipped = ["id", "title"]

    /// The same pages over another version of the site (`serve`'s edited files): the frames depend
    /// only on folders, sections and the layout, so they are kept rather than made again from every
    /// entry (a pass over the whole site, most of an edited page's 17 ms at 10 000 records).
    func rendering(_ context: RenderContext) -> EntryPages {
        var pages = self
        pages.context = context
        (pages.documentPlans, pages.recordPlans) = Self.plans(context)
        pages.clauseTargets = ClauseTargets(coverage: context.coverage)
        pages.pagePaths = nil
        pages.entryFrames = nil
        return pages
    }

    /// Fields shown in the document-control panel, in this order, rather than in the generic table.
    static let controlFields = ["id", "type", "title", "kind", "version", "status", "owner", "approved_by",
                                "approved_on", "next_review", "history", "order"]

    /// The layout depends on the page only through its folder (every link in it is relative).
    private static func frameKey(page: String, section: String) -> String {
        let folder = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(page[..<$0]) } ?? ""
        return folder + "|" + section
    }

    private static func section(of entry: Entry) -> String {
        entry.category == .record ? "records" : (entry.type == "manual" ? "manual" : "documents")
    }

    func page(for index: Int) throws -> (path: String, html: String) {
        let file = try file(for: index)
        return (file.path, file.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
    }

    /// The page of entry `index` as the file to write.
    func file(for index: Int) throws -> OutputFile {
        let entry = context.site.entries[index]
        let page = pagePaths?[index] ?? PagePaths.page(for: entry)
        let templateName = entry.category == .document ? "document" : "record"
        let model = TemplateValue.fields(model(of: entry, page: page))
        let title = "\(entry.id) \(entry.title)"
        let section = Self.section(of: entry)
        guard let frame = entryFrames.map({ $0[index] }) ?? frames[Self.frameKey(page: page, section: section)] else {
            let body = try context.theme.renderBytes(templateName, model)
            let html = try context.layout(page: page, title: title, section: section, body: body.string)
            return OutputFile(path: page, text: html)
        }
        var output = ByteBuffer(capacity: frame.pieces.reduce(0) { $0 + $1.count } + title.utf8.count + 24 * 1024)
        // The body is rendered straight into the page where the layout has it once as `{{{body}}}`
        // (the built-in layout); otherwise once into a buffer of its own.
        try context.theme.require(templateName)
        var body: [UInt8]?
        if !frame.bodyOnceUnescaped { body = try context.theme.renderBytes(templateName, model).array }
        frame.render(into: &output) { name, escaped, output in
            switch (name, escaped) {
            case ("title", true): HTMLText.appendEscaped(title, to: &output)
            case ("title", false): output.append(utf8: title)
            case (_, true): HTMLText.appendEscaped(bytes: body ?? [], to: &output)
            case (_, false):
                if let body { output.append(body) } else { _ = context.theme.templates.render(templateName, model, into: &output) }
            }
        }
        return OutputFile(path: page, buffer: output)
    }

    /// A `TemplateFields` rather than a dictionary: some twenty keys, added without hashing (the
    /// dictionary grew and rehashed twice per page) and found by length and comparison.
    private func model(of entry: Entry, page: String) -> TemplateFields {
        let values = FieldValues(context: context, page: page, clauseTargets: clauseTargets, pagePaths: pagePaths)
        var model: TemplateFields = [
            "id": .text(entry.id), "title": .text(entry.title),
            "typeLabel": .text(context.typeLabel(entry.type)),
            "typeHref": .text(entry.category == .record
                ? PagePaths.relative(from: page, to: PagePaths.recordIndex(type: entry.type))
                : PagePaths.relative(from: page, to: entry.type == "manual" ? PagePaths.manualIndex : PagePaths.documentRegister)),
            "body": .utf8(BodyHTML.bytes(of: entry, on: page, context: context, pages: pagePaths)),
            "sourcePath": .text(entry.path),
            "t": context.strings.all,
        ]
        model.reserveCapacity(20)
        if entry.category == .document {
            model.add("isDocument", .bool(true))
            model.add("control", .list(controlPanel(entry, values: values)))
            model.add("fields", .list(fieldRows(entry, values: values, skipping: Self.controlFields)))
            let history = history(entry)
            model.add("history", .list(history))
            model.add("hasHistory", .bool(!history.isEmpty))
            let headings = entry.body.headings.filter { $0.level == 2 }.map {
                TemplateValue.fields(["text": .text($0.text), "anchor": .text($0.anchor)])
            }
            model.add("headings", .list(headings))
            model.add("hasHeadings", .bool(!headings.isEmpty))
        } else {
            model.add("isRecord", .bool(true))
            model.add("fields", .list(fieldRows(entry, values: values, skipping: Self.recordSkipped)))
        }
        let citing = (context.references.citing[entry.id] ?? []).map {
            TemplateValue.fields(context.summaryValue(of: context.site.entries[$0], from: page, target: pagePaths?[$0]))
        }
        model.add("citedBy", .list(citing))
        model.add("hasCitedBy", .bool(!citing.isEmpty))
        if entry.type == "manual" { model.add("pager", .map(pager(for: entry, page: page))) }
        return model
    }

    /// The entry's field rows through its type's plan; `skipping` is the plan's (for a type the plans
    /// do not know, which has no rows).
    private func fieldRows(_ entry: Entry, values: FieldValues, skipping: [String]) -> [TemplateValue] {
        let plans = entry.category == .document ? documentPlans : recordPlans
        guard let plan = plans[entry.type] else { return values.rows(for: entry, skipping: Set(skipping)) }
        return plan.rows(for: entry, values: values)
    }

    private func controlPanel(_ entry: Entry, values: FieldValues) -> [TemplateValue] {
        var rows: [TemplateValue] = []
        func add(_ key: String, _ items: [TemplateValue]) {
            guard !items.isEmpty else { return }
            rows.append(.fields(["label": .text(values.label(key)), "items": .list(items)]))
        }
        add("id", [.item(FieldValues.plainItem(entry.id, last: true))])
        for field in ["version", "status", "owner", "approved_by", "approved_on"] {
            guard let node = entry[field], !node.isNull, let plan = documentPlans[entry.type] else { continue }
            let kind = plan.kinds[field] ?? .string
            add(field, values.itemValues(node, kind: kind))
        }
        if let review = DocumentControl.nextReview(of: entry, config: context.site.config) {
            add("next_review", [.item(FieldValues.plainItem(context.strings.format(review), overdue: review < context.asOf, last: true))])
        }
        if let kinds = entry["kind"] { add("kind", values.itemValues(kinds, kind: .list(.string))) }
        return rows
    }

    private func history(_ entry: Entry) -> [TemplateValue] {
        (entry["history"]?.sequence ?? []).map { item in
            .fields([
                "version": .text(item["version"]?.string ?? ""),
                "date": .text(item["date"]?.string.flatMap { Day(iso: $0) }.map { context.strings.format($0) } ?? item["date"]?.string ?? ""),
                "by": .text(item["by"]?.string ?? ""),
                "change": .text(item["change"]?.string ?? ""),
            ])
        }
    }

    /// Previous and next chapter of the manual.
    private func pager(for entry: Entry, page: String) -> [String: TemplateValue] {
        let chapters = ManualPages.chapters(of: context.site)
        guard let position = chapters.firstIndex(where: { $0.id == entry.id }) else { return [:] }
        var pager: [String: TemplateValue] = [:]
        if position > 0 { pager["previous"] = .fields(context.summaryValue(of: chapters[position - 1], from: page)) }
        if position + 1 < chapters.count { pager["next"] = .fields(context.summaryValue(of: chapters[position + 1], from: page)) }
        return pager
    }
}
