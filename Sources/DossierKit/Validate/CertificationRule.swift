/// The certification cycle of each `certifications:` entry, located at its config line:
///
/// - `cert.expired`: `expires` is before the as-of date (nothing else is checked for it then).
/// - `cert.surveillance-overdue`: a surveillance due date (`issued` + 12·n months, before expiry)
///   has passed with no surveillance (or recertification) `external-audit` record for the
///   certificate's standard matched to it (see `SurveillanceCycle`).
/// - `cert.surveillance-due` (warning): the next due date is within 90 days and no audit is on
///   record for it yet.
/// - `cert.recertification` (warning): the as-of date is within 6 months before expiry and no
///   recertification audit for the standard is dated in the 12 months before expiry.
public struct CertificationRule: ValidationRule {
    public init() {}

    static let surveillanceLeadDays = 90
    static let recertificationLeadMonths = 6

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.config.certifications.flatMap { check($0, context) }
    }

    private func check(_ certificate: SiteConfig.Certification, _ context: ValidationContext) -> [Diagnostic] {
        let asOf = context.asOf
        let location = context.configLocation(line: certificate.line)
        let name = certificate.number.isEmpty ? "the \(certificate.standard) certificate"
            : "certificate \(certificate.number) (\(certificate.standard))"
        let body = certificate.body.isEmpty ? "the certification body" : certificate.body

        if let expires = certificate.expires, expires < asOf {
            return [Rules.certExpired.diagnostic(
                "\(name) expired on \(expires)", at: location,
                hint: "after the recertification decision, update issued and expires under certifications:; remove the entry if the certification has lapsed")]
        }

        let (surveillance, recertifications) = Self.cycleAudits(of: certificate, context)

        var diagnostics: [Diagnostic] = []
        if let issued = certificate.issued {
            let cycle = SurveillanceCycle(issued: issued, expires: certificate.expires, audits: surveillance, asOf: asOf)
            let record = "an external-audit record with kind: surveillance and standard: \(certificate.standard)"
            for visit in cycle.visits where visit.auditID == nil {
                let window = "\(visit.due.adding(months: -12)) to \(visit.due)"
                if visit.due < asOf {
                    diagnostics.append(Rules.certSurveillanceOverdue.diagnostic(
                        "surveillance audit \(visit.number) of \(name) was due by \(visit.due) and is not on record",
                        at: location,
                        hint: "if it took place, file \(record) (due window \(window)); if not, contact \(body) at once: a missed surveillance leads to suspension"))
                } else if asOf.days(until: visit.due) <= Self.surveillanceLeadDays {
                    let days = asOf.days(until: visit.due)
                    diagnostics.append(Rules.certSurveillanceDue.diagnostic(
                        "surveillance audit \(visit.number) of \(name) is due by \(visit.due) (in \(days) day\(days == 1 ? "" : "s"))",
                        at: location, hint: "agree the audit date with \(body), then file \(record)"))
                }
            }
        }

        if let expires = certificate.expires, expires.adding(months: -Self.recertificationLeadMonths) <= asOf {
            let since = expires.adding(months: -12)
            if !recertifications.contains(where: { $0 > since }) {
                let days = asOf.days(until: expires)
                diagnostics.append(Rules.certRecertification.diagnostic(
                    "\(name) expires on \(expires) (in \(days) day\(days == 1 ? "" : "s")) and no recertification audit is on record",
                    at: location,
                    hint: "the recertification application is due 3 to 6 months before expiry: apply to \(body) now so that the audit is completed by \(expires), then file an external-audit record with kind: recertification"))
            }
        }
        return diagnostics
    }

    static func same(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return a.lowercased() == b.lowercased()
    }
}

extension CertificationRule {
    // Shared with the agenda (calendar and dashboard), so both read the audits the same way.
    /// The certificate's audits on or before the as-of date: surveillance and recertification audits
    /// (both count for the surveillance cycle), and the days of the recertification audits.
    static func cycleAudits(of certificate: SiteConfig.Certification, _ context: ValidationContext)
        -> (surveillance: [(id: String, day: Day)], recertifications: [Day]) {
        var surveillance: [(id: String, day: Day)] = []
        var recertifications: [Day] = []
        for audit in context.entries(ofType: "external-audit") where same(audit.string("standard"), certificate.standard) {
            guard let day = context.day(of: audit), day <= context.asOf else { continue }
            switch audit.string("kind") {
            case "surveillance": surveillance.append((audit.id, day))
            case "recertification":
                surveillance.append((audit.id, day))
                recertifications.append(day)
            default: continue
            }
        }
        return (surveillance, recertifications)
    }
}
