/// The day that dates a record (its type's date field), or a document's approval day.
enum RecordDates {
    static func day(of entry: Entry, catalog: TypeCatalog) -> Day? {
        if entry.category == .document { return entry.day("approved_on") }
        guard let field = catalog[entry.type]?.dateField else { return entry.day("date") }
        return entry.day(field)
    }
}
