/// The surveillance audits of one certificate: the n-th is due by `issued` + 12·n months, for every
/// due date before expiry (a 3-year certificate has two). Audits are `external-audit` records of kind
/// `surveillance` or `recertification` for the certificate's standard, dated after `issued` and on
/// or before the as-of date. They are matched to due dates in order: due date n takes the first
/// unused audit dated after due date n − 1 (after `issued` for the first). An audit in the 12 months
/// before its due date is on time; one after it still counts for that due date (the finding it was
/// late is history, not a state to fix) and not for the next.
public struct SurveillanceCycle: Sendable, Hashable {
    public struct Visit: Sendable, Hashable {
        /// 1 for the first surveillance audit.
        public var number: Int
        public var due: Day
        /// The audit record matched to it, if any.
        public var auditID: String?
        public var auditDay: Day?
    }

    public var visits: [Visit]

    /// `audits`: (id, day) of the certificate's surveillance and recertification audits, any order.
    public init(issued: Day, expires: Day?, audits: [(id: String, day: Day)], asOf: Day) {
        // Without an expiry date, assume the usual three-year certificate.
        let expiry = expires ?? issued.adding(months: 36)
        var pool = audits.filter { $0.day > issued && $0.day <= asOf }.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        var visits: [Visit] = []
        var previous = issued
        var n = 1
        while n <= 50 {
            let due = issued.adding(months: 12 * n)
            guard due < expiry else { break }
            var visit = Visit(number: n, due: due)
            if let i = pool.firstIndex(where: { $0.day > previous }) {
                visit.auditID = pool[i].id
                visit.auditDay = pool[i].day
                pool.remove(at: i)
            }
            visits.append(visit)
            previous = due
            n += 1
        }
        self.visits = visits
    }
}
