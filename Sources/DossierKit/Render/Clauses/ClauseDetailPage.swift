/// `clauses/<checklist>/<clause>.html`, one per clause that is not a group: its status and why, the
/// guidance, what it expects, the documents that answer it (and those still pending), the evidence
/// records in its window, and links to its matrix and to the previous and next clause.
struct ClauseDetailPage {
    let pages: ClausePages
    let coverage: ChecklistCoverage

    /// Evidence rows listed on a clause page before "showing the newest N of M".
    static let evidenceLimit = 100

    var context: RenderContext { pages.context }
    var checklist: Checklist { coverage.checklist }
    var words: ClauseWords { pages.words }
    var language: Language { context.strings.language }

    func renderAll() throws -> [OutputFile] {
        try coverage.clauses.indices.map { try render(at: $0) }
    }

    /// `8.6.1` → `["8", "8.6"]`.
    static func ancestors(of id: String) -> [String] {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.indices.dropLast().map { parts[...$0].joined(separator: ".") }
    }

    func render(at position: Int) throws -> OutputFile {
        let clause = coverage.clauses[position]
        let page = PagePaths.clausePage(checklist: checklist.id, clause: clause.clause.id)
        let matrix = PagePaths.clauseMatrix(checklist: checklist.id)
        var model = pages.badge(clause.status)
        model["checklistTitle"] = pages.title(of: checklist)
        model["overviewHref"] = PagePaths.relative(from: page, to: PagePaths.clausesIndex)
        model["matrixHref"] = PagePaths.relative(from: page, to: matrix)
        model["clauseID"] = clause.clause.id
        model["clauseTitle"] = pages.title(of: clause.clause)
        model["reference"] = clause.reference
        let ancestors = Self.ancestors(of: clause.clause.id).compactMap { id -> [String: Any]? in
            guard let group = checklist.clause(id) else { return nil }
            return ["groupID": id, "groupTitle": pages.title(of: group),
                    "href": PagePaths.relative(from: page, to: matrix) + "#" + PagePaths.clauseGroupAnchor(id)]
        }
        model["ancestors"] = ancestors
        model["hasAncestors"] = !ancestors.isEmpty

        model["isCovered"] = false
        model["isExcluded"] = false
        model["hasGaps"] = false
        model.merge(statusPanel(clause, page: page)) { _, new in new }
        if let guidance = clause.clause.guidance?.text(language), !guidance.isEmpty { model["guidance"] = guidance }
        model.merge(expectations(clause, page: page)) { _, new in new }
        model.merge(documents(clause, page: page)) { _, new in new }
        model.merge(evidence(clause, page: page)) { _, new in new }
        if coverage.score != nil {
            model["isScored"] = true
            model["points"] = words.fill("clausePointsValue", ["points": ClauseWords.number(clause.clause.points ?? 0)])
            model["earnedText"] = clause.status == .excluded ? context.strings["clauseNotScored"]
                : clause.status == .covered ? context.strings["clauseEarned"] : context.strings["clauseNotEarned"]
            model["isEarned"] = clause.status == .covered
        }
        model.merge(pager(at: position, page: page)) { _, new in new }
        model["t"] = context.strings.all
        let body = try context.theme.render("clause-page", model)
        let title = "\(clause.clause.id) \(pages.title(of: clause.clause)) · \(pages.title(of: checklist))"
        return OutputFile(path: page, text: try context.layout(page: page, title: title, section: "clauses", body: body))
    }

    /// What the status means for this clause: the gaps in words, the exclusion reason, or that it is met.
    private func statusPanel(_ clause: ClauseCoverage, page: String) -> [String: Any] {
        switch clause.status {
        case .covered:
            return ["isCovered": true, "coveredText": words.fill("clauseCoveredNote", ["date": context.strings.format(context.asOf)])]
        case .excluded:
            var model: [String: Any] = ["isExcluded": true]
            if let reason = clause.exclusionReason, !reason.isEmpty { model["reason"] = reason }
            if let exclusion = clause.exclusion, exclusion.clause != clause.reference {
                model["excludedVia"] = words.fill("clauseExcludedVia", ["clause": exclusion.clause])
            }
            return model
        case .partial, .missing:
            let gapText = ClauseGapText(context: context, words: words, page: page, typesWithRecords: pages.typesWithRecords)
            return [
                "hasGaps": true,
                "whyHeading": context.strings[clause.status == .partial ? "clauseWhyPartial" : "clauseWhyMissing"],
                "gaps": clause.gaps.map { ["html": gapText.html($0)] },
            ]
        }
    }

