/// `clauses/<checklist>/index.html`: the coverage matrix. Every clause in checklist order under the
/// headings of its group clauses, with its status, answering documents and evidence, and a filter by
/// status made of anchors and CSS `:target` (no JavaScript needed).
struct ClauseMatrixPage {
    let pages: ClausePages
    let coverage: ChecklistCoverage

    /// Approved documents named in a row before "and N more".
    static let documentLimit = 5

    var context: RenderContext { pages.context }
    var checklist: Checklist { coverage.checklist }

    func render() throws -> OutputFile {
        let page = PagePaths.clauseMatrix(checklist: checklist.id)
        var model = pages.readiness(of: coverage, matrixHref: "")
        model["title"] = pages.title(of: checklist)
        model["overviewHref"] = PagePaths.relative(from: page, to: PagePaths.clausesIndex)
        model["sections"] = sections(page: page)
        model["isScored"] = coverage.score != nil
        model["colspan"] = coverage.score != nil ? 6 : 5
        model["filters"] = filters()
        model["hasClauses"] = !coverage.clauses.isEmpty
        model["t"] = context.strings.all
        let body = try context.theme.render("clause-matrix", model)
        let html = try context.layout(page: page, title: pages.title(of: checklist), section: "clauses", body: body)
        return OutputFile(path: page, text: html)
    }

    /// "All" and one chip per status, each an anchor that the stylesheet turns into a filter.
    private func filters() -> [[String: Any]] {
        var chips: [[String: Any]] = [[
            "label": context.strings["clauseStatusAll"], "count": coverage.clauses.count, "href": "#matrix",
            "status": "all", "isLink": true,
        ]]
        for status in ClausePages.statuses {
            let count = coverage.count(status)
            chips.append(["label": pages.words.status(status), "count": count, "href": "#show-" + status.rawValue,
                          "status": status.rawValue, "isLink": count > 0])
        }
        return chips
    }

    /// Rows grouped under group clauses. Clauses before the first group (or in a checklist without
    /// groups) form a section without a heading; a nested group starts its own section, and the clauses
    /// that follow it at its parent's level (5.3 after 5.2.x) continue in a section without a heading.
    /// Rows and headings carry their depth below the top-level group, for indentation.
    private func sections(page: String) -> [[String: Any]] {
        let byID = Dictionary(coverage.clauses.map { ($0.clause.id, $0) }, uniquingKeysWith: { first, _ in first })
        let groupIDs = Set(checklist.clauses.filter(\.isGroup).map(\.id))
        var sections: [[String: Any]] = []
        var rows: [[String: Any]] = []
        var heading: [String: Any]?
        /// The group whose rows the current section holds ("" before any group).
        var currentGroup = ""
        func close() {
            guard heading != nil || !rows.isEmpty else { return }
            var section = heading ?? [:]
            section["hasHeading"] = heading != nil
            section["rows"] = rows
            sections.append(section)
            rows = []
            heading = nil
        }
        for clause in checklist.clauses {
            let parents = ClauseDetailPage.ancestors(of: clause.id).filter(groupIDs.contains)
            if clause.isGroup {
                close()
                heading = groupHeading(clause, depth: parents.count)
                currentGroup = clause.id
            } else if let clauseCoverage = byID[clause.id] {
                let parent = parents.last ?? ""
                if parent != currentGroup {
                    close()
                    currentGroup = parent
                }
                var row = row(clauseCoverage, page: page)
                row["depth"] = min(max(parents.count - 1, 0), 3)
                rows.append(row)
            }
        }
        close()
        return sections
    }

    private func groupHeading(_ group: Checklist.Clause, depth: Int) -> [String: Any] {
        let leaves = coverage.clauses.filter { $0.clause.id.hasPrefix(group.id + ".") }
        let applicable = leaves.filter { $0.status != .excluded }.count
        let covered = leaves.filter { $0.status == .covered }.count
        var heading: [String: Any] = [
            "groupID": group.id, "groupTitle": pages.title(of: group),
            "anchor": PagePaths.clauseGroupAnchor(group.id), "depth": min(depth, 3),
        ]
        if applicable > 0 {
            heading["groupSummary"] = pages.words.fill("clauseGroupCovered", ["covered": String(covered), "applicable": String(applicable)])
            heading["groupComplete"] = covered == applicable
        }
        if let points = group.points, coverage.score != nil { heading["groupPoints"] = ClauseWords.number(points) }
        return heading
    }

    private func row(_ clause: ClauseCoverage, page: String) -> [String: Any] {
        var row = pages.badge(clause.status)
        row["clauseID"] = clause.clause.id
        row["clauseTitle"] = pages.title(of: clause.clause)
        row["href"] = PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: checklist.id, clause: clause.clause.id))
        if let reason = clause.exclusionReason { row["reason"] = reason }
        row["isExcluded"] = clause.status == .excluded
        row["isStale"] = false

        // Every pending document (they explain a partial status), and approved ones up to a few: the
        // clause page lists them all.
        let shown = clause.documents.count > Self.documentLimit ? Self.documentLimit - 1 : clause.documents.count
        var documents: [[String: Any]] = clause.documents.prefix(shown).map { document(id: $0, page: page) }
        for pending in clause.pendingDocuments {
            var item = document(id: pending.id, page: page)
            item["isPending"] = true
            item["pendingState"] = pending.state.rawValue
            item["pendingText"] = pending.state == .reviewOverdue
                ? context.strings["clauseReviewOverdueShort"] : FieldValues(context: context, page: page).word(for: pending.status)
            documents.append(item)
        }
        if clause.documents.count > shown {
            row["moreDocuments"] = pages.words.fill("clauseMoreDocuments", ["n": String(clause.documents.count - shown)])
        }
        row["documents"] = documents
        row["hasDocuments"] = !documents.isEmpty

        row["evidenceCount"] = clause.records.count
        row["hasEvidence"] = !clause.records.isEmpty
        if let latest = clause.latestRecord {
            row["latest"] = context.strings.format(latest.day)
            row["latestISO"] = latest.day.description
            row["isStale"] = clause.records.isEmpty
        }
        row["expectsEvidence"] = !clause.clause.records.isEmpty || clause.latestRecord != nil
        if coverage.score != nil {
            row["points"] = ClauseWords.number(clause.clause.points ?? 0)
        }
        return row
    }

    private func document(id: String, page: String) -> [String: Any] {
        guard let entry = context.site.entry(id: id) else {
            return ["docID": id, "docTitle": id, "hasDocHref": false, "isPending": false]
        }
        return ["docID": id, "docTitle": entry.title, "docHref": context.href(from: page, to: entry), "hasDocHref": true,
                "isPending": false]
    }
}
