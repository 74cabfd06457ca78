/// External audits as a timeline per standard: the audits on record (stage 1, stage 2, surveillance,
/// recertification) with body and result, then what is ahead from the config's `certifications:` —
/// the surveillance due dates not yet matched by an audit (see `SurveillanceCycle`, as
/// `CertificationRule` uses it), the recertification application window and the certificate expiry.
struct AuditExternal {
    let context: RenderContext
    let page: String
    let nonconformities: AuditNonconformities

    var strings: InterfaceStrings { context.strings }

    /// Months before expiry when the recertification application window opens and closes.
    static let applicationWindow = (opens: 6, closes: 3)

    func standards() -> [[String: Any]] {
        let audits = context.site.entries(ofType: "external-audit")
        let certifications = context.site.config.certifications
        // Certified standards in config order, then any other standard audited, by name.
        var keys: [String] = []
        for certificate in certifications where !keys.contains(certificate.standard.lowercased()) {
            keys.append(certificate.standard.lowercased())
        }
        let others = Set(audits.compactMap { $0.string("standard")?.lowercased() }).subtracting(keys).sorted()
        keys += others
        return keys.map { key in
            let certificate = certifications.first { $0.standard.lowercased() == key }
            let own = audits.filter { $0.string("standard")?.lowercased() == key }
            return standard(key: key, name: certificate?.standard ?? own.first?.string("standard") ?? key,
                            certificate: certificate, audits: own)
        }
    }

    private func standard(key: String, name: String, certificate: SiteConfig.Certification?, audits: [Entry]) -> [String: Any] {
        let title = context.site.checklists.first { $0.id.lowercased() == key }?.title.text(strings.language) ?? name
        var model: [String: Any] = ["title": title, "anchor": "external-" + AuditPages.anchorName(key)]
        var steps: [(day: Day, rank: Int, step: [String: Any])] = []
        for audit in audits {
            guard let day = audit.day("date") else { continue }
            steps.append((day, 0, auditStep(audit, day: day)))
        }
        if let certificate {
            model["certificate"] = facts(certificate, audits: audits)
            model["hasCertificate"] = true
            steps += milestones(certificate, audits: audits)
        } else {
            model["hasCertificate"] = false
        }
        model["steps"] = steps.sorted { ($0.day, $0.rank) < ($1.day, $1.rank) }.map(\.step)
        model["hasSteps"] = !steps.isEmpty
        return model
    }

    private func auditStep(_ audit: Entry, day: Day) -> [String: Any] {
        let values = FieldValues(context: context, page: page)
        let kind = audit.string("kind") ?? ""
        var step: [String: Any] = [
            "date": strings.format(day), "iso": day.description,
            "label": kind.isEmpty ? strings["auditExternalAudit"] : values.word(for: kind),
            "state": day <= context.asOf ? "done" : "planned",
            "isAudit": true, "id": audit.id, "title": audit.title, "href": context.href(from: page, to: audit),
        ]
        if let body = audit.string("body") { step["body"] = body }
        if let result = audit.string("result") { step["result"] = result }
        let raised = nonconformities.raised(by: audit.id).map { AuditTracker.ncChip($0, context: context, page: page) }
        step["raised"] = raised
        step["hasRaised"] = !raised.isEmpty
        return step
    }

    /// The surveillance audits of the certificate, matched to their due dates as `CertificationRule` does.
    private func cycle(_ certificate: SiteConfig.Certification, audits: [Entry]) -> SurveillanceCycle? {
        guard let issued = certificate.issued else { return nil }
        let surveillance = audits.compactMap { audit -> (id: String, day: Day)? in
            guard let day = audit.day("date"), ["surveillance", "recertification"].contains(audit.string("kind") ?? "") else { return nil }
            return (audit.id, day)
        }
        return SurveillanceCycle(issued: issued, expires: certificate.expires, audits: surveillance, asOf: context.asOf)
    }