    /// The expected document kinds and record types with their labels, the window, and recommendations.
    private func expectations(_ clause: ClauseCoverage, page: String) -> [String: Any] {
        let kinds = clause.clause.documents.map { kind -> [String: Any] in
            ["label": ClauseVocabulary.documentLabel(kind, language), "code": kind]
        }
        let records = clause.clause.records.map { id -> [String: Any] in
            let types = context.site.catalog.sortedNames.filter { name in
                guard let type = context.site.catalog[name], type.category == .record else { return false }
                return name == id || type.evidences.contains(id)
            }.map { name -> [String: Any] in
                var item: [String: Any] = ["typeTitle": context.site.catalog[name]?.title.text(language) ?? name]
                if pages.typesWithRecords.contains(name) {
                    item["typeHref"] = PagePaths.relative(from: page, to: PagePaths.recordIndex(type: name))
                }
                item["hasTypeHref"] = item["typeHref"] != nil
                return item
            }
            return ["label": ClauseVocabulary.recordLabel(id, language), "code": id,
                    "types": FieldValues.markingLast(types), "hasTypes": !types.isEmpty]
        }
        let recommended = clause.clause.recommended.map { ["label": ClauseVocabulary.anyLabel($0, language), "code": $0] }
        var model: [String: Any] = [
            "expectedKinds": kinds, "hasExpectedKinds": !kinds.isEmpty,
            "expectedRecords": records, "hasExpectedRecords": !records.isEmpty,
            "recommended": recommended, "hasRecommended": !recommended.isEmpty,
        ]
        if !records.isEmpty { model["windowText"] = words.fill("clauseWindowValue", ["window": words.window(clause.window)]) }
        return model
    }

    /// Approved, current documents that answer the clause, and those that would once approved or reviewed.
    private func documents(_ clause: ClauseCoverage, page: String) -> [String: Any] {
        let values = FieldValues(context: context, page: page)
        let answering = clause.documents.compactMap { id -> [String: Any]? in
            guard let entry = context.site.entry(id: id) else { return nil }
            var item = context.summary(of: entry, from: page)
            item["version"] = entry.string("version") ?? ""
            item["hasVersion"] = entry.string("version") != nil
            return item
        }
        let pending = clause.pendingDocuments.compactMap { document -> [String: Any]? in
            guard let entry = context.site.entry(id: document.id) else { return nil }
            var item = context.summary(of: entry, from: page)
            item["badge"] = document.state == .reviewOverdue ? "review-overdue" : document.status
            switch document.state {
            case .draft:
                item["stateText"] = values.word(for: document.status)
            case .reviewOverdue:
                item["stateText"] = document.nextReview.map {
                    words.fill("clauseReviewOverdueSince", ["date": context.strings.format($0)])
                } ?? context.strings["clauseReviewOverdueShort"]
            }
            return item
        }
        return ["answering": answering, "hasAnswering": !answering.isEmpty, "answeringCount": answering.count,
                "pending": pending, "hasPending": !pending.isEmpty]
    }

    /// The evidence records in the window, newest first (at most `evidenceLimit`).
    private func evidence(_ clause: ClauseCoverage, page: String) -> [String: Any] {
        let rows = clause.records.prefix(Self.evidenceLimit).compactMap { id -> [String: Any]? in
            context.site.entry(id: id).map { context.summary(of: $0, from: page) }
        }
        var model: [String: Any] = [
            "evidence": rows, "hasEvidence": !rows.isEmpty, "evidenceCount": clause.records.count,
            "evidenceHeading": words.fill("clauseEvidenceHeading", ["window": words.window(clause.window)]),
            "expectsRecords": !clause.clause.records.isEmpty,
        ]
        if clause.records.count > rows.count {
            model["evidenceMore"] = words.fill("clauseShowingNewest", ["shown": String(rows.count), "total": String(clause.records.count)])
        }
        if clause.records.isEmpty, let latest = clause.latestRecord, let entry = context.site.entry(id: latest.id) {
            var item = context.summary(of: entry, from: page)
            item["date"] = context.strings.format(latest.day)
            model["latestOutside"] = item
        }
        return model
    }

    /// The clauses before and after this one in checklist order (groups have no page).
    private func pager(at position: Int, page: String) -> [String: Any] {
        func item(_ clause: ClauseCoverage) -> [String: Any] {
            ["clauseID": clause.clause.id, "clauseTitle": pages.title(of: clause.clause),
             "href": PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: checklist.id, clause: clause.clause.id))]
        }
        var pager: [String: Any] = [:]
        if position > 0 { pager["previousClause"] = item(coverage.clauses[position - 1]) }
        if position + 1 < coverage.clauses.count { pager["nextClause"] = item(coverage.clauses[position + 1]) }
        return pager
    }
}
