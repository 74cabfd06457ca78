/// A duration as written in the config: `N days|weeks|months|years` (singular forms accepted).
public struct Interval: Sendable, Hashable, CustomStringConvertible, Codable {
    public enum Unit: String, Sendable, Hashable, Codable { case days, weeks, months, years }
    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The largest count accepted from text: date arithmetic on larger ones overflows `Int`
    /// (`9223372036854775807 years` in `schedules:` crashed `dossier check`).
    public static let maximumCount = 100_000

    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let n = Int(parts[0]), n > 0, n <= Self.maximumCount else { return nil }
        var word = String(parts[1]).lowercased()
        if !word.hasSuffix("s") { word += "s" }
        guard let unit = Unit(rawValue: word) else { return nil }
        self.init(count: n, unit: unit)
    }

    /// The day this interval after `day`.
    public func after(_ day: Day) -> Day {
        switch unit {
        case .days: return day.adding(days: count)
        case .weeks: return day.adding(days: 7 * count)
        case .months: return day.adding(months: count)
        case .years: return day.adding(months: 12 * count)
        }
    }

    /// The day this interval before `day`.
    public func before(_ day: Day) -> Day {
        switch unit {
        case .days: return day.adding(days: -count)
        case .weeks: return day.adding(days: -7 * count)
        case .months: return day.adding(months: -count)
        case .years: return day.adding(months: -12 * count)
        }
    }

    /// Length in months when the unit is calendar based (months, years); nil for days and weeks.
    public var months: Int? {
        switch unit {
        case .months: return count
        case .years: return count * 12
        default: return nil
        }
    }

    public var description: String { "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)" }
}