    /// The certificate's facts: body, number, issued, expiry, next surveillance due.
    private func facts(_ certificate: SiteConfig.Certification, audits: [Entry]) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func add(_ label: String, _ text: String, note: String? = nil, bad: Bool = false, warn: Bool = false) {
            var row: [String: Any] = ["label": strings[label], "text": text, "isBad": bad, "isWarn": warn, "hasNote": note != nil]
            if let note { row["note"] = note }
            rows.append(row)
        }
        if !certificate.body.isEmpty { add("auditCertBody", certificate.body) }
        if !certificate.number.isEmpty { add("auditCertNumber", certificate.number) }
        if let issued = certificate.issued { add("auditCertIssued", strings.format(issued)) }
        if let cycle = cycle(certificate, audits: audits) {
            if let next = cycle.visits.first(where: { $0.auditID == nil }) {
                let days = context.asOf.days(until: next.due)
                add("auditNextSurveillance", strings.format(next.due), note: relative(days), bad: days < 0, warn: days >= 0 && days <= CertificationRule.surveillanceLeadDays)
            } else {
                add("auditNextSurveillance", strings["auditNoSurveillanceLeft"])
            }
        }
        if let expires = certificate.expires {
            let days = context.asOf.days(until: expires)
            add("auditCertExpires", strings.format(expires), note: relative(days), bad: days < 0,
                warn: days >= 0 && expires.adding(months: -Self.applicationWindow.opens) <= context.asOf)
            add("auditRecertWindow", KPIFormat.fill(strings["auditFromTo"], [
                "from": strings.format(expires.adding(months: -Self.applicationWindow.opens)),
                "to": strings.format(expires.adding(months: -Self.applicationWindow.closes)),
            ]))
        }
        return rows
    }

    /// "in 200 days" / "12 days ago" / "today".
    private func relative(_ days: Int) -> String {
        if days == 0 { return strings["auditToday"] }
        return KPIFormat.fill(strings[days > 0 ? "auditInDays" : "auditDaysAgo"], ["n": String(abs(days))])
    }

    /// What lies ahead: unmatched surveillance due dates, the recertification window and the expiry.
    private func milestones(_ certificate: SiteConfig.Certification, audits: [Entry]) -> [(day: Day, rank: Int, step: [String: Any])] {
        var steps: [(day: Day, rank: Int, step: [String: Any])] = []
        func milestone(_ day: Day, rank: Int, label: String, state: String, note: String? = nil) {
            var step: [String: Any] = ["date": strings.format(day), "iso": day.description, "label": label,
                                       "state": state, "isAudit": false, "hasRaised": false]
            if let note { step["note"] = note }
            steps.append((day, rank, step))
        }
        if let issued = certificate.issued {
            milestone(issued, rank: 1, label: strings["auditCertificateIssued"], state: "done",
                      note: certificate.number.isEmpty ? nil : certificate.number)
        }
        if let cycle = cycle(certificate, audits: audits) {
            for visit in cycle.visits where visit.auditID == nil {
                let state = visit.due < context.asOf ? "overdue" : "due"
                milestone(visit.due, rank: 2, label: KPIFormat.fill(strings["auditSurveillanceDue"], ["n": String(visit.number)]),
                          state: state, note: state == "overdue" ? strings["auditNotOnRecord"] : nil)
            }
        }
        if let expires = certificate.expires {
            let opens = expires.adding(months: -Self.applicationWindow.opens)
            milestone(opens, rank: 3, label: strings["auditRecertApplication"], state: opens <= context.asOf ? "due" : "future",
                      note: KPIFormat.fill(strings["auditApplyBy"], ["date": strings.format(expires.adding(months: -Self.applicationWindow.closes))]))
            milestone(expires, rank: 4, label: strings["auditCertificateExpires"], state: expires < context.asOf ? "overdue" : "future")
        }
        return steps
    }
}
