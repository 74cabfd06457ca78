/// Indexes over a site that several rule families need, built once per validation.
public struct ValidationContext: Sendable {
    public let site: Site
    public let asOf: Day
    /// Entries of each type, in path order.
    public let entriesByType: [String: [Entry]]
    public let people: [String: SiteConfig.Person]
    /// `checklist:clause` → the clause, for every checklist the site knows.
    public let clauses: [String: Checklist.Clause]

    public init(site: Site, asOf: Day) {
        self.site = site
        self.asOf = asOf
        self.entriesByType = Dictionary(grouping: site.entries, by: \.type)
        self.people = Dictionary(site.config.people.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var clauses: [String: Checklist.Clause] = [:]
        for checklist in site.checklists {
            for clause in checklist.clauses { clauses["\(checklist.id):\(clause.id)"] = clause }
        }
        self.clauses = clauses
    }

    public func entries(ofType type: String) -> [Entry] { entriesByType[type] ?? [] }

    /// The day that dates an entry: a record's date field, or a document's approval day.
    public func day(of entry: Entry) -> Day? { RecordDates.day(of: entry, catalog: site.catalog) }

    /// The config line of a site-wide setting, e.g. `schedules` → the line of `self-check:` under it.
    public func configLocation(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: SiteConfig.fileName, line: line, column: column)
    }
}
