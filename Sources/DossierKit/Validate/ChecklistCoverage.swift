/// The coverage of every answerable clause of one checklist (grouping clauses left out), and for a
/// scored checklist (GB/T 27922) its score and level.
public struct ChecklistCoverage: Sendable, Hashable {
    public var checklist: Checklist
    /// Clauses that are not groups, in checklist order.
    public var clauses: [ClauseCoverage]
    /// Scored checklists only.
    public var score: CoverageScore?

    public func count(_ status: ClauseCoverage.Status) -> Int { clauses.filter { $0.status == status }.count }

    public func clause(_ id: String) -> ClauseCoverage? { clauses.first { $0.clause.id == id } }
}

/// Score of a scored checklist: the points of covered clauses over the points of applicable
/// (not excluded) clauses, times 100. Partial and missing clauses earn nothing.
public struct CoverageScore: Sendable, Hashable {
    public var earned: Double
    public var applicable: Double
    /// 0...100; 0 when no clause is applicable.
    public var percent: Double
    /// The highest level reached (`levels`, else `pass`), nil when below the pass mark.
    public var level: Checklist.Level?
    /// True when the pass mark is reached (or the checklist sets none).
    public var passed: Bool

    init(clauses: [ClauseCoverage], checklist: Checklist) {
        var earned = 0.0, applicable = 0.0
        for coverage in clauses where coverage.status != .excluded {
            let points = coverage.clause.points ?? 0
            applicable += points
            if coverage.status == .covered { earned += points }
        }
        self.earned = earned
        self.applicable = applicable
        self.percent = applicable > 0 ? earned / applicable * 100 : 0
        // Compare earned × 100 with min × applicable so that 70/100 reaches a pass mark of 70 exactly.
        func reaches(_ level: Checklist.Level) -> Bool {
            applicable > 0 && earned * 100 >= level.min * applicable - 1e-9
        }
        let reached = checklist.levels.sorted { $0.min > $1.min }.first(where: reaches)
        self.passed = checklist.pass.map(reaches) ?? (applicable > 0)
        self.level = reached ?? checklist.pass.flatMap { reaches($0) ? $0 : nil }
    }
}
