/// One dated activity the organisation owes: the next run of a recurring activity, a document review,
/// a nonconformity's due date, a surveillance audit, the recertification window or a certificate's expiry.
public struct AgendaItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The next record of a `schedules:` record type: its latest record plus the interval.
        case schedule
        /// `DocumentControl.nextReview` of an approved document.
        case documentReview = "document-review"
        /// The `due` date of an open nonconformity.
        case nonconformity
        /// A surveillance audit of a certificate that is not on record yet.
        case surveillance
        /// The recertification application window: 6 to 3 months before expiry.
        case recertification
        /// The day a certificate expires.
        case certificateExpiry = "certificate-expiry"
    }

    public enum State: String, Sendable, Hashable, CaseIterable {
        /// The date has passed (for a window: its last day has passed).
        case overdue
        /// Due on the as-of date or within `Agenda.dueSoonDays` after it.
        case dueSoon = "due-soon"
        case upcoming
    }

    public var kind: Kind
    /// What the item is about: the record type (schedule), the document or nonconformity id, or the
    /// certificate (`standard` or `standard number`).
    public var subject: String
    public var date: Day
    /// The last day of a window (recertification); nil for a single day.
    public var until: Day?
    /// What it is about, in the site's language: the record type's title, the document's or
    /// nonconformity's title, the standard's title. The page says what kind of activity it is
    /// (interface string `agenda.kind.<kind>`).
    public var title: String
    /// The page to look at, relative to the output root: the record type's index (schedules), the
    /// document or nonconformity page, or the audits page (certificates).
    public var target: String
    public var state: State
    /// The entry the date counts from: the latest record of a schedule, the nonconformity's source.
    public var basisID: String?
    /// The day the date counts from: the latest record's date, the document's approval, the finding day,
    /// the certificate's issue date.
    public var basisDay: Day?
    /// The surveillance audit's number (1 for the first after issue).
    public var sequence: Int?
    /// Globally unique and stable across builds: `<kind>-<subject>[-<n>]@dossier`, safe for iCalendar.
    public var uid: String

    public init(kind: Kind, subject: String, date: Day, until: Day? = nil, title: String, target: String, state: State,
                basisID: String? = nil, basisDay: Day? = nil, sequence: Int? = nil) {
        self.kind = kind
        self.subject = subject
        self.date = date
        self.until = until
        self.title = title
        self.target = target
        self.state = state
        self.basisID = basisID
        self.basisDay = basisDay
        self.sequence = sequence
        self.uid = Agenda.uid(kind: kind, subject: subject, sequence: sequence)
    }
}

/// Everything the organisation owes, with dates, computed from the validated site and the as-of date
/// by the same rules validation uses (`ScheduleRule`, `DocumentControl`, `NonconformityRule`,
/// `CertificationRule` with `SurveillanceCycle`), so the calendar and the dashboard agree with `check`.
public enum Agenda {
    /// An item due within this many days after the as-of date is `dueSoon`.
    public static let dueSoonDays = 30
    /// The recertification application is due 3 to 6 months before expiry.
    public static let recertificationWindowMonths = (opens: 6, closes: 3)

    /// Every item, sorted by date, then kind, then subject. Each `uid` is unique.
    public static func compute(site: Site, asOf: Day) -> [AgendaItem] {
        let context = ValidationContext(site: site, asOf: asOf)
        var items = schedules(context) + documentReviews(context) + nonconformities(context) + certificates(context)
        let kinds = AgendaItem.Kind.allCases
        items.sort {
            ($0.date, kinds.firstIndex(of: $0.kind) ?? 0, $0.subject, $0.sequence ?? 0)
                < ($1.date, kinds.firstIndex(of: $1.kind) ?? 0, $1.subject, $1.sequence ?? 0)
        }
        // Two certificates of one standard without numbers would share a uid: number the later ones.
        var seen: [String: Int] = [:]
        for index in items.indices {
            let uid = items[index].uid
            seen[uid, default: 0] += 1
            if let count = seen[uid], count > 1 {
                items[index].uid = uid.replacingOccurrences(of: "@dossier", with: "-\(count)@dossier")
            }
        }
        return items
    }

    public static func state(of date: Day, asOf: Day) -> AgendaItem.State {
        if date < asOf { return .overdue }
        return asOf.days(until: date) <= dueSoonDays ? .dueSoon : .upcoming
    }

