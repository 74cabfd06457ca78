import Foundation

/// Calendar periods of a schedule whose interval is in months or years. Months are counted as
/// `year × 12 + month − 1` ("absolute months"). An interval that divides a year is aligned on the
/// calendar: 1 month → calendar months (`2026-08`), 2 → pairs of months from January, 3 → quarters
/// (`2026-Q3`), 4 → thirds, 6 → halves (`2026-H2`), 12 → calendar years (`2026`). Any other length
/// (5 months, 2 years...) is counted in blocks from the month of the first period checked.
struct SchedulePeriods: Sendable, Hashable {
    /// Length of one period in months.
    let months: Int
    /// Absolute month the blocks are counted from.
    let anchor: Int

    init(months: Int, startMonth: Int) {
        self.months = max(months, 1)
        self.anchor = 12 % self.months == 0 ? 0 : startMonth
    }

    static func absoluteMonth(_ day: Day) -> Int { day.year * 12 + day.month - 1 }

    /// The period holding an absolute month.
    func period(ofMonth month: Int) -> Int { floorDiv(month - anchor, months) }

    func period(of day: Day) -> Int { period(ofMonth: Self.absoluteMonth(day)) }

    /// First absolute month of a period.
    func firstMonth(of period: Int) -> Int { anchor + period * months }

    /// First day of a period.
    func firstDay(of period: Int) -> Day { Self.day(ofMonth: firstMonth(of: period)) }

    /// `2026-08`, `2026-Q3`, `2026-H2`, `2026`, or `2026-03 to 2026-07`.
    func label(of period: Int) -> String {
        let first = firstMonth(of: period)
        let year = floorDiv(first, 12), month = first - year * 12 + 1
        switch (months, anchor) {
        case (1, _): return Self.monthLabel(first)
        case (3, 0): return "\(year)-Q\((month - 1) / 3 + 1)"
        case (6, 0): return "\(year)-H\((month - 1) / 6 + 1)"
        case (12, 0): return "\(year)"
        default: return "\(Self.monthLabel(first)) to \(Self.monthLabel(first + months - 1))"
        }
    }

    static func monthLabel(_ absolute: Int) -> String {
        let year = floorDiv(absolute, 12), month = absolute - year * 12 + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    static func day(ofMonth absolute: Int) -> Day {
        let year = floorDiv(absolute, 12), month = absolute - year * 12 + 1
        return Day(year: year, month: month, day: 1) ?? Day(ordinal: 0)
    }

    /// The first absolute month a record's `period` names: `2026-08`, `2026-Q3`, `2026-H2`, `2026`,
    /// or a date (`2026-08-01`). Nil for anything else.
    static func month(ofPeriod text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year > 0 else { return nil }
        switch parts.count {
        case 1:
            return year * 12
        case 2:
            let second = parts[1].uppercased()
            if second.count == 2, let month = Int(second), (1...12).contains(month) { return year * 12 + month - 1 }
            if second.count == 2, let n = Int(second.dropFirst()) {
                if second.hasPrefix("Q"), (1...4).contains(n) { return year * 12 + (n - 1) * 3 }
                if second.hasPrefix("H"), (1...2).contains(n) { return year * 12 + (n - 1) * 6 }
            }
            return nil
        case 3:
            return Day(iso: text.trimmingCharacters(in: .whitespaces)).map(absoluteMonth)
        default:
            return nil
        }
    }
}

private func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
