import Foundation

/// Dates of records:
/// - `record.order`: a field with `not_before` in its type (e.g. incident `resolved` after `opened`)
///   holds an earlier date or time than the field it must not precede;
/// - `record.future`: a record's date or date-time field is after the as-of date;
/// - `record.target` (warning): see `RecordTargetCheck`.
public struct RecordRule: ValidationRule {
    /// Fields whose dates lie in the future by their nature, so `record.future` leaves them alone.
    /// Keyed by field name, so a company type that reuses the name behaves the same.
    static let naturallyFuture: Set<String> = [
        "due",          // nonconformity: the deadline set for the corrective action
        "next_review",  // documents (and company records that copy the field): the next planned review
    ]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var plans: [String: DatePlan] = [:]
        var found: [Diagnostic] = []
        for entry in context.site.entries {
            let plan: DatePlan
            if let known = plans[entry.type] {
                plan = known
            } else {
                plan = DatePlan(type: entry.type, catalog: context.site.catalog)
                plans[entry.type] = plan
            }
            found += order(entry, plan: plan)
            if entry.category == .record { found += future(entry, plan: plan, asOf: context.asOf) }
        }
        found += RecordTargetCheck(context: context).check()
        return found
    }

    /// The date fields of one type, worked out once per type.
    struct DatePlan {
        /// (later, earlier): `later` must not precede `earlier`.
        var order: [(later: String, earlier: String)] = []
        /// Top-level date and date-time fields that must not lie after the as-of date.
        var dated: [String] = []

        init(type: String, catalog: TypeCatalog) {
            guard let definition = catalog[type] else { return }
            for field in catalog.allFields(of: definition) {
                switch field.kind {
                case .date, .datetime:
                    if let earlier = field.notBefore { order.append((field.name, earlier)) }
                    if !RecordRule.naturallyFuture.contains(field.name) { dated.append(field.name) }
                default:
                    continue
                }
            }
        }
    }

    /// `record.order`: compares as date-times when both values carry a time, else as days.
    func order(_ entry: Entry, plan: DatePlan) -> [Diagnostic] {
        plan.order.compactMap { pair in
            guard let laterText = entry.string(pair.later), let earlierText = entry.string(pair.earlier) else { return nil }
            let precedes: Bool
            if Self.hasTime(laterText), Self.hasTime(earlierText),
               let later = DateTime(iso: laterText), let earlier = DateTime(iso: earlierText) {
                precedes = later < earlier
            } else if let later = Self.writtenDay(laterText), let earlier = Self.writtenDay(earlierText) {
                precedes = later < earlier
            } else {
                return nil // a malformed value is schema.kind's finding
            }
            guard precedes else { return nil }
            return Rules.recordOrder.diagnostic(
                "\(pair.later) (\(Self.trim(laterText))) is before \(pair.earlier) (\(Self.trim(earlierText)))",
                at: entry.location(of: pair.later),
                hint: "\(pair.later) cannot precede \(pair.earlier): correct whichever of the two is wrong."
            )
        }
    }

    /// `record.future`: the day as written (wall-clock, before any time-zone shift) is after the as-of date.
    func future(_ entry: Entry, plan: DatePlan, asOf: Day) -> [Diagnostic] {
        plan.dated.compactMap { field in
            guard let text = entry.string(field), let day = Self.writtenDay(text), day > asOf else { return nil }
            return Rules.recordFuture.diagnostic(
                "\(field) (\(Self.trim(text))) is after the as-of date \(asOf)",
                at: entry.location(of: field),
                hint: "Correct the date; records describe what has happened by the as-of date (--as-of)."
            )
        }
    }

    static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    /// True when the value has a time part (`YYYY-MM-DD HH:MM...`), not a plain date.
    static func hasTime(_ text: String) -> Bool { Self.trim(text).count > 10 }

    /// The calendar day as written in a date or date-time value, or nil when the value is no valid date.
    static func writtenDay(_ text: String) -> Day? {
        let value = Self.trim(text)
        if value.count == 10 { return Day(iso: value) }
        guard DateTime(iso: value) != nil else { return nil }
        return Day(iso: value.prefix(10))
    }
}
