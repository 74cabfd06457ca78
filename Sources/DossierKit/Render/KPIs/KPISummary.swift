/// The headline figure of each KPI over the 12 months up to the as-of date, against its target in
/// `targets:`. Used by the KPI page and the dashboard.
///
/// Each headline's value is the statistic its target names, so "met" means what the target says:
/// - incident resolution: the 90th percentile (nearest rank) of the resolution hours of incidents
///   resolved in the window, against `incident.resolution_hours.p90`;
/// - complaint acknowledgement: the longest acknowledgement (hours), against
///   `complaint.acknowledge_hours.max`; a complaint still not acknowledged past the target misses it too;
/// - complaint closing: the longest time to close (days), against `complaint.close_days.max`; a
///   complaint still open past the target misses it too;
/// - satisfaction: the lowest survey score, against `satisfaction.score.min`.
public struct KPISummary: Sendable, Hashable {
    public var asOf: Day
    /// The first day of the window; the last is `asOf`.
    public var windowStart: Day
    public var incidentResolution: KPIHeadline
    public var complaintAcknowledgement: KPIHeadline
    public var complaintClosing: KPIHeadline
    public var satisfaction: KPIHeadline

    /// The four headlines, in page order.
    public var headlines: [KPIHeadline] { [incidentResolution, complaintAcknowledgement, complaintClosing, satisfaction] }

    public static func compute(site: Site, asOf: Day) -> KPISummary {
        compute(measurements: KPIMeasurements(site: site, asOf: asOf), config: site.config, asOf: asOf)
    }

    static func compute(measurements: KPIMeasurements, config: SiteConfig, asOf: Day) -> KPISummary {
        let window = KPIWindow(asOf: asOf)
        let targets = RecordTargetCheck.Targets(config)
        func inWindow(_ samples: [KPIMeasurements.Sample]) -> [KPIMeasurements.Sample] { samples.filter { window.contains($0.day) } }

        let incidents = inWindow(measurements.incidents)
        let resolutionTarget = targets.resolution[""]?.p90?.value
        let incidentHours = incidents.map(\.value)
        let p90 = KPIStatistics.p90(incidentHours)
        let incident = KPIHeadline(
            kpi: .incidentResolution, targetKey: KnownTargets.incidentResolutionP90, statistic: .p90, unit: .hours,
            count: incidents.count, value: p90, typical: KPIStatistics.median(incidentHours), target: resolutionTarget,
            withinTarget: resolutionTarget.map { target in incidentHours.filter { $0 <= target }.count },
            late: 0, met: both(p90, resolutionTarget).map { $0 <= $1 })

        let acknowledgements = inWindow(measurements.acknowledgements)
        let acknowledgeTarget = targets.acknowledgeHours?.value
        let unacknowledgedLate = acknowledgeTarget.map { target in
            measurements.waiting.filter { !$0.acknowledged && $0.hours > target }.count } ?? 0
        let acknowledgement = maximumHeadline(.complaintAcknowledgement, key: KnownTargets.complaintAcknowledgeMax, unit: .hours,
                                              values: acknowledgements.map(\.value), target: acknowledgeTarget, late: unacknowledgedLate)

        let closings = inWindow(measurements.closings)
        let closeTarget = targets.closeDays?.value
        let openLate = closeTarget.map { target in measurements.waiting.filter { $0.hours / 24 > target }.count } ?? 0
        let closing = maximumHeadline(.complaintClosing, key: KnownTargets.complaintCloseMax, unit: .days,
                                      values: closings.map(\.value), target: closeTarget, late: openLate)

        let surveys = inWindow(measurements.surveys)
        let scoreTarget = targets.scoreMin?.value
        let scores = surveys.map(\.value)
        let lowest = scores.min()
        let satisfaction = KPIHeadline(
            kpi: .satisfaction, targetKey: KnownTargets.satisfactionScoreMin, statistic: .minimum, unit: .score,
            count: surveys.count, value: lowest, typical: weightedMean(surveys), target: scoreTarget,
            withinTarget: scoreTarget.map { target in scores.filter { $0 >= target }.count },
            late: 0, met: both(lowest, scoreTarget).map { $0 >= $1 })

        return KPISummary(asOf: asOf, windowStart: window.first, incidentResolution: incident,
                          complaintAcknowledgement: acknowledgement, complaintClosing: closing, satisfaction: satisfaction)
    }

    /// A headline whose target is a maximum for every measurement: the value is the longest one.
    private static func maximumHeadline(_ kpi: KPIHeadline.KPI, key: String, unit: KPIHeadline.Unit, values: [Double],
                                        target: Double?, late: Int) -> KPIHeadline {
        let longest = values.max()
        var met: Bool?
        if let target {
            if let longest { met = longest <= target && late == 0 } else if late > 0 { met = false }
        }
        return KPIHeadline(kpi: kpi, targetKey: key, statistic: .maximum, unit: unit, count: values.count, value: longest,
                           typical: KPIStatistics.median(values), target: target,
                           withinTarget: target.map { target in values.filter { $0 <= target }.count }, late: late, met: met)
    }

    /// The mean score weighted by responses (surveys without `responses` count once).
    static func weightedMean(_ surveys: [KPIMeasurements.Sample]) -> Double? {
        guard !surveys.isEmpty else { return nil }
        let weights = surveys.map { Double(max($0.responses ?? 1, 1)) }
        let total = zip(surveys, weights).reduce(0) { $0 + $1.0.value * $1.1 }
        return total / weights.reduce(0, +)
    }
}

/// One KPI's figure over the window.
public struct KPIHeadline: Sendable, Hashable {
    public enum KPI: String, Sendable, Hashable {
        case incidentResolution = "incident-resolution"
        case complaintAcknowledgement = "complaint-acknowledgement"
        case complaintClosing = "complaint-closing"
        case satisfaction
    }

    /// What `value` is.
    public enum Statistic: String, Sendable, Hashable { case p90, maximum, minimum }

    public enum Unit: String, Sendable, Hashable { case hours, days, score }

    public var kpi: KPI
    /// The `targets:` key the value is held against (`incident.resolution_hours.p90`...).
    public var targetKey: String
    public var statistic: Statistic
    public var unit: Unit
    /// Measurements in the window (resolved incidents, acknowledged or closed complaints, surveys).
    public var count: Int
    /// The statistic over the window; nil when there is no measurement.
    public var value: Double?
    /// The typical value for context: the median (incidents, complaints) or the response-weighted mean score.
    public var typical: Double?
    /// The target, when `targets:` sets one.
    public var target: Double?
    /// Measurements that meet the target on their own (nil without a target).
    public var withinTarget: Int?
    /// Complaints still waiting that have already missed the target (not counted in `count`).
    public var late: Int
    /// Whether the target is met; nil without a target, or with nothing measured and nothing late.
    public var met: Bool?

    /// A higher value is better (satisfaction) rather than worse (times).
    public var higherIsBetter: Bool { statistic == .minimum }

    /// The share of measurements (and late waiting complaints) that meet the target, 0...1.
    public var shareWithinTarget: Double? {
        guard let withinTarget, count + late > 0 else { return nil }
        return Double(withinTarget) / Double(count + late)
    }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
