import Foundation

/// The as-of date validation and rendering use. The clock is read here and nowhere else.
public enum AsOf {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self { case let .invalid(text): return "'\(text)' is not a date: write --as-of YYYY-MM-DD" }
        }
    }

    /// `--as-of` if given, else `SOURCE_DATE_EPOCH` (for reproducible builds), else today in UTC.
    public static func resolve(option: String?, environment: [String: String], now: Date = Date()) throws -> Day {
        if let option {
            guard let day = Day(iso: option) else { throw Failure.invalid(option) }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            return Day(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
        }
        return Day(ordinal: Int((now.timeIntervalSince1970 / 86400).rounded(.down)))
    }
}
