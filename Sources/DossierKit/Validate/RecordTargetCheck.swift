/// `record.target`: the config `targets:` that single records can miss.
/// - `complaint.acknowledge_hours.max`: hours from `received` to `acknowledged`;
/// - `complaint.close_days.max`: days (hours / 24) from `received` to `closed`;
/// - `satisfaction.score.min`: a satisfaction survey's `score`;
/// - `incident.resolution_hours.max` and per priority `incident.resolution_hours.P1.max`: hours from
///   `opened` to `resolved` of each incident (the priority's target replaces the general one);
/// - `incident.resolution_hours.p90` (and `.P1.p90`): the 90th percentile (nearest rank) of the
///   resolution hours of incidents resolved within the 12 months up to the as-of date, reported once,
///   at the target's config line.
/// A record gets at most one finding, naming every target it misses. Other target keys are the config
/// rule's concern and are ignored here.
struct RecordTargetCheck {
    let context: ValidationContext

    func check() -> [Diagnostic] {
        let targets = Targets(context.site.config)
        var found: [Diagnostic] = []
        if targets.acknowledgeHours != nil || targets.closeDays != nil {
            for complaint in context.entries(ofType: "complaint") {
                found += report(complaint, misses: complaintMisses(complaint, targets: targets))
            }
        }
        if let minimum = targets.scoreMin {
            for survey in context.entries(ofType: "satisfaction-survey") {
                guard let score = survey["score"]?.number, score < minimum.value else { continue }
                let miss = Miss(field: "score", text: "score \(Self.number(score)) is below the target of \(Self.number(minimum.value))")
                found += report(survey, misses: [miss])
            }
        }
        if targets.hasIncidentTargets {
            found += incidentFindings(targets)
        }
        return found
    }

    // MARK: - Complaints

    func complaintMisses(_ complaint: Entry, targets: Targets) -> [Miss] {
        guard let received = complaint.dateTime("received") else { return [] }
        var misses: [Miss] = []
        if let target = targets.acknowledgeHours, let acknowledged = complaint.dateTime("acknowledged") {
            let hours = received.hours(until: acknowledged)
            if hours > target.value {
                misses.append(Miss(field: "acknowledged",
                                   text: "acknowledged \(Self.number(hours)) h after it was received (target: at most \(Self.number(target.value)) h)"))
            }
        }
        if let target = targets.closeDays, let closed = complaint.dateTime("closed") {
            let days = received.hours(until: closed) / 24
            if days > target.value {
                misses.append(Miss(field: "closed",
                                   text: "closed \(Self.number(days)) days after it was received (target: at most \(Self.number(target.value)) days)"))
            }
        }
        return misses + openComplaintMisses(complaint, received: received, targets: targets)
    }

    /// A complaint still waiting is late too: nobody has to fill in a time for the target to be missed.
    /// Measured to the start of the as-of day, so a complaint is never called late too early.
    func openComplaintMisses(_ complaint: Entry, received: DateTime, targets: Targets) -> [Miss] {
        guard complaint.string("status") != "closed", let now = DateTime(iso: context.asOf.description) else { return [] }
        let waited = received.hours(until: now)
        var misses: [Miss] = []
        if let target = targets.acknowledgeHours, complaint.dateTime("acknowledged") == nil, waited > target.value {
            misses.append(Miss(field: "status",
                               text: "not acknowledged \(Self.number(waited)) h after it was received (target: at most \(Self.number(target.value)) h)"))
        }
        if let target = targets.closeDays, waited / 24 > target.value {
            misses.append(Miss(field: "status",
                               text: "still open \(Self.number(waited / 24)) days after it was received (target: closed within \(Self.number(target.value)) days)"))
        }
        return misses
    }

    // MARK: - Incidents

