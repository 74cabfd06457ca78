/// A validation rule family: looks at the whole parsed site and reports diagnostics.
public protocol ValidationRule: Sendable {
    func check(_ context: ValidationContext) -> [Diagnostic]
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
        let context = ValidationContext(site: site, asOf: asOf, sharesSchema: true)
        // The rule families are independent: run them side by side (validation of 10 000 records
        // used one core of two), results joined in the rules' order so that output stays the same.
        let found = earlier + rules.parallelMap { $0.check(context) }.flatMap { $0 }
        return Self.applySeverities(found, config: site.config).sortedForReport()
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
