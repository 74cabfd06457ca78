import XCTest
@testable import DossierKit

final class ConfigRuleTests: XCTestCase {
    private typealias F = SiteWideFixtures

    private func check(_ config: String, files: [String: String] = [:]) throws -> [Diagnostic] {
        try F.run(ConfigRule(), config: config, files: files.isEmpty ? ["procedures/PR-01.md": Fixtures.procedure] : files)
    }

    func testAValidConfigIsSilent() throws {
        let config = F.config("""
        standards: [iso20000-1, iso10002, own]
        exclusions:
          - { clause: "iso20000-1:8.3.4.2", reason: No internal suppliers }
          - { clause: "own:1", reason: Whole group }
        schedules:
          self-check: 1 month
          internal-audit: 12 months
          document-review: 12 months
        targets:
          incident.resolution_hours.p90: 8
          incident.resolution_hours.P1.max: 4
          incident.resolution_hours.P4.p90: 40
          complaint.acknowledge_hours.max: 24
          complaint.close_days.max: 15
          satisfaction.score.min: 4.2
        """)
        let own = "id: own\ntitle: Own\nclauses:\n  - { id: \"1\", title: One }\n  - { id: \"1.1\", title: Sub }\n"
        XCTAssertEqual(try check(config, files: ["checklists/own.yml": own, "procedures/PR-01.md": Fixtures.procedure]).map(\.formatted), [])
    }

    // MARK: config.unknown-standard

    func testUnknownStandardWithSuggestion() throws {
        let config = F.config("standards:\n  - iso20000-1\n  - iso2000-1\n")
        let diagnostic = F.assertOne(Rules.configUnknownStandard, in: try check(config), line: F.configLine(of: "- iso2000-1", in: config))
        XCTAssertEqual(diagnostic?.message, "standards: names 'iso2000-1', which is not a checklist")
        XCTAssertEqual(diagnostic?.hint, "did you mean 'iso20000-1'?")
        XCTAssertEqual(diagnostic?.location?.column, 5)
    }

    func testUnknownStandardWithoutCloseMatchListsTheKnownOnes() throws {
        let diagnostic = F.assertOne(Rules.configUnknownStandard, in: try check(F.config("standards: [hipaa]")), line: nil)
        XCTAssertTrue(diagnostic?.hint?.hasPrefix("known checklists: annex-sl, gbt27922, iso10002, iso20000-1, iso9001") ?? false,
                      diagnostic?.hint ?? "")
    }

    // MARK: config.unknown-clause

    func testExclusionOfUnknownClauseWithSuggestion() throws {
        let config = F.config("exclusions:\n  - clause: iso9001:8.3.7\n    reason: No design\n")
        let diagnostic = F.assertOne(Rules.configUnknownClause, in: try check(config), line: F.configLine(of: "clause:", in: config))
        XCTAssertEqual(diagnostic?.message, "exclusion iso9001:8.3.7: iso9001 has no clause '8.3.7'")
        XCTAssertTrue(diagnostic?.hint?.hasPrefix("did you mean 'iso9001:8.3") ?? false, diagnostic?.hint ?? "")
        XCTAssertFalse(diagnostic?.hint?.contains("ISO/IEC 20000-1") ?? true)
    }

    func testExclusionOfUnknownChecklistOrMalformedReference() throws {
        let config = F.config("""
        exclusions:
          - { clause: "iso2000-1:8.3.3", reason: x }
          - { clause: "8.3.3", reason: y }
        """)
        let found = F.only(Rules.configUnknownClause, in: try check(config))
        XCTAssertEqual(found.map(\.message), [
            "exclusion iso2000-1:8.3.3 names unknown checklist 'iso2000-1'",
            "exclusion '8.3.3' is not a clause reference",
        ])
        XCTAssertEqual(found.first?.hint, "did you mean 'iso20000-1'?")
        XCTAssertEqual(found.map { $0.location?.line }, [F.configLine(of: "iso2000-1:", in: config), F.configLine(of: "\"8.3.3\"", in: config)])
        XCTAssertTrue(found.allSatisfy { $0.severity == .error })
    }

    func testISO20000ExclusionHintSaysNoRequirementMayBeExcluded() throws {
        let config = F.config("exclusions:\n  - { clause: \"iso20000-1:8.3.9\", reason: x }\n")
        let diagnostic = F.assertOne(Rules.configUnknownClause, in: try check(config), line: F.configLine(of: "8.3.9", in: config))
        XCTAssertTrue(diagnostic?.hint?.contains("ISO/IEC 20000-1 permits no exclusion of its requirements") ?? false, diagnostic?.hint ?? "")
    }

    // MARK: config.unknown-schedule

    func testScheduleForAnUnknownTypeWithSuggestion() throws {
        let config = F.config("schedules:\n  self-check: 1 month\n  selfcheck: 1 month\n")
        let diagnostic = F.assertOne(Rules.configUnknownSchedule, in: try check(config), line: F.configLine(of: "  selfcheck:", in: config))
        XCTAssertEqual(diagnostic?.message, "schedules: names 'selfcheck', which is not a record type")
        XCTAssertEqual(diagnostic?.hint, "did you mean 'self-check'?")
        XCTAssertEqual(diagnostic?.location?.column, 3)
    }

    func testScheduleForADocumentTypeIsUnknownToo() throws {
        let config = F.config("schedules:\n  procedure: 12 months\n")
        let diagnostic = F.assertOne(Rules.configUnknownSchedule, in: try check(config), line: F.configLine(of: "procedure:", in: config))
        XCTAssertEqual(diagnostic?.message, "schedules: names 'procedure', a document type: schedules apply to record types")
    }

    func testScheduleForACompanyRecordTypeIsKnown() throws {
        let config = F.config("types:\n  site-visit:\n    fields:\n      date: { kind: date, required: true }\nschedules:\n  site-visit: 3 months\n")
        XCTAssertEqual(F.only(Rules.configUnknownSchedule, in: try check(config)), [])
    }

    // MARK: config.unknown-target

    func testUnknownTargetIsAWarningWithSuggestion() throws {
        let config = F.config("targets:\n  complaint.close_days.max: 15\n  complaint.close_day.max: 15\n  incident.resolution_hours.P5.max: 9\n")
        let found = F.only(Rules.configUnknownTarget, in: try check(config))
        XCTAssertEqual(found.map(\.message), [
            "targets: names 'complaint.close_day.max', which Dossier does not check",
            "targets: names 'incident.resolution_hours.P5.max', which Dossier does not check",
        ])
        XCTAssertEqual(found.first?.hint, "did you mean 'complaint.close_days.max'?")
        XCTAssertEqual(found.first?.location?.line, F.configLine(of: "close_day.max", in: config))
        XCTAssertTrue(found.allSatisfy { $0.severity == .warning })
    }

    func testKnownTargetsAreOneList() {
        XCTAssertTrue(KnownTargets.keys.contains("incident.resolution_hours.P3.max"))
        XCTAssertTrue(KnownTargets.keys.contains("satisfaction.score.min"))
        XCTAssertEqual(Set(KnownTargets.keys).count, KnownTargets.keys.count)
    }
}
