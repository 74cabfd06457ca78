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

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 35 }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let catalog = context.site.catalog
        // By type slot (`ValidationContext.typeSlots`): indexing instead of hashing each entry's type.
        let plans = context.typeNames.map { DatePlan(type: $0, catalog: catalog) }
        let asOf = context.asOf
        let entries = context.site.entries, slots = context.typeSlots
        // Per entry on every core: reading each record's dates is most of this rule's time.
        var found = Array(entries.indices).parallelMap { index -> [Diagnostic] in
            let entry = entries[index], plan = plans[slots[index]]
            let order = order(entry, plan: plan)
            return entry.category == .record ? order + future(entry, plan: plan, asOf: asOf) : order
        }.flatMap { $0 }
        found += RecordTargetCheck(context: context).check()
        return found
    }

    /// The date fields of one type, worked out once per type.
    struct DatePlan: Sendable {
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
            guard let laterText = entry.string(pair.later), let earlierText = entry.string(pair.earlier),
                  Self.precedes(laterText, earlierText) == true else { return nil }
            return Rules.recordOrder.diagnostic(
                "\(pair.later) (\(Self.trim(laterText))) is before \(pair.earlier) (\(Self.trim(earlierText)))",
                at: entry.location(of: pair.later),
                hint: "\(pair.later) cannot precede \(pair.earlier): correct whichever of the two is wrong."
            )
        }
    }

    /// Whether `laterText` is before `earlierText`: as date-times when both carry a time, else as
    /// days; nil when either is malformed (schema.kind's finding).
    static func precedes(_ laterText: String, _ earlierText: String) -> Bool? {
        // Both in a common form with nothing around them (nearly always): each read once on bytes,
        // instead of trimmed, counted and parsed twice (20 M instructions on 10 000 records). Such a
        // value has a time when it is longer than ten bytes, and no offset to shift it.
        if laterText.hasVisibleASCIIEnds, earlierText.hasVisibleASCIIEnds,
           let later = DateTime.commonForm(laterText), let earlier = DateTime.commonForm(earlierText) {
            if laterText.utf8.count > 10, earlierText.utf8.count > 10 {
                return later.day.ordinal * 1440 + later.minutes < earlier.day.ordinal * 1440 + earlier.minutes
            }
            return later.day < earlier.day
        }
        if Self.hasTime(laterText), Self.hasTime(earlierText),
           let later = DateTime(iso: laterText), let earlier = DateTime(iso: earlierText) {
            return later < earlier
        }
        guard let later = Self.writtenDay(laterText), let earlier = Self.writtenDay(earlierText) else { return nil }
        return later < earlier
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

    /// Without leading and trailing white space.
    /// Asks `hasVisibleASCIIEnds` before naming the set: `CharacterSet.whitespaces`, made for every
    /// call as the argument of `trimmingWhitespace`, was 17 M instructions of `dossier check` on 10 000 records.
    static func trim(_ text: String) -> String {
        text.hasVisibleASCIIEnds ? text : text.trimmingCharacters(in: .whitespaces)
    }

    /// The number of Characters, from the byte count when every byte is ASCII other than CR (which
    /// joins a following LF into one Character).
    static func characterCount(_ text: String) -> Int {
        // Through one buffer: iterating `utf8` was ~500 instructions a value.
        return text.withUTF8Bytes { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } } ? text.utf8.count : text.count
    }

    /// True when the value has a time part (`YYYY-MM-DD HH:MM...`), not a plain date.
    static func hasTime(_ text: String) -> Bool { Self.characterCount(Self.trim(text)) > 10 }

    /// The calendar day as written in a date or date-time value, or nil when the value is no valid date.
    static func writtenDay(_ text: String) -> Day? {
        // `YYYY-MM-DD[ HH:MM[:SS]]` with nothing around it (nearly every value) read once on bytes;
        // the general path below reads it up to three times (18 M instructions on 10 000 records).
        if text.hasVisibleASCIIEnds, let (day, _) = DateTime.commonForm(text) { return day }
        let value = Self.trim(text)
        if Self.characterCount(value) == 10 { return Day(iso: value) }
        guard DateTime(iso: value) != nil else { return nil }
        return Day(iso: value.prefix(10))
    }
}
