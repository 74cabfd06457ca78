import XCTest
@testable import DossierKit

final class PeopleRuleTests: XCTestCase {
    typealias F = SchemaFixtures

    /// Ann and Cleo audit; Bob and Dan do not. Line numbers matter for people.training.
    static let config = """
    organization: { name: Test Co, short_name: Test }
    language: en
    people:
      - { name: Ann, role: Quality manager, auditor: true }
      - { name: Bob, role: Engineer }
      - { name: Cleo, role: Security officer, auditor: true }
      - { name: Dan, role: Support }
    """

    private func check(_ files: [String: String], config: String = PeopleRuleTests.config) throws -> [Diagnostic] {
        try F.run(PeopleRule(), config: config, files: files)
    }

    private static func audit(_ id: String, auditors: String, scope: String = "[iso20000-1:9.2]",
                              processes: String? = nil) -> String {
        F.file(["id: \(id)", "date: 2026-04-01", "auditors: \(auditors)", "scope: \(scope)", "result: ok"]
               + (processes.map { ["processes: \($0)"] } ?? []))
    }

    // MARK: people.unknown

    func testKnownPeoplePass() throws {
        let diagnostics = try check([
            "procedures/PR-01.md": Fixtures.procedure,
            "records/training/TRN-1.md": F.file(["id: TRN-1", "date: 2026-10-01", "topic: t", "trainer: Ann",
                                                 "attendees: [Bob, Cleo, Dan]", "hours: 2"]),
        ])
        XCTAssertEqual(diagnostics.map(\.formatted), [])
    }

    func testUnknownOwnerWithSuggestion() throws {
        let text = F.procedure("PR-02", owner: "Bobb")
        let diagnostics = try check(["procedures/PR-02.md": text])
        let found = F.assertOne(Rules.peopleUnknown, in: diagnostics, path: "procedures/PR-02.md", line: F.line(of: "owner:", in: text))
        XCTAssertEqual(found?.message, "'owner' names 'Bobb', who is not listed under people: in dossier.yml")
        XCTAssertEqual(found?.hint, "did you mean 'Bob'?")
    }

    func testUnknownPersonNestedInHistoryAndInAList() throws {
        let text = F.procedure("PR-03", extra: ["history:", "  - { version: \"1.0\", date: 2026-01-10, by: Zed }"])
        let training = F.file(["id: TRN-2", "date: 2026-10-01", "topic: t", "trainer: Ann", "attendees:", "  - Bob", "  - Eve",
                               "hours: 1"])
        let diagnostics = try check(["procedures/PR-03.md": text, "records/training/TRN-2.md": training])
        let found = F.only(Rules.peopleUnknown, in: diagnostics)
        XCTAssertEqual(found.map(\.message), [
            "'history[0].by' names 'Zed', who is not listed under people: in dossier.yml",
            "'attendees[1]' names 'Eve', who is not listed under people: in dossier.yml",
        ])
        let history = found.first { $0.message.contains("history") }
        XCTAssertEqual(history?.location?.line, F.line(of: "by: Zed", in: text))
        XCTAssertEqual(history?.location?.column, F.column(of: "by: Zed", in: text))
        XCTAssertEqual(history?.severity, .error)
        let eve = found.first { $0.message.contains("Eve") }
        XCTAssertEqual(eve?.location?.line, F.line(of: "- Eve", in: training))
        XCTAssertEqual(eve?.hint, "add them to people: in dossier.yml with their role, or correct the name")
    }

    // MARK: people.not-auditor

    func testAuditorWithoutAuditorFlag() throws {
        let text = Self.audit("IA-1", auditors: "[Ann, Bob]")
        let diagnostics = try check(["records/internal-audit/IA-1.md": text])
        let found = F.assertOne(Rules.peopleNotAuditor, in: diagnostics, path: "records/internal-audit/IA-1.md",
                                line: F.line(of: "auditors:", in: text), column: F.column(of: "Bob]", in: text))
        XCTAssertEqual(found?.message, "'auditors[1]' names Bob, who is not a qualified auditor (no auditor: true in dossier.yml)")
        XCTAssertTrue(found?.hint?.contains("Ann, Cleo") ?? false)
    }

