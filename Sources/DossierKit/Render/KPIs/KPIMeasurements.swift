/// The measurements behind the KPI pages and headlines, taken from the records as `RecordTargetCheck`
/// takes them, so that a page and a diagnostic never disagree:
/// - incident resolution: hours from `opened` to `resolved`, dated by `resolved`;
/// - complaint acknowledgement: hours from `received` to `acknowledged`, dated by `acknowledged`;
/// - complaint closing: days (hours / 24) from `received` to `closed`, dated by `closed`;
/// - satisfaction: a survey's `score`, dated by `date`.
/// Negative durations (end before start) are left out: `record.order` reports them.
struct KPIMeasurements {
    struct Sample {
        var id: String
        var day: Day
        var value: Double
        /// Incidents: the priority; other samples: "".
        var group: String = ""
        /// Surveys: the `period` and the number of `responses`.
        var period: String?
        var responses: Int?
    }

    var incidents: [Sample] = []
    var acknowledgements: [Sample] = []
    var closings: [Sample] = []
    var surveys: [Sample] = []
    /// Complaints still waiting at the start of the as-of day: (id, hours waited, acknowledged yet).
    var waiting: [(id: String, hours: Double, acknowledged: Bool)] = []

    init(site: Site, asOf: Day) {
        for incident in site.entries(ofType: "incident") {
            guard let opened = incident.dateTime("opened"), let resolved = incident.dateTime("resolved") else { continue }
            let hours = opened.hours(until: resolved)
            guard hours >= 0 else { continue }
            incidents.append(Sample(id: incident.id, day: resolved.day, value: hours, group: incident.string("priority") ?? ""))
        }
        let startOfAsOf = DateTime(iso: asOf.description)
        for complaint in site.entries(ofType: "complaint") {
            guard let received = complaint.dateTime("received") else { continue }
            let acknowledged = complaint.dateTime("acknowledged")
            if let acknowledged, received.hours(until: acknowledged) >= 0 {
                acknowledgements.append(Sample(id: complaint.id, day: acknowledged.day, value: received.hours(until: acknowledged)))
            }
            if let closed = complaint.dateTime("closed"), received.hours(until: closed) >= 0 {
                closings.append(Sample(id: complaint.id, day: closed.day, value: received.hours(until: closed) / 24))
            }
            if complaint.string("status") != "closed", let now = startOfAsOf, received.day <= asOf {
                waiting.append((complaint.id, max(0, received.hours(until: now)), acknowledged != nil))
            }
        }
        for survey in site.entries(ofType: "satisfaction-survey") {
            // Schema checks flag odd numbers; the page must not trip over them (nan, inf, 1e300).
            guard let day = survey.day("date"), let score = survey["score"]?.number, score.isFinite, abs(score) < 1e9 else { continue }
            let responses = survey["responses"]?.number.flatMap { $0.isFinite && abs($0) < 1e9 ? Int($0) : nil }
            surveys.append(Sample(id: survey.id, day: day, value: score, period: survey.string("period"), responses: responses))
        }
        let order: (Sample, Sample) -> Bool = { ($0.day, $0.id) < ($1.day, $1.id) }
        incidents.sort(by: order)
        acknowledgements.sort(by: order)
        closings.sort(by: order)
        surveys.sort(by: order)
        waiting.sort { $0.id < $1.id }
    }
}

/// The 12 months up to the as-of date, as `RecordTargetCheck` counts them: after the same day a year
/// earlier, up to and including the as-of day.
struct KPIWindow: Sendable, Hashable {
    var asOf: Day

    /// The first day inside the window.
    var first: Day { asOf.adding(months: -12).adding(days: 1) }

    func contains(_ day: Day) -> Bool { day > asOf.adding(months: -12) && day <= asOf }
}

/// Medians and percentiles of KPI samples. The percentile is `RecordTargetCheck.nearestRank`, the one
/// validation uses for `incident.resolution_hours.p90`.
enum KPIStatistics {
    /// The 90th percentile, nearest rank; nil for no values.
    static func p90(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return RecordTargetCheck.nearestRank(values.sorted(), percentile: 90)
    }

    /// The median: the middle value, or the mean of the two middle values; nil for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
