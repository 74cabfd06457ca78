/// A validation rule family: looks at the whole parsed site and reports diagnostics.
public protocol ValidationRule: Sendable {
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// Roughly how long the rule takes, relative to the others: the longest start first. Only the
    /// order matters.
    var weight: Int { get }
}

extension ValidationRule {
    public var weight: Int { 1 }
}

/// Runs every rule over the site and applies the company's severity overrides (`rules:` in the
/// config). Validation is a pure function of the site and the as-of date.
public struct Validator: Sendable {
    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule] = Validator.standardRules) {
        self.rules = rules
    }

    /// The rule families, one file each in this folder.
    public static var standardRules: [any ValidationRule] {
        [
            ConfigRule(), SchemaRule(), ReferenceRule(), PeopleRule(), DocumentControlRule(), RecordRule(),
            NonconformityRule(), ScheduleRule(), CoverageRule(), CertificationRule(), ProfileRule(),
        ]
    }

    public func validate(_ site: Site, asOf: Day, earlier: [Diagnostic] = []) -> [Diagnostic] {
        validateKeepingCoverage(site, asOf: asOf, earlier: earlier).diagnostics
    }

    /// `validate`, and the coverage of the applicable checklists when a rule worked it out (the
    /// coverage rule does), for the render of the same site.
    func validateKeepingCoverage(_ site: Site, asOf: Day, earlier: [Diagnostic] = [])
        -> (diagnostics: [Diagnostic], coverage: [ChecklistCoverage]?) {
        let context = ValidationContext(site: site, asOf: asOf, sharesSchema: true)
        // The rule families are independent: run them side by side (validation of 10 000 records
        // used one core of two), results joined in the rules' order so that output stays the same.
        // The longest start first: a rule runs on one core, and the coverage rule, started ninth, ran
        // alone at the end for 10–15 ms while the other core waited.
        let order = rules.indices.sorted { rules[$0].weight > rules[$1].weight }
        let checked = order.parallelMap { rules[$0].check(context) }
        var byRule = [[Diagnostic]](repeating: [], count: rules.count)
        for (slot, rule) in order.enumerated() { byRule[rule] = checked[slot] }
        let found = earlier + byRule.flatMap { $0 }
        return (Self.applySeverities(found, config: site.config).sortedForReport(), context.coverageIfWorkedOut)
    }

    /// `rules: { rule.id: error|warning|off }`; a family prefix (`schedule`) applies to all its rules.
    static func applySeverities(_ diagnostics: [Diagnostic], config: SiteConfig) -> [Diagnostic] {
        guard !config.rules.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            let family = String(diagnostic.rule.prefix { $0 != "." })
            if let override = config.rules[diagnostic.rule] ?? config.rules[family] {
                guard override.value != .off else { return nil }
                diagnostic.severity = override.value
            }
            return diagnostic
        }
    }
}