    func incidentFindings(_ targets: Targets) -> [Diagnostic] {
        let windowStart = context.asOf.adding(months: -12)
        var found: [Diagnostic] = []
        /// Resolution hours of incidents resolved in the window, by priority ("" holds all of them).
        var recent: [String: [(hours: Double, id: String)]] = [:]
        for incident in context.entries(ofType: "incident") {
            guard let opened = incident.dateTime("opened"), let resolved = incident.dateTime("resolved") else { continue }
            let hours = opened.hours(until: resolved)
            guard hours >= 0 else { continue } // record.order reports it
            let priority = incident.string("priority") ?? ""
            if let target = targets.resolutionMax(priority: priority), hours > target.value {
                let scope = targets.resolution[priority]?.max != nil ? " for \(priority)" : ""
                found += report(incident, misses: [Miss(
                    field: "resolved",
                    text: "resolved \(Self.number(hours)) h after it was opened (target\(scope): at most \(Self.number(target.value)) h)"
                )])
            }
            if resolved.day > windowStart, resolved.day <= context.asOf {
                recent["", default: []].append((hours, incident.id))
                if !priority.isEmpty { recent[priority, default: []].append((hours, incident.id)) }
            }
        }
        for (priority, target) in targets.percentileTargets {
            guard let sample = recent[priority], !sample.isEmpty else { continue }
            let sorted = sample.sorted { ($0.hours, $0.id) < ($1.hours, $1.id) }
            let value = Self.nearestRank(sorted.map(\.hours), percentile: 90)
            guard value > target.value else { continue }
            let which = priority.isEmpty ? "incidents" : "\(priority) incidents"
            let slowest = sorted.suffix(3).reversed().map { "\($0.id) (\(Self.number($0.hours)) h)" }.joined(separator: ", ")
            found.append(Rules.recordTarget.diagnostic(
                "90th percentile of resolution time of \(which) resolved \(windowStart.adding(days: 1)) to \(context.asOf) is \(Self.number(value)) h (\(sorted.count) incident\(sorted.count == 1 ? "" : "s")), above the target of \(Self.number(target.value)) h",
                at: context.configLocation(line: target.line, column: target.column),
                hint: "Look at the slowest: \(slowest)."
            ))
        }
        return found
    }

    /// Nearest-rank percentile of ascending `values` (not empty): the value at rank ⌈p/100 × n⌉.
    static func nearestRank(_ values: [Double], percentile: Int) -> Double {
        let rank = (percentile * values.count + 99) / 100
        return values[min(max(rank, 1), values.count) - 1]
    }

    // MARK: - Reporting

    struct Miss {
        var field: String
        var text: String
    }

    /// One finding per record, at the key of its first miss.
    func report(_ entry: Entry, misses: [Miss]) -> [Diagnostic] {
        guard let first = misses.first else { return [] }
        return [Rules.recordTarget.diagnostic(
            "\(entry.id) misses its target: " + misses.map(\.text).joined(separator: "; "),
            at: entry.location(of: first.field),
            hint: "Say in the record why the target was missed; if misses recur, review the process or the target."
        )]
    }

    /// A number for messages: at most two decimals, none when whole (`24`, `9.5`, `18.03`).
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    // MARK: - Targets

    /// The targets this check knows, each with its config line.
    struct Targets {
        struct Resolution {
            var max: Located<Double>?
            var p90: Located<Double>?
        }

        var acknowledgeHours: Located<Double>?
        var closeDays: Located<Double>?
        var scoreMin: Located<Double>?
        /// Incident resolution targets by priority; "" holds the general ones.
        var resolution: [String: Resolution] = [:]

        init(_ config: SiteConfig) {
            // The first of duplicate keys wins, as in `SiteConfig.target(_:)`.
            for (key, value) in config.targets.reversed() {
                let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                switch parts {
                case ["complaint", "acknowledge_hours", "max"]: acknowledgeHours = value
                case ["complaint", "close_days", "max"]: closeDays = value
                case ["satisfaction", "score", "min"]: scoreMin = value
                default:
                    guard parts.count == 3 || parts.count == 4, parts[0] == "incident", parts[1] == "resolution_hours" else { continue }
                    let priority = parts.count == 4 ? parts[2] : ""
                    if parts.count == 4, priority.isEmpty { continue }
                    switch parts[parts.count - 1] {
                    case "max": resolution[priority, default: Resolution()].max = value
                    case "p90": resolution[priority, default: Resolution()].p90 = value
                    default: continue
                    }
                }
            }
        }

        var hasIncidentTargets: Bool { !resolution.isEmpty }

        /// The priority's own maximum, else the general one.
        func resolutionMax(priority: String) -> Located<Double>? {
            resolution[priority]?.max ?? resolution[""]?.max
        }

        /// p90 targets as (priority, target), general first, then by priority name.
        var percentileTargets: [(String, Located<Double>)] {
            resolution.keys.sorted().compactMap { key in resolution[key]?.p90.map { (key, $0) } }
        }
    }
}
