import XCTest
@testable import DossierKit

final class ValidatorTests: XCTestCase {
    private struct Fixed: ValidationRule {
        let found: [Diagnostic]
        func check(_ context: ValidationContext) -> [Diagnostic] { found }
    }

    private func site(rules: String) throws -> Site {
        let fs = Fixtures.memorySite(config: Fixtures.minimalConfig + "\nrules:\n" + rules,
                                     files: ["procedures/PR-01.md": Fixtures.procedure])
        return try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
    }

    private let findings = [
        Rules.scheduleMissed.diagnostic("no self-check for 2026-08", at: SourceLocation(path: "dossier.yml", line: 9)),
        Rules.scheduleDue.diagnostic("training due", at: SourceLocation(path: "dossier.yml", line: 10)),
        Rules.schemaUnknownField.diagnostic("unknown field", at: SourceLocation(path: "Content/a.md", line: 3)),
        Rules.ncOverdue.diagnostic("overdue", at: SourceLocation(path: "Content/b.md", line: 2)),
    ]

    func testRuleAndFamilyOverridesApply() throws {
        let site = try site(rules: "  schema.unknown-field: off\n  schedule: warning\n  nc.overdue: warning\n")
        let result = Validator(rules: [Fixed(found: findings)]).validate(site, asOf: Fixtures.demoAsOf)
        XCTAssertEqual(result.map(\.rule), ["nc.overdue", "schedule.missed", "schedule.due"])
        XCTAssertEqual(result.map(\.severity), [.warning, .warning, .warning])
    }

    func testSpecificRuleBeatsItsFamily() throws {
        let site = try site(rules: "  schedule: off\n  schedule.missed: error\n")
        let result = Validator(rules: [Fixed(found: findings)]).validate(site, asOf: Fixtures.demoAsOf)
        XCTAssertEqual(result.filter { $0.rule.hasPrefix("schedule.") }.map(\.rule), ["schedule.missed"])
    }

    func testResultsAreSortedByFileLineThenSiteWide() throws {
        let site = try site(rules: "  {}\n")
        let unlocated = Rules.certExpired.diagnostic("expired", at: nil)
        let result = Validator(rules: [Fixed(found: [unlocated] + findings)]).validate(site, asOf: Fixtures.demoAsOf)
        XCTAssertEqual(result.map { $0.location?.path ?? "-" },
                       ["Content/a.md", "Content/b.md", "dossier.yml", "dossier.yml", "-"])
    }

    /// A rule that reports its name, with a weight that puts it anywhere in the order the rules start in.
    private struct Named: ValidationRule {
        let name: String
        let weight: Int
        func check(_ context: ValidationContext) -> [Diagnostic] {
            // Alike but for the hint: the report's sort leaves them in the order they were found.
            [Rules.schemaUnknownField.diagnostic("unknown field", at: SourceLocation(path: "Content/a.md", line: 1), hint: name)]
        }
    }

    func testFindingsKeepTheRulesOrderWhateverOrderTheyStartIn() throws {
        let site = try site(rules: "  {}\n")
        let rules = [Named(name: "light", weight: 1), Named(name: "heavy", weight: 90), Named(name: "middle", weight: 40),
                     Named(name: "also light", weight: 1)]
        let result = Validator(rules: rules).validate(site, asOf: Fixtures.demoAsOf)
        XCTAssertEqual(result.map(\.hint), ["light", "heavy", "middle", "also light"])
    }

    func testTheCoverageRulesCoverageIsKeptForTheRender() throws {
        let fs = Fixtures.memorySite(config: Fixtures.minimalConfig + "\nstandards: [iso20000-1, iso10002]\n",
                                     files: ["procedures/PR-01.md": Fixtures.procedure])
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        XCTAssertEqual(site.config.standards.count, 2)
        let kept = Validator().validateKeepingCoverage(site, asOf: Fixtures.demoAsOf)
        XCTAssertEqual(kept.coverage, Coverage(site: site, asOf: Fixtures.demoAsOf).applicable())
        XCTAssertEqual(kept.diagnostics, Validator().validate(site, asOf: Fixtures.demoAsOf))
        XCTAssertTrue(kept.diagnostics.contains { $0.rule.hasPrefix("coverage.") }, "coverage findings come from the kept coverage")
        XCTAssertNil(Validator(rules: [Fixed(found: [])]).validateKeepingCoverage(site, asOf: Fixtures.demoAsOf).coverage,
                     "no rule asked for it: nothing is kept")
    }
}
