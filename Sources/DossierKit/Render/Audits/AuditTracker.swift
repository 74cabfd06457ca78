/// View models of the nonconformity tracker: the summary counts, the ageing of open ones and one
/// table row per nonconformity. Every flag a template tests is set, true or false.
struct AuditTracker {
    let context: RenderContext
    let page: String
    let nonconformities: AuditNonconformities

    var strings: InterfaceStrings { context.strings }

    func summary() -> [[String: Any]] {
        [
            ["label": strings["auditOpen"], "value": nonconformities.openCount, "isBad": false],
            ["label": strings["auditOverdue"], "value": nonconformities.overdueCount, "isBad": nonconformities.overdueCount > 0],
            ["label": strings["auditMajorOpen"], "value": nonconformities.majorOpenCount, "isBad": nonconformities.majorOpenCount > 0],
            ["label": KPIFormat.fill(strings["auditClosedThisYear"], ["year": String(context.asOf.year)]),
             "value": nonconformities.closedThisYearCount, "isBad": false],
        ]
    }

    /// The open nonconformities per ageing bracket, with a bar width relative to the largest bracket.
    func ageing() -> [[String: Any]] {
        let counts = nonconformities.ageing
        let largest = max(counts.max() ?? 0, 1)
        return zip(AuditNonconformities.brackets, counts).enumerated().map { index, pair in
            let (bracket, count) = pair
            let label = bracket.high.map { KPIFormat.fill(strings["auditAgeRange"], ["low": String(bracket.low), "high": String($0)]) }
                ?? KPIFormat.fill(strings["auditAgeOver"], ["n": String(bracket.low - 1)])
            return ["label": label, "count": count, "width": count * 100 / largest, "hasAny": count > 0,
                    "level": index]
        }
    }

    func rows() -> [[String: Any]] {
        let values = FieldValues(context: context, page: page)
        let programme = AuditProgramme(context: context, page: page, nonconformities: nonconformities)
        return nonconformities.items.map { item -> [String: Any] in
            let entry = item.entry
            var row: [String: Any] = [
                "id": entry.id, "title": entry.title, "href": context.href(from: page, to: entry),
                "isOpen": item.isOpen, "isOverdue": item.isOverdue, "closedLate": item.closedLate,
            ]
            row["foundOn"] = item.foundOn.map { strings.format($0) } ?? "–"
            row["foundOnISO"] = item.foundOn?.description ?? ""
            if let source = entry.string("source") {
                var link = context.link(from: page, id: source)
                link["isLink"] = link["href"] != nil
                row["source"] = link
            } else {
                row["source"] = ["text": "–", "isLink": false]
            }
            row["clause"] = entry.string("clause").map { programme.clauseLink($0) } ?? ["text": "–", "isLink": false]
            let severity = item.severity ?? ""
            row["severity"] = ["text": severity.isEmpty ? "–" : values.word(for: severity), "badge": severity.isEmpty ? "none" : severity]
            row["owner"] = entry.string("owner") ?? "–"
            row["due"] = item.due.map { strings.format($0) } ?? "–"
            let status = item.isOpen ? (entry.string("status") ?? "open") : "closed"
            row["status"] = ["text": values.word(for: status), "badge": status]
            row["age"] = item.age.map(String.init) ?? "–"
            if let days = item.daysOverdue {
                row["overdueText"] = KPIFormat.fill(strings["auditOverdueBy"], ["n": String(days)])
            } else if item.closedLate {
                row["overdueText"] = strings["auditClosedLate"]
            }
            row["verification"] = verification(item)
            return row
        }
    }

    /// Who verified a closed nonconformity and when; flagged when missing or done by its own owner.
    private func verification(_ item: AuditNonconformities.Item) -> [String: Any] {
        guard !item.isOpen else { return ["text": "–", "isBad": false, "isGood": false, "hasDate": false] }
        guard item.isVerified else { return ["text": strings["auditNotVerified"], "isBad": true, "isGood": false, "hasDate": false] }
        let by = item.entry.string("verified_by") ?? ""
        let on = item.entry.day("verified_on").map { strings.format($0) } ?? (item.entry.string("verified_on") ?? "")
        if item.isSelfVerified {
            return ["text": KPIFormat.fill(strings["auditSelfVerified"], ["by": by]), "date": on, "hasDate": true,
                    "isBad": true, "isGood": false]
        }
        return ["text": by, "date": on, "hasDate": true, "isBad": false, "isGood": true]
    }

    /// A small link to a nonconformity with its severity, for the audits that raised it.
    static func ncChip(_ item: AuditNonconformities.Item, context: RenderContext, page: String) -> [String: Any] {
        let values = FieldValues(context: context, page: page)
        let severity = item.severity ?? "none"
        return ["id": item.id, "title": item.entry.title, "href": context.href(from: page, to: item.entry),
                "severity": severity, "severityText": values.word(for: severity), "isOpen": item.isOpen]
    }
}
