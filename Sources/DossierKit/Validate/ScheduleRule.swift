/// Recurring activities: each `schedules:` entry whose key is a record type (`document-review` is
/// the document-control rules' business). Located at the schedule's line in the config.
///
/// - `schedule.missed` (intervals in months or years): time is cut into calendar periods (see
///   `SchedulePeriods`). Checking starts at the period of the first record of the type, or of the
///   earliest certificate's `issued` date when that is later (an activity is due from the day the
///   company started it, and gaps before certification are no auditor's business), and ends with
///   the last complete period before the as-of date (the current one is still running). A record
///   counts for the period its `period` field names (`2026-08`, `2026-Q3`, `2026-H2`, `2026`), else
///   for the period of its date. Each period without a record is one finding ("no self-check for
///   2026-08"); beyond `maxMissedReported`, the older ones are summed up in one more finding.
/// - `schedule.overdue`: the newest record is older than the interval (its date plus the interval is
///   before the as-of date), or there is no record at all. It is not reported when complete periods
///   after the newest record are already reported as missed: those findings name the same gap.
/// - `schedule.due` (warning): the next one falls due (newest record plus interval) within 30 days,
///   or within a quarter of the interval when that is shorter (a monthly activity warns a week
///   ahead, not always).
public struct ScheduleRule: ValidationRule {
    public init() {}

    /// Missed periods reported one by one per schedule; older ones are summed up in one finding.
    static let maxMissedReported = 12

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let certified = context.site.config.certifications.compactMap(\.issued).min()
        var diagnostics: [Diagnostic] = []
        for (type, interval) in context.site.config.schedules {
            // document-review is checked per document; unknown keys are config.unknown-schedule.
            guard type != "document-review", context.site.catalog[type]?.category == .record else { continue }
            let location = context.configLocation(line: interval.line, column: interval.column)
            diagnostics += check(type: type, interval: interval.value, at: location, certified: certified, context)
        }
        return diagnostics
    }

    private struct Dated {
        var id: String
        var day: Day?
        /// The absolute month the record counts for (its period, else its date).
        var month: Int
    }

    private func check(type: String, interval: Interval, at location: SourceLocation, certified: Day?,
                       _ context: ValidationContext) -> [Diagnostic] {
        let asOf = context.asOf
        let records: [Dated] = context.entries(ofType: type).compactMap { entry in
            let day = context.day(of: entry)
            if let day, day > asOf { return nil }  // record.future reports it
            let month = entry.string("period").flatMap(SchedulePeriods.month(ofPeriod:)) ?? day.map(SchedulePeriods.absoluteMonth)
            return month.map { Dated(id: entry.id, day: day, month: $0) }
        }
        guard let latest = Self.latestRecord(ofType: type, context) else {
            // Records without a readable date are schema findings; only a type with no record at all is overdue.
            guard context.entries(ofType: type).isEmpty else { return [] }
            return [Rules.scheduleOverdue.diagnostic(
                "no \(type) record yet, though schedules: asks for one every \(interval)", at: location,
                hint: "file the first \(type) record (dossier new \(type)), or remove \(type) from schedules:")]
        }
        var diagnostics: [Diagnostic] = []

        // Missed calendar periods.
        var trailingGap = false
        if let months = interval.months, let firstMonth = records.map(\.month).min() {
            let startMonth = max(firstMonth, certified.map(SchedulePeriods.absoluteMonth) ?? firstMonth)
            let periods = SchedulePeriods(months: months, startMonth: startMonth)
            let covered = Set(records.map { periods.period(ofMonth: $0.month) })
            let first = periods.period(ofMonth: startMonth), last = periods.period(of: asOf) - 1
            if first <= last {
                let missed = (first...last).filter { !covered.contains($0) }
                let newestCovered = covered.max() ?? first
                trailingGap = missed.contains { $0 > newestCovered }
                diagnostics += missedDiagnostics(missed, periods: periods, type: type, interval: interval, at: location)
            }
        }

        // Overdue, or due soon.
        let due = interval.after(latest.day)
        if due < asOf {
            if !trailingGap {
                diagnostics.append(Rules.scheduleOverdue.diagnostic(
                    "last \(type) record \(latest.id) is dated \(latest.day), older than \(interval): the next was due by \(due)",
                    at: location,
                    hint: "file the \(type) record once it is done; if the activity now runs less often, change schedules.\(type)"))
            }
        } else {
            let span = asOf.days(until: interval.after(asOf))
            let lead = min(30, max(1, span / 4))
            let daysLeft = asOf.days(until: due)
            if daysLeft <= lead {
                let when = daysLeft == 0 ? "today" : "in \(daysLeft) day\(daysLeft == 1 ? "" : "s")"
                diagnostics.append(Rules.scheduleDue.diagnostic(
                    "next \(type) is due by \(due) (\(when)); the last one is \(latest.id) of \(latest.day)", at: location,
                    hint: "plan the \(type) and file its record by \(due)"))
            }
        }
        return diagnostics
    }

    private func missedDiagnostics(_ missed: [Int], periods: SchedulePeriods, type: String, interval: Interval,
                                   at location: SourceLocation) -> [Diagnostic] {
        // Report the newest one by one; sum up the older ones when that saves more than one line.
        let reported = missed.count > Self.maxMissedReported + 1 ? missed.suffix(Self.maxMissedReported) : missed[...]
        var diagnostics = reported.map { period -> Diagnostic in
            let label = periods.label(of: period)
            let field = label.contains(" ") ? "dated within it" : "with period: \(label), or dated within it"
            return Rules.scheduleMissed.diagnostic(
                "no \(type) for \(label)", at: location,
                hint: "file the \(type) record of \(label) (\(field)); schedules: asks for one every \(interval)")
        }
        let older = missed.dropLast(reported.count)
        if let oldest = older.first, let newest = older.last {
            diagnostics.insert(Rules.scheduleMissed.diagnostic(
                "no \(type) for \(periods.label(of: oldest)) to \(periods.label(of: newest)) (\(older.count) periods without a record)",
                at: location, hint: "file the missing \(type) records, or check the dates of the first ones"), at: 0)
        }
        return diagnostics
    }
}

extension ScheduleRule {
    // Shared with the agenda (calendar and dashboard), so both pick the same latest record.
    /// The newest dated record of `type` on or before the as-of date (later ones are `record.future`
    /// findings); on a tie of dates the smallest id. Nil when no record has a readable date.
    static func latestRecord(ofType type: String, _ context: ValidationContext) -> (id: String, day: Day)? {
        context.entries(ofType: type)
            .compactMap { entry in context.day(of: entry).map { (id: entry.id, day: $0) } }
            .filter { $0.day <= context.asOf }
            .min { ($0.day > $1.day) || ($0.day == $1.day && $0.id < $1.id) }
    }
}
