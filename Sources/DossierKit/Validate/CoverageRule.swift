/// `coverage.missing` and `coverage.partial`: each clause of each standard under `standards:` that
/// nothing answers, or that is answered only in part (see `Coverage`). Located at the standard's
/// line in `standards:`; the hint gives the first unmet expectation and how to meet it.
public struct CoverageRule: ValidationRule {
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let coverage = Coverage(site: context.site, asOf: context.asOf)
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for standard in context.site.config.standards where seen.insert(standard.value).inserted {
            // An unknown standard is reported by config.unknown-standard.
            guard let checklist = context.site.checklists.first(where: { $0.id == standard.value }) else { continue }
            let location = context.configLocation(line: standard.line, column: standard.column)
            for clause in coverage.coverage(of: checklist).clauses {
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
