/// Dates as pages show them. `Day(iso:)` and `DateTime.commonForm` read the plain forms on bytes
/// (`2026-03-18`, `2026-03-18T09:30`, `2026-03-18 09:30:00`); anything else goes through the general
/// parsers, so the result is always theirs. Parsing the same dates again for entry pages, cited-by
/// lists and register tables through the general parsers was 2.3 % of a 10k build.
enum RenderDates {
    /// `Day(iso: text)`.
    static func day(_ text: String) -> Day? { Day(iso: text) }

    /// `DateTime(iso: text).map { strings.format($0) }`.
    static func formatDateTime(_ text: String, strings: InterfaceStrings) -> String? {
        DateTime(iso: text).map { strings.format($0) }
    }

    /// `RecordDates.day(of: entry, catalog: catalog)`: the day of a date field that holds a date or a
    /// date-time (`Entry.day(_:)`).
    static func recordDay(of entry: Entry, catalog: TypeCatalog) -> Day? {
        recordDay(of: entry, dateField: entry.category == .document ? nil : catalog[entry.type]?.dateField, catalog: catalog)
    }

    /// `recordDay(of:catalog:)` with the date field of the entry's type found already.
    static func recordDay(of entry: Entry, dateField: String?, catalog: TypeCatalog) -> Day? {
        let field = entry.category == .document ? "approved_on" : dateField ?? "date"
        if let text = entry.string(field), let plain = DateTime.commonForm(text) { return plain.day }
        return RecordDates.day(of: entry, catalog: catalog)
    }
}
