/// `coverage.missing` and `coverage.partial`: each clause of each standard under `standards:` that
/// nothing answers, or that is answered only in part (see `Coverage`). Located at the standard's
/// line in `standards:`; the hint gives the first unmet expectation and how to meet it.
public struct CoverageRule: ValidationRule {
    public init() {}

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 50 }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // An unknown standard is reported by config.unknown-standard.
        let standards = Coverage.applicableStandards(of: context.site)
        for (standard, coverage) in zip(standards.map(\.standard), context.applicableCoverage) {
            let location = context.configLocation(line: standard.line, column: standard.column)
            for clause in coverage.clauses {
                let rule: RuleInfo
                switch clause.status {
                case .missing: rule = Rules.coverageMissing
                case .partial: rule = Rules.coveragePartial
                case .covered, .excluded: continue
                }
                // Messages are English, whatever the site's interface language.
                let title = clause.clause.title.text(.en)
                let what = clause.status == .missing ? "is not covered: nothing answers it" : "is only partly covered"
                let hint = clause.gaps.first.map { "\($0.description); \($0.hint(reference: clause.reference))" }
                diagnostics.append(rule.diagnostic("\(clause.reference) \(title) \(what)", at: location, hint: hint))
            }
        }
        return diagnostics
    }
}
