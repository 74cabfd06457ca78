/// `index.html`: what a quality manager checks first and an auditor sees first — the organisation,
/// its certifications and audit timeline, readiness per standard, open nonconformities, the
/// validation findings of this build, the activities falling due and the headline KPIs.
struct DashboardPage {
    let context: RenderContext
    private var page: String { PagePaths.home }

    func render() throws -> (path: String, html: String) {
        let config = context.site.config
        var model: [String: Any] = [
            "organization": config.organization.name, "scope": config.scope, "asOf": context.strings.format(context.asOf),
            "documentCount": context.site.documents.count, "recordCount": context.site.records.count,
            "t": context.strings.all,
        ]
        let readiness = context.coverage.map(readiness)
        model["readiness"] = readiness
        model["hasReadiness"] = !readiness.isEmpty
        model["clausesHref"] = PagePaths.relative(from: page, to: PagePaths.clausesIndex)
        let certificates = config.certifications.map(certificate)
        model["certifications"] = certificates
        model["hasCertifications"] = !certificates.isEmpty
        model["nonconformities"] = nonconformities()
        model["findings"] = findings()
        let agenda = agendaItems()
        model["agenda"] = agenda
        model["hasAgenda"] = !agenda.isEmpty
        model["calendarHref"] = PagePaths.relative(from: page, to: PagePaths.calendarIndex)
        let kpis = KPIPages(context: context)
        model["headlines"] = KPISummary.compute(site: context.site, asOf: context.asOf).headlines.map { kpis.headline(for: $0, from: page) }
        model["kpisHref"] = PagePaths.relative(from: page, to: PagePaths.kpisIndex)
        model["chapters"] = ManualPages.chapters(of: context.site).map { context.summary(of: $0, from: page) }
        model["manualHref"] = PagePaths.relative(from: page, to: PagePaths.manualIndex)
        model["documentsHref"] = PagePaths.relative(from: page, to: PagePaths.documentRegister)
        model["recordsHref"] = PagePaths.relative(from: page, to: PagePaths.recordsIndex)
        let body = try context.theme.render("dashboard", model)
        return (page, try context.layout(page: page, title: config.organization.name, section: "home", body: body))
    }

    /// One standard's coverage as counts, percentages for the stacked bar, and its score when scored.
    private func readiness(_ coverage: ChecklistCoverage) -> [String: Any] {
        let applicable = coverage.clauses.filter { $0.status != .excluded }.count
        let statuses: [ClauseCoverage.Status] = [.covered, .partial, .missing, .excluded]
        let total = max(coverage.clauses.count, 1)
        var item: [String: Any] = [
            "title": coverage.checklist.title.text(context.strings.language),
            "href": PagePaths.relative(from: page, to: PagePaths.clauseMatrix(checklist: coverage.checklist.id)),
            "percent": applicable == 0 ? 0 : Int((Double(coverage.count(.covered)) / Double(applicable) * 100).rounded()),
            "segments": statuses.map { status -> [String: Any] in
                let count = coverage.count(status)
                return ["status": status.rawValue, "count": count, "label": context.strings["clauseStatus" + status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()],
                        "width": String(format: "%.2f", Double(count) / Double(total) * 100), "hasAny": count > 0]
            },
            "ready": coverage.count(.missing) == 0 && coverage.count(.partial) == 0,
        ]
        if let score = coverage.score {
            item["score"] = String(format: "%.1f", score.percent)
            item["level"] = score.level?.name.text(context.strings.language) ?? context.strings["score.none"]
        }
        return item
    }

