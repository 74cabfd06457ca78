import XCTest
@testable import DossierKit

final class CoverageRuleTests: XCTestCase {
    private typealias F = SiteWideFixtures

    /// Every demo clause covered but 1.1, which gets `extra`.
    private func site(_ extra: [(String, String)]) -> [(String, String)] {
        [
            F.document("POL-01", folder: "policies", kind: "quality-policy"),
            F.document("MAN-01", folder: "manual", clauses: ["demo:1.3", "demo:1.4"]),
            F.record("internal-audit", "IA-1", date: "2026-09-01"),
        ] + extra
    }

    private func check(config: String = F.config("standards: [demo]"), files: [(String, String)]) throws -> [Diagnostic] {
        var all = Dictionary(files, uniquingKeysWith: { a, _ in a })
        all["checklists/demo.yml"] = F.demoChecklist
        return try F.run(CoverageRule(), config: config, files: all)
    }

    func testMissingClauseIsAnErrorAtTheStandardsLine() throws {
        let config = F.config("standards: [demo]")
        let found = try check(config: config, files: site([]))
        let diagnostic = F.assertOne(Rules.coverageMissing, in: found, line: F.configLine(of: "standards:", in: config))
        XCTAssertEqual(diagnostic?.message, "demo:1.1 Continuity is not covered: nothing answers it")
        XCTAssertEqual(diagnostic?.location?.column, 13, "the column of 'demo' in 'standards: [demo]'")
        XCTAssertEqual(diagnostic?.hint, "no approved document of kind service-continuity-plan (or listing the clause); "
                       + "approve a document with kind: service-continuity-plan, or add demo:1.1 to the clauses of the document that answers it")
        XCTAssertEqual(F.only(Rules.coveragePartial, in: found), [])
    }

    func testPartialClauseIsAWarningWithTheFirstReason() throws {
        let old = F.record("continuity-test", "CT-0", date: "2025-01-03", ["scenario: Fire", "result: Passed"])
        let found = try check(files: site([F.document("PLN-01", kind: "service-continuity-plan"), old]))
        let diagnostic = F.assertOne(Rules.coveragePartial, in: found, line: F.configLine(of: "standards:", in: F.config("standards: [demo]")))
        XCTAssertEqual(diagnostic?.message, "demo:1.1 Continuity is only partly covered")
        XCTAssertTrue(diagnostic?.hint?.hasPrefix("latest continuity-test record is 2025-01-03 (CT-0), older than 12 months; file a new continuity-test record") ?? false,
                      diagnostic?.hint ?? "")
        XCTAssertEqual(F.only(Rules.coverageMissing, in: found), [])
    }

    func testCoveredAndExcludedClausesAreSilent() throws {
        let covered = site([F.document("PLN-01", kind: "service-continuity-plan"),
                            F.record("continuity-test", "CT-1", date: "2026-05-01", ["scenario: Fire", "result: Passed"])])
        XCTAssertEqual(try check(files: covered).map(\.formatted), [])
        let excluded = F.config("standards: [demo]\nexclusions:\n  - { clause: \"demo:1.1\", reason: No continuity duty }\n")
        XCTAssertEqual(try check(config: excluded, files: site([])).map(\.formatted), [])
    }

    func testOnlyStandardsThatApplyAreChecked() throws {
        // The demo checklist exists, but standards: does not name it; an unknown standard is config's business.
        XCTAssertEqual(try check(config: F.config("standards: [nope]"), files: []), [])
    }

    func testEachStandardReportsAtItsOwnLineAndColumn() throws {
        let config = F.config("standards:\n  - demo\n  - demo\n  - iso10002\n")
        let found = try check(config: config, files: site([]))
        let demo = found.filter { $0.message.hasPrefix("demo:") }
        XCTAssertEqual(demo.count, 1, "a repeated standard is checked once")
        XCTAssertEqual(demo.first?.location?.line, F.configLine(of: "  - demo", in: config))
        let iso = found.filter { $0.message.hasPrefix("iso10002:") }
        XCTAssertFalse(iso.isEmpty)
        XCTAssertTrue(iso.allSatisfy { $0.location?.line == F.configLine(of: "iso10002", in: config) })
        XCTAssertTrue(iso.contains { $0.message == "iso10002:7.4 Acknowledgement of complaint is not covered: nothing answers it" },
                      iso.map(\.message).joined(separator: "\n"))
    }
}