    func testQualifiedAuditorsPass() throws {
        let diagnostics = try check(["records/internal-audit/IA-2.md": Self.audit("IA-2", auditors: "Cleo")])
        XCTAssertTrue(F.only(Rules.peopleNotAuditor, in: diagnostics).isEmpty)
        XCTAssertTrue(diagnostics.isEmpty, diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    // MARK: people.self-audit

    func testAuditorOwningAProcessNamedInProcesses() throws {
        let text = Self.audit("IA-3", auditors: "[Ann, Cleo]", processes: "[PR-01, PR-02]")
        let diagnostics = try check([
            "procedures/PR-01.md": F.procedure("PR-01", owner: "Bob"),
            "procedures/PR-02.md": F.procedure("PR-02", owner: "Cleo"),
            "records/internal-audit/IA-3.md": text,
        ])
        let found = F.assertOne(Rules.peopleSelfAudit, in: diagnostics, path: "records/internal-audit/IA-3.md",
                                line: F.line(of: "processes:", in: text), column: F.column(of: "PR-02]", in: text))
        XCTAssertEqual(found?.message,
                       "auditor Cleo owns PR-02 (Procedure PR-02), which this audit covers in processes: an auditor must not audit their own process")
    }

    func testAuditorOwningADocumentThatClaimsAScopeClause() throws {
        let text = Self.audit("IA-4", auditors: "[Ann]", scope: "[iso20000-1:9.2, iso20000-1:7.5.2, iso20000-1:7.5.3]")
        let diagnostics = try check([
            "procedures/PR-01.md": F.procedure("PR-01", owner: "Ann", extra: ["clauses: [iso20000-1:7.5.2, iso20000-1:7.5.3]"]),
            "procedures/PR-02.md": F.procedure("PR-02", owner: "Bob", extra: ["clauses: [iso20000-1:9.2]"]),
            "procedures/PR-03.md": F.file(["id: PR-03", "title: Old", "version: \"1\"", "status: obsolete", "owner: Ann",
                                           "clauses: [iso20000-1:9.2]"]),
            "records/internal-audit/IA-4.md": text,
        ])
        let found = F.assertOne(Rules.peopleSelfAudit, in: diagnostics, path: "records/internal-audit/IA-4.md",
                                line: F.line(of: "scope:", in: text), column: F.column(of: "iso20000-1:7.5.2", in: text))
        XCTAssertEqual(found?.message, "auditor Ann owns PR-01 (Procedure PR-01), which claims iso20000-1:7.5.2, iso20000-1:7.5.3 "
                                       + "in this audit's scope: an auditor must not audit their own process")
        XCTAssertEqual(found?.severity, .error)
    }

    func testCrossAuditPasses() throws {
        let diagnostics = try check([
            "procedures/PR-01.md": F.procedure("PR-01", owner: "Ann", extra: ["clauses: [iso20000-1:7.5.2]"]),
            "records/internal-audit/IA-5.md": Self.audit("IA-5", auditors: "[Cleo]", scope: "[iso20000-1:7.5.2]", processes: "[PR-01]"),
        ])
        XCTAssertTrue(F.only(Rules.peopleSelfAudit, in: diagnostics).isEmpty, diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    // MARK: people.training

    private static let trainingConfig = config + "\nschedules:\n  training: 6 months\n"

    func testPersonWithoutRecentTrainingIsWarnedAtTheirConfigLine() throws {
        // As of 2026-11-22, 6 months back is 2026-05-22: on that day still counts.
        let files = [
            "records/training/TRN-3.md": F.file(["id: TRN-3", "date: 2026-05-22", "topic: t", "trainer: Ann",
                                                 "attendees: [Cleo]", "hours: 1"]),
            "records/training/TRN-4.md": F.file(["id: TRN-4", "date: 2026-05-21", "topic: t", "trainer: Ann",
                                                 "attendees: [Bob]", "hours: 1"]),
        ]
        let diagnostics = try check(files, config: Self.trainingConfig)
        let found = F.only(Rules.peopleTraining, in: diagnostics)
        XCTAssertEqual(found.map(\.message), [
            "Bob has no training record since 2026-05-22 (schedules: training every 6 months); last trained 2026-05-21",
            "Dan has no training record since 2026-05-22 (schedules: training every 6 months); no training record at all",
        ])
        XCTAssertEqual(found.map { $0.location?.path }, ["dossier.yml", "dossier.yml"])
        XCTAssertEqual(found.map { $0.location?.line }, [F.line(of: "name: Bob", in: Self.trainingConfig),
                                                         F.line(of: "name: Dan", in: Self.trainingConfig)])
        XCTAssertEqual(found.map(\.severity), [.warning, .warning])
    }

    func testNoTrainingScheduleMeansNoTrainingCheck() throws {
        XCTAssertTrue(F.only(Rules.peopleTraining, in: try check(["procedures/PR-01.md": Fixtures.procedure])).isEmpty)
        // Everyone trained (or training) recently: nothing to report either.
        let files = ["records/training/TRN-5.md": F.file(["id: TRN-5", "date: 2026-11-01", "topic: t", "trainer: Dan",
                                                          "attendees: [Ann, Bob, Cleo]", "hours: 1"])]
        XCTAssertTrue(F.only(Rules.peopleTraining, in: try check(files, config: Self.trainingConfig)).isEmpty)
    }

    func testTrainingAfterTheAsOfDateDoesNotCount() throws {
        let files = ["records/training/TRN-6.md": F.file(["id: TRN-6", "date: 2026-12-01", "topic: t", "trainer: Ann",
                                                          "attendees: [Bob, Cleo, Dan]", "hours: 1"])]
        let found = F.only(Rules.peopleTraining, in: try check(files, config: Self.trainingConfig))
        XCTAssertEqual(found.count, 4)
    }
}