    /// A certificate with its audit timeline: issue, each surveillance (done or due), expiry.
    private func certificate(_ cert: SiteConfig.Certification) -> [String: Any] {
        let standard = context.site.checklists.first { $0.id == cert.standard }?.title.text(context.strings.language) ?? cert.standard
        var steps: [[String: Any]] = []
        if let issued = cert.issued {
            steps.append(["label": context.strings["timeline.issued"], "date": context.strings.format(issued), "state": "done",
                          "hasLink": false])
            let audits = context.site.entries(ofType: "external-audit").filter {
                $0.string("standard") == cert.standard && ["surveillance", "recertification"].contains($0.string("kind") ?? "")
            }.compactMap { entry in entry.day("date").map { (id: entry.id, day: $0) } }
            let cycle = SurveillanceCycle(issued: issued, expires: cert.expires, audits: audits, asOf: context.asOf)
            for visit in cycle.visits {
                var step: [String: Any] = ["label": context.strings["timeline.surveillance"] + " \(visit.number)", "hasLink": false]
                if let day = visit.auditDay, let id = visit.auditID, let entry = context.site.entry(id: id) {
                    step["date"] = context.strings.format(day)
                    step["href"] = context.href(from: page, to: entry)
                    step["hasLink"] = true
                    step["state"] = "done"
                } else {
                    step["date"] = context.strings["timeline.due"] + " " + context.strings.format(visit.due)
                    step["state"] = visit.due < context.asOf ? "overdue" : "due"
                }
                steps.append(step)
            }
        }
        if let expires = cert.expires {
            steps.append(["label": context.strings["timeline.expires"], "date": context.strings.format(expires),
                          "state": expires < context.asOf ? "overdue" : "due", "hasLink": false])
        }
        return ["standard": standard, "body": cert.body, "number": cert.number, "steps": steps]
    }

    private func nonconformities() -> [String: Any] {
        let all = context.site.entries(ofType: "nonconformity")
        let open = all.filter { $0.string("status") == "open" }
        let overdue = open.filter { ($0.day("due") ?? context.asOf) < context.asOf }
        let major = open.filter { $0.string("severity") == "major" }
        let items = open.sorted { ($0.day("due") ?? context.asOf, $0.id) < ($1.day("due") ?? context.asOf, $1.id) }.map { entry -> [String: Any] in
            var item = context.summary(of: entry, from: page)
            item["severity"] = entry.string("severity") ?? ""
            item["severityText"] = FieldValues(context: context, page: page).word(for: entry.string("severity") ?? "")
            if let due = entry.day("due") {
                item["due"] = context.strings.format(due)
                item["isOverdue"] = due < context.asOf
            }
            return item
        }
        return ["open": open.count, "overdue": overdue.count, "major": major.count, "total": all.count,
                "hasOverdue": !overdue.isEmpty, "hasMajor": !major.isEmpty,
                "items": items, "hasItems": !items.isEmpty,
                "href": PagePaths.relative(from: page, to: PagePaths.auditsIndex)]
    }

    /// The validation findings of this build, as a quality manager's to-do list.
    private func findings() -> [String: Any] {
        let shown = context.diagnostics.filter { $0.severity != .off }
        let items = shown.prefix(12).map { diagnostic -> [String: Any] in
            var item: [String: Any] = ["message": diagnostic.message, "rule": diagnostic.rule,
                                       "isError": diagnostic.severity == .error, "hasLink": false, "hasPlace": false]
            if let location = diagnostic.location {
                item["place"] = "\(location.path):\(location.line)"
                item["hasPlace"] = true
                if let entry = context.site.entries.first(where: { $0.path == location.path }) {
                    item["href"] = context.href(from: page, to: entry)
                    item["hasLink"] = true
                }
            }
            return item
        }
        return ["errors": shown.errorCount, "warnings": shown.warningCount, "items": items, "hasItems": !items.isEmpty,
                "hasErrors": shown.errorCount > 0, "hasWarnings": shown.warningCount > 0,
                "more": max(0, shown.count - items.count), "hasMore": shown.count > items.count, "clean": shown.isEmpty]
    }

    /// Overdue activities and those due within 30 days, soonest first (the calendar has the rest).
    private func agendaItems() -> [[String: Any]] {
        let text = CalendarText(strings: context.strings, site: context.site, asOf: context.asOf)
        return Agenda.compute(site: context.site, asOf: context.asOf)
            .filter { $0.state != .upcoming }
            .prefix(10)
            .map { item in
                [
                    "kind": text.kindLabel(item), "title": item.title, "when": text.when(item),
                    "date": context.strings.format(item.date), "isOverdue": item.state == .overdue,
                    "href": PagePaths.relative(from: page, to: item.target),
                ]
            }
    }
}