    /// `<kind>-<subject>[-<n>]@dossier`, with anything but `A-Z a-z 0-9 . _ -` in the subject replaced by `_`.
    static func uid(kind: AgendaItem.Kind, subject: String, sequence: Int?) -> String {
        let safe = String(subject.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return Character(scalar)
            default: return "_"
            }
        })
        return "\(kind.rawValue)-\(safe)\(sequence.map { "-\($0)" } ?? "")@dossier"
    }

    // MARK: - Recurring activities (ScheduleRule)

    /// The next record of each `schedules:` record type: the latest record's date plus the interval,
    /// overdue when that has passed; a type without any record is overdue as of today.
    static func schedules(_ context: ValidationContext) -> [AgendaItem] {
        let site = context.site
        return site.config.schedules.compactMap { type, interval -> AgendaItem? in
            // document-review is per document (below); unknown keys are config findings.
            guard type != "document-review", let definition = site.catalog[type], definition.category == .record else { return nil }
            let title = definition.title.text(site.config.language)
            let target = PagePaths.recordIndex(type: type)
            guard let latest = ScheduleRule.latestRecord(ofType: type, context) else {
                // Records without a readable date are schema findings; only a type with no record is owed now.
                guard context.entries(ofType: type).isEmpty else { return nil }
                return AgendaItem(kind: .schedule, subject: type, date: context.asOf, title: title, target: target, state: .overdue)
            }
            let due = interval.value.after(latest.day)
            return AgendaItem(kind: .schedule, subject: type, date: due, title: title, target: target,
                              state: state(of: due, asOf: context.asOf), basisID: latest.id, basisDay: latest.day)
        }
    }

    // MARK: - Document reviews (DocumentControlRule)

    static func documentReviews(_ context: ValidationContext) -> [AgendaItem] {
        context.site.documents.compactMap { entry -> AgendaItem? in
            guard entry.string("status") == "approved",
                  let next = DocumentControl.nextReview(of: entry, config: context.site.config) else { return nil }
            return AgendaItem(kind: .documentReview, subject: entry.id, date: next, title: entry.title,
                              target: PagePaths.page(for: entry), state: state(of: next, asOf: context.asOf),
                              basisDay: entry.day("approved_on"))
        }
    }

    // MARK: - Nonconformities (NonconformityRule)

    static func nonconformities(_ context: ValidationContext) -> [AgendaItem] {
        context.entries(ofType: "nonconformity").compactMap { nc -> AgendaItem? in
            guard nc.string("status") == "open", let due = nc.day("due") else { return nil }
            return AgendaItem(kind: .nonconformity, subject: nc.id, date: due, title: nc.title,
                              target: PagePaths.page(for: nc), state: state(of: due, asOf: context.asOf),
                              basisID: nc.string("source"), basisDay: nc.day("found_on"))
        }
    }

    // MARK: - Certificates (CertificationRule, SurveillanceCycle)

    static func certificates(_ context: ValidationContext) -> [AgendaItem] {
        let asOf = context.asOf
        var items: [AgendaItem] = []
        for certificate in context.site.config.certifications {
            let subject = certificate.number.isEmpty ? certificate.standard : "\(certificate.standard) \(certificate.number)"
            let title = context.site.checklists.first { $0.id == certificate.standard }?.title.text(context.site.config.language)
                ?? certificate.standard
            func item(_ kind: AgendaItem.Kind, _ date: Day, until: Day? = nil, state: AgendaItem.State, sequence: Int? = nil) -> AgendaItem {
                AgendaItem(kind: kind, subject: subject, date: date, until: until, title: title, target: PagePaths.auditsIndex,
                           state: state, basisDay: certificate.issued, sequence: sequence)
            }
            if let expires = certificate.expires, expires < asOf {
                // cert.expired: nothing else is owed under this certificate.
                items.append(item(.certificateExpiry, expires, state: .overdue))
                continue
            }
            let audits = CertificationRule.cycleAudits(of: certificate, context)
            if let issued = certificate.issued {
                let cycle = SurveillanceCycle(issued: issued, expires: certificate.expires, audits: audits.surveillance, asOf: asOf)
                for visit in cycle.visits where visit.auditID == nil {
                    items.append(item(.surveillance, visit.due, state: state(of: visit.due, asOf: asOf), sequence: visit.number))
                }
            }
            if let expires = certificate.expires {
                let opens = expires.adding(months: -recertificationWindowMonths.opens)
                let closes = expires.adding(months: -recertificationWindowMonths.closes)
                let since = expires.adding(months: -12)
                if !audits.recertifications.contains(where: { $0 > since }) {
                    let windowState: AgendaItem.State = closes < asOf ? .overdue
                        : asOf.days(until: opens) <= dueSoonDays ? .dueSoon : .upcoming
                    items.append(item(.recertification, opens, until: closes, state: windowState))
                }
                items.append(item(.certificateExpiry, expires, state: state(of: expires, asOf: asOf)))
            }
        }
        return items
    }
}
