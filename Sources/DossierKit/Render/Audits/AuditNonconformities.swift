/// Every nonconformity of the site, as the audit pages' tracker shows it: open ones first (by due
/// date), then closed ones (newest first); with the counts and the ageing of the open ones.
/// A nonconformity is closed when its `status` is `closed`; anything else counts as open.
struct AuditNonconformities {
    struct Item {
        var entry: Entry
        var foundOn: Day?
        var due: Day?
        var closedOn: Day?
        var isOpen: Bool
        var severity: String?
        /// Open: days from `found_on` to the as-of date; closed: from `found_on` to `closed_on`.
        var age: Int?
        /// Open and `due` before the as-of date: by how many days.
        var daysOverdue: Int?
        /// Closed after its due date.
        var closedLate: Bool

        var id: String { entry.id }
        var isOverdue: Bool { daysOverdue != nil }
        var isVerified: Bool { entry.string("verified_by") != nil && entry.string("verified_on") != nil }
        /// Verified by its own owner: not independent.
        var isSelfVerified: Bool {
            guard let verifier = entry.string("verified_by") else { return false }
            return verifier == entry.string("owner")
        }
    }

    /// The ageing brackets of open nonconformities, in days: 0–30, 31–60, 61–90, over 90.
    static let brackets: [(low: Int, high: Int?)] = [(0, 30), (31, 60), (61, 90), (91, nil)]

    let asOf: Day
    let items: [Item]

    init(site: Site, asOf: Day) {
        self.asOf = asOf
        let all = site.entries(ofType: "nonconformity").map { entry -> Item in
            let foundOn = entry.day("found_on"), due = entry.day("due"), closedOn = entry.day("closed_on")
            let isOpen = entry.string("status") != "closed"
            var age: Int?
            if let foundOn {
                if isOpen { age = max(0, foundOn.days(until: asOf)) } else if let closedOn { age = max(0, foundOn.days(until: closedOn)) }
            }
            var overdue: Int?
            if isOpen, let due, due < asOf { overdue = due.days(until: asOf) }
            var late = false
            if !isOpen, let due, let closedOn { late = closedOn > due }
            return Item(entry: entry, foundOn: foundOn, due: due, closedOn: closedOn, isOpen: isOpen,
                        severity: entry.string("severity"), age: age, daysOverdue: overdue, closedLate: late)
        }
        let open = all.filter(\.isOpen).sorted {
            ($0.due?.ordinal ?? Int.max, $0.id) < ($1.due?.ordinal ?? Int.max, $1.id)
        }
        let closed = all.filter { !$0.isOpen }.sorted {
            ($0.foundOn?.ordinal ?? Int.min, $0.id) > ($1.foundOn?.ordinal ?? Int.min, $1.id)
        }
        items = open + closed
    }

    var open: [Item] { items.filter(\.isOpen) }
    var openCount: Int { open.count }
    var overdueCount: Int { open.filter(\.isOverdue).count }
    var majorOpenCount: Int { open.filter { $0.severity == "major" }.count }
    /// Closed with `closed_on` in the as-of date's calendar year (up to the as-of date).
    var closedThisYearCount: Int {
        items.filter { !$0.isOpen && $0.closedOn.map { $0.year == asOf.year && $0 <= asOf } == true }.count
    }

    /// Open nonconformities per ageing bracket (an open one without `found_on` is left out).
    var ageing: [Int] {
        Self.brackets.map { bracket in
            open.filter { item in
                guard let age = item.age else { return false }
                return age >= bracket.low && (bracket.high.map { age <= $0 } ?? true)
            }.count
        }
    }

    /// Nonconformities raised by the audit, complaint or check `id` (their `source`), by id.
    func raised(by id: String) -> [Item] {
        items.filter { $0.entry.string("source") == id }.sorted { $0.id < $1.id }
    }
}
