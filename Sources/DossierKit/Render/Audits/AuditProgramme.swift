/// The internal audit part of the audits page: the audit programmes (records of type
/// `internal-audit-programme`, and documents of that kind), the internal audit cycle from
/// `schedules: internal-audit`, and the internal audits by year with scope, auditors, result and the
/// nonconformities each raised.
struct AuditProgramme {
    let context: RenderContext
    let page: String
    let nonconformities: AuditNonconformities

    static let programmeKind = "internal-audit-programme"

    var strings: InterfaceStrings { context.strings }
    var values: FieldValues { FieldValues(context: context, page: page) }

    /// Programme records and documents, newest first.
    func programmes() -> [[String: Any]] {
        let entries = context.site.entries.filter { entry in
            entry.type == Self.programmeKind
                || (entry.category == .document && entry.strings("kind").contains(Self.programmeKind))
        }
        let dated = entries.map { ($0, RecordDates.day(of: $0, catalog: context.site.catalog)) }
        return dated.sorted { ($0.1?.ordinal ?? Int.min, $0.0.id) > ($1.1?.ordinal ?? Int.min, $1.0.id) }.map { entry, day in
            var row: [String: Any] = ["id": entry.id, "title": entry.title, "href": context.href(from: page, to: entry)]
            if let day { row["date"] = strings.format(day) }
            if let period = entry.string("period") { row["period"] = period }
            if let owner = entry.string("owner") { row["owner"] = owner }
            if let status = entry.string("status") {
                row["status"] = ["text": values.word(for: status), "badge": status]
            }
            if let result = entry.string("result") { row["result"] = result }
            return row
        }
    }

    /// The internal audit cycle: the last audit and when the next one is due, from `schedules:`.
    func cycle() -> [String: Any]? {
        let audits = internalAudits()
        guard let interval = context.site.config.schedule(for: "internal-audit") else { return nil }
        var model: [String: Any] = [
            "interval": KPIFormat.fill(strings["auditEvery"], ["interval": Self.describe(interval, strings)]),
        ]
        if let last = audits.last, let day = last.day {
            let due = interval.after(day)
            model["last"] = ["id": last.entry.id, "href": context.href(from: page, to: last.entry), "date": strings.format(day)]
            model["hasLast"] = true
            model["nextDue"] = strings.format(due)
            model["isOverdue"] = due < context.asOf
        } else {
            model["hasLast"] = false
            model["isOverdue"] = true
        }
        return model
    }

    /// "12 months" in the site's language.
    static func describe(_ interval: Interval, _ strings: InterfaceStrings) -> String {
        KPIFormat.fill(strings["auditInterval.\(interval.unit.rawValue)"], ["n": String(interval.count)])
    }

    private func internalAudits() -> [(entry: Entry, day: Day?)] {
        context.site.entries(ofType: "internal-audit").map { ($0, $0.day("date")) }
            .filter { $0.1.map { $0 <= context.asOf } ?? true }
            .sorted { ($0.1?.ordinal ?? Int.min, $0.0.id) < ($1.1?.ordinal ?? Int.min, $1.0.id) }
    }

    /// Internal audits grouped by year, newest year first; within a year in date order.
    func years() -> [[String: Any]] {
        let audits = context.site.entries(ofType: "internal-audit").map { ($0, $0.day("date")) }
        let byYear = Dictionary(grouping: audits) { $0.1?.year ?? 0 }
        return byYear.keys.sorted(by: >).map { year in
            let rows = (byYear[year] ?? [])
                .sorted { ($0.1?.ordinal ?? Int.min, $0.0.id) < ($1.1?.ordinal ?? Int.min, $1.0.id) }
                .map { audit(entry: $0.0, day: $0.1) }
            return ["year": year == 0 ? "–" : String(year), "anchor": "internal-\(year)", "audits": rows, "count": rows.count]
        }
    }

    private func audit(entry: Entry, day: Day?) -> [String: Any] {
        var row: [String: Any] = ["id": entry.id, "title": entry.title, "href": context.href(from: page, to: entry)]
        if let day { row["date"] = strings.format(day); row["iso"] = day.description }
        row["hasDate"] = day != nil
        row["auditors"] = entry.strings("auditors").joined(separator: strings["auditListSeparator"])
        let scope = entry.strings("scope").map { clauseLink($0) }
        row["scope"] = FieldValues.markingLast(scope)
        row["scopeCount"] = KPIFormat.fill(strings["auditClauseCount"], ["n": String(scope.count)])
        row["hasScope"] = !scope.isEmpty
        row["longScope"] = scope.count > 6
        let processes = entry.strings("processes").map { id -> [String: Any] in
            var link = context.link(from: page, id: id)
            link["isLink"] = link["href"] != nil
            return link
        }
        row["processes"] = FieldValues.markingLast(processes)
        row["hasProcesses"] = !processes.isEmpty
        if let result = entry.string("result") { row["result"] = result }
        let raised = nonconformities.raised(by: entry.id).map { AuditTracker.ncChip($0, context: context, page: page) }
        row["raised"] = raised
        row["hasRaised"] = !raised.isEmpty
        return row
    }

    /// A clause reference, linked to its clause page when the clause pages know it.
    func clauseLink(_ reference: String) -> [String: Any] {
        if let target = PagePaths.clauseTarget(reference: reference, coverage: context.coverage) {
            return ["text": reference, "href": PagePaths.relative(from: page, to: target), "isLink": true]
        }
        return ["text": reference, "isLink": false]
    }
}
