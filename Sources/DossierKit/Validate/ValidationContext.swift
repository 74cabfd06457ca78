/// Indexes over a site that several rule families need, built once per validation.
public struct ValidationContext: Sendable {
    public let site: Site
    public let asOf: Day
    /// Entries of each type, in path order.
    public let entriesByType: [String: [Entry]]
    public let people: [String: SiteConfig.Person]
    /// `checklist:clause` → the clause, for every checklist the site knows.
    public let clauses: [String: Checklist.Clause]
    /// The schema the schema, reference and people rules share (made by `Validator`; nil in a context
    /// made elsewhere, whose rules then make their own): each rule built it, 3 M instructions each.
    let sharedSchema: SchemaFields?
    /// For each entry of `site.entries`, the position of its type in `typeNames`: rules that look
    /// something up by type for every entry index an array instead of hashing the type again
    /// (four rules × 10 000 entries, ~14 M instructions of `dossier check`).
    let typeSlots: [Int]
    /// The types the entries have, in order of first appearance.
    let typeNames: [String]
    private let coverageCell = OnceCell<[ChecklistCoverage]>()

    public init(site: Site, asOf: Day) {
        self.init(site: site, asOf: asOf, sharesSchema: false)
    }

    init(site: Site, asOf: Day, sharesSchema: Bool) {
        self.site = site
        self.asOf = asOf
        // The slots from one hash of each entry's type; the grouping from the site's own index.
        var slotByName: [String: Int] = [:]
        var names: [String] = []
        var slots: [Int] = []
        slots.reserveCapacity(site.entries.count)
        for entry in site.entries {
            let slot: Int
            if let known = slotByName[entry.type] {
                slot = known
            } else {
                slot = names.count
                slotByName[entry.type] = slot
                names.append(entry.type)
            }
            slots.append(slot)
        }
        self.entriesByType = Dictionary(uniqueKeysWithValues: names.map { ($0, site.entries(ofType: $0)) })
        self.typeSlots = slots
        self.typeNames = names
        self.people = Dictionary(site.config.people.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var clauses: [String: Checklist.Clause] = [:]
        for checklist in site.checklists {
            for clause in checklist.clauses { clauses["\(checklist.id):\(clause.id)"] = clause }
        }
        self.clauses = clauses
        sharedSchema = sharesSchema ? SchemaFields(catalog: site.catalog) : nil
    }

    public func entries(ofType type: String) -> [Entry] { entriesByType[type] ?? [] }

    /// `Coverage(site:asOf:).applicable()`, worked out once, by the first rule that asks: the coverage
    /// rule needs it, and so does the render when it shows the same site (`Validator.validateKeepingCoverage`),
    /// which made it again, 10–15 ms of one core at 10,000 records.
    public var applicableCoverage: [ChecklistCoverage] {
        coverageCell.value { Coverage(site: site, asOf: asOf).applicable() }
    }

    /// `applicableCoverage` if a rule has asked for it.
    var coverageIfWorkedOut: [ChecklistCoverage]? { coverageCell.madeValue }

    /// The schema fields of every type (shared when `Validator` made the context).
    var schema: SchemaFields { sharedSchema ?? SchemaFields(catalog: site.catalog) }

    /// `table[name]` for each of `typeNames`, to be indexed by `typeSlots`.
    func bySlot<Value>(_ table: [String: Value]) -> [Value?] { typeNames.map { table[$0] } }

    /// The day that dates an entry: a record's date field, or a document's approval day.
    public func day(of entry: Entry) -> Day? { RecordDates.day(of: entry, catalog: site.catalog) }

    /// The config line of a site-wide setting, e.g. `schedules` → the line of `self-check:` under it.
    public func configLocation(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: SiteConfig.fileName, line: line, column: column)
    }
}
