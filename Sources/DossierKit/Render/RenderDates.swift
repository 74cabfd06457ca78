/// Dates as pages show them, read from front-matter text with a fast path for the plain forms
/// (`2026-03-18`, `2026-03-18T09:30`, `2026-03-18 09:30:00`) and `Day`/`DateTime`'s own parsers for
/// everything else, so the result is always theirs. The general parsers work on `Character`s and
/// trim through Foundation: parsing the same dates again for entry pages, cited-by lists and register
/// tables was 2.3 % of a 10k build.
enum RenderDates {
    /// `Day(iso: text)`.
    static func day(_ text: String) -> Day? {
        if let day = plainDay(text) { return day }
        return Day(iso: text)
    }

    /// `DateTime(iso: text).map(strings.format)`.
    static func formatDateTime(_ text: String, strings: InterfaceStrings) -> String? {
        if let (day, hour, minute) = plainDateTime(text) {
            return strings.format(day) + " " + twoDigits(hour) + ":" + twoDigits(minute)
        }
        return DateTime(iso: text).map(strings.format)
    }

    /// `RecordDates.day(of: entry, catalog: catalog)`: the day of a date field that holds a date or a
    /// date-time (`Entry.day(_:)`).
    static func recordDay(of entry: Entry, catalog: TypeCatalog) -> Day? {
        let field = entry.category == .document ? "approved_on" : catalog[entry.type]?.dateField ?? "date"
        if let text = entry.string(field) {
            if let day = plainDay(text) { return day }
            if let (day, _, _) = plainDateTime(text) { return day }
        }
        return RecordDates.day(of: entry, catalog: catalog)
    }

    static func twoDigits(_ number: Int) -> String { number < 10 ? "0" + String(number) : String(number) }

    /// Exactly `YYYY-MM-DD` in ASCII digits, a real day.
    private static func plainDay(_ text: String) -> Day? {
        var text = text
        return text.withUTF8 { bytes -> Day? in
            guard bytes.count == 10 else { return nil }
            var digits = Digits(bytes: bytes)
            guard let year = digits.number(4), digits.skip(UInt8(ascii: "-")), let month = digits.number(2),
                  digits.skip(UInt8(ascii: "-")), let day = digits.number(2) else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    /// Exactly `YYYY-MM-DD` then `T`, `t` or a space, then `HH:MM` or `HH:MM:SS`, without a zone.
    private static func plainDateTime(_ text: String) -> (Day, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Day, Int, Int)? in
            guard bytes.count == 16 || bytes.count == 19 else { return nil }
            var digits = Digits(bytes: bytes)
            return dateTime(&digits, count: bytes.count)
        }
    }

    private static func dateTime(_ digits: inout Digits, count: Int) -> (Day, Int, Int)? {
        guard let year = digits.number(4), digits.skip(UInt8(ascii: "-")), let month = digits.number(2),
              digits.skip(UInt8(ascii: "-")), let dayOfMonth = digits.number(2),
              digits.skip(UInt8(ascii: "T")) || digits.skip(UInt8(ascii: "t")) || digits.skip(UInt8(ascii: " ")),
              let hour = digits.number(2), digits.skip(UInt8(ascii: ":")), let minute = digits.number(2),
              hour <= 23, minute <= 59, let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        if count == 19 {
            guard digits.skip(UInt8(ascii: ":")), let second = digits.number(2), second < 61 else { return nil }
        }
        return (day, hour, minute)
    }

    private struct Digits {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func skip(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func number(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<(position + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }
    }
}
