/// Where each `checklist:clause` reference of the applicable standards leads, worked out once.
///
/// Why: `PagePaths.clauseTarget` finds the checklist, then the clause by comparing ids one by one,
/// for every clause reference of every page (4.5 % of the entry pages' instructions at 10k records).
/// A reference not found here goes the general way, so the answer is always `clauseTarget`'s.
struct ClauseTargets: Sendable {
    private let targets: [String: String]
    private let coverage: [ChecklistCoverage]

    init(coverage: [ChecklistCoverage]) {
        var targets: [String: String] = [:]
        for checklist in coverage.map(\.checklist) where !checklist.id.contains(":") {
            for clause in checklist.clauses {
                let reference = checklist.id + ":" + clause.id
                // The first checklist and clause of an id, as `clauseTarget` finds them.
                guard targets[reference] == nil,
                      let target = PagePaths.clauseTarget(reference: reference, coverage: coverage) else { continue }
                targets[reference] = target
            }
        }
        self.targets = targets
        self.coverage = coverage
    }

    /// `PagePaths.clauseTarget(reference:coverage:)`.
    func target(_ reference: String) -> String? {
        targets[reference] ?? PagePaths.clauseTarget(reference: reference, coverage: coverage)
    }
}
