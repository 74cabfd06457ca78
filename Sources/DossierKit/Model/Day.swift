import Foundation

/// A calendar day (ISO 8601 `YYYY-MM-DD`), with no time zone. Dossier compares days, not instants,
/// so the as-of date and every record date are `Day`s; this keeps results independent of the machine's zone.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`. On bytes: the same dates are read by several rules, and splitting
    /// into Substrings and `Int(_:)` made this 3 % of `dossier check` on 10 000 records.
    /// Accepts what `split(separator: "-")` + `Int(_:)` accepted, `+` signs included (see DayTests).
    public init?(iso text: some StringProtocol) {
        guard let (y, m, d) = Day.isoFields(text.utf8) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of `dddd-dd-dd`, where each part may also be `+` and digits (as `Int(_:)` reads them).
    static func isoFields(_ bytes: some Collection<UInt8>) -> (Int, Int, Int)? {
        var fields = (0, 0, 0)
        var field = 0, length = 0, value = 0, signed = false
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                guard Day.isoFieldDone(field: field, length: length, signed: signed) else { return nil }
                if field == 0 { fields.0 = value } else if field == 1 { fields.1 = value } else { return nil }
                field += 1
                length = 0
                value = 0
                signed = false
                continue
            }
            if byte == UInt8(ascii: "+"), length == 0 {
                signed = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                return nil
            }
            length += 1
        }
        guard field == 2, Day.isoFieldDone(field: field, length: length, signed: signed) else { return nil }
        fields.2 = value
        return fields
    }

    /// A part is 4 (year) or 2 bytes long and holds at least one digit after an optional `+`.
    private static func isoFieldDone(field: Int, length: Int, signed: Bool) -> Bool {
        length == (field == 0 ? 4 : 2) && (!signed || length >= 2)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))
            ?? Day(ordinal: ordinal)
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        // Ten ASCII bytes written directly for four-digit years (`init` allows 1...9999, so the rest
        // are shorter): three interpolations cost 1,500 instructions a day (31 M of a 10k build, in the
        // data export and the build cache).
        guard year >= 1000 else {
            let m = month < 10 ? "0\(month)" : "\(month)"
            let d = day < 10 ? "0\(day)" : "\(day)"
            return "\(year)-\(m)-\(d)"
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    bytes[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            return 10
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }
}

/// A date-time as written in front matter: `YYYY-MM-DD HH:MM[:SS]` or with `T`, optionally with `Z` or `±hh:mm`.
/// Without an offset it is local wall-clock time; durations between two such values are exact.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, already shifted to UTC when an offset was written.
    public let minuteOfDay: Int
    private let text: String

    public init?(iso raw: String) {
        if let (day, minutes) = DateTime.commonForm(raw) {
            self.init(day: day, minutes: minutes, text: raw)
            return
        }
        self.init(anyForm: raw)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (`T` or `t` for the space), with
    /// nothing around it: nearly every value, read on bytes (the general parser below, on Characters,
    /// was 7 % of `dossier check` on 10 000 records); the date part is read as `Day(iso:)` reads it.
    /// nil for any other form, which the general parser reads.
    static func commonForm(_ text: String) -> (day: Day, minutes: Int)? {
        return text.withUTF8Bytes { b -> (Day, Int)? in
            let n = b.count
            guard n == 10 || n == 16 || n == 19 else { return nil }
            func two(_ i: Int) -> Int? {
                let high = Int(b[i]) - 48, low = Int(b[i + 1]) - 48
                return (0...9).contains(high) && (0...9).contains(low) ? high * 10 + low : nil
            }
            // Four digits, two and two between dashes, read in place; any other date part (signs)
            // as `Day(iso:)` reads it. The byte loop cost 225 instructions a value, 49 M at 10k.
            let fields: (Int, Int, Int)?
            if b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let century = two(0), let decade = two(2),
               let month = two(5), let dayOfMonth = two(8) {
                fields = (century * 100 + decade, month, dayOfMonth)
            } else {
                fields = Day.isoFields(UnsafeBufferPointer(rebasing: b[0..<10]))
            }
            guard let (year, month, dayOfMonth) = fields, let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
            if n == 10 { return (day, 0) }
            guard b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
                  b[13] == UInt8(ascii: ":"), let hour = two(11), let minute = two(14), hour <= 23, minute <= 59 else { return nil }
            if n == 19 {
                guard b[16] == UInt8(ascii: ":"), let second = two(17), second < 61 else { return nil }
            }
            return (day, hour * 60 + minute)
        }
    }

    /// Every form the type accepts: surrounding spaces, `Z` or an offset, fractional seconds.
    init?(anyForm raw: String) {
        let text = String(raw.trimmingSpaces())
        guard text.count >= 10, let day = Day(iso: text.prefix(10)) else { return nil }
        var rest = text.dropFirst(10)
        if rest.isEmpty {
            self.init(day: day, minutes: 0, text: text)
            return
        }
        guard let sep = rest.first, sep == "T" || sep == " " || sep == "t" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        var offsetMinutes = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = rest[rest.index(after: signIndex)...].split(separator: ":")
            guard let h = offset.first.flatMap({ Int($0) }) else { return nil }
            let m = offset.count > 1 ? Int(offset[1]) ?? 0 : 0
            offsetMinutes = (rest[signIndex] == "+" ? 1 : -1) * (h * 60 + m)
            rest = rest[..<signIndex]
        }
        let clock = rest.trimmingSpaces().split(separator: ":")
        guard clock.count >= 2, clock.count <= 3, let h = Int(clock[0]), let m = Int(clock[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        if clock.count == 3 { guard let s = Double(clock[2]), s >= 0, s < 61 else { return nil } }
        self.init(day: day, minutes: h * 60 + m - offsetMinutes, text: text)
    }

    private init(day: Day, minutes: Int, text: String) {
        let carry = Int((Double(minutes) / 1440).rounded(.down))
        self.day = day.adding(days: carry)
        self.minuteOfDay = minutes - carry * 1440
        self.text = text
    }

    /// Minutes since 1970-01-01 00:00.
    public var absoluteMinutes: Int { day.ordinal * 1440 + minuteOfDay }

    public func hours(until other: DateTime) -> Double { Double(other.absoluteMinutes - absoluteMinutes) / 60 }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool { lhs.absoluteMinutes < rhs.absoluteMinutes }
    public static func == (lhs: DateTime, rhs: DateTime) -> Bool { lhs.absoluteMinutes == rhs.absoluteMinutes }
    public func hash(into hasher: inout Hasher) { hasher.combine(absoluteMinutes) }

    /// As written in the file.
    public var description: String { text }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation's CharacterSet trimming was a
    /// noticeable share of reading 10 000 records' dates).
    func trimmingSpaces() -> SubSequence {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
