import XCTest
@testable import DossierKit

/// The coverage engine (`Coverage`), on the company checklists of `SiteWideFixtures` and on built-in ones.
final class CoverageTests: XCTestCase {
    private typealias F = SiteWideFixtures

    private let config = F.config("standards: [demo]")

    /// Coverage of the `demo` checklist for a site with `files` (the checklist is added).
    private func demo(_ items: (String, String)..., config: String? = nil, asOf: Day = F.asOf) throws -> ChecklistCoverage {
        var files = Dictionary(items, uniquingKeysWith: { a, _ in a })
        files["checklists/demo.yml"] = F.demoChecklist
        let context = try F.context(config: config ?? self.config, files: files, asOf: asOf)
        let coverage = Coverage(site: context.site, asOf: asOf).applicable()
        XCTAssertEqual(coverage.map(\.checklist.id), ["demo"])
        return try XCTUnwrap(coverage.first)
    }

    private let plan = F.document("PLN-01", kind: "service-continuity-plan")
    private let recentTest = F.record("continuity-test", "CT-1", date: "2026-05-01", ["scenario: Power cut", "result: Passed"])

    // MARK: status

    func testGroupsAreLeftOutAndLeavesKeepChecklistOrder() throws {
        XCTAssertEqual(try demo().clauses.map(\.reference), ["demo:1.1", "demo:1.2", "demo:1.3", "demo:1.4"])
    }

    func testDocumentAndRecordInWindowCover() throws {
        let clause = try XCTUnwrap(try demo(plan, recentTest).clause("1.1"))
        XCTAssertEqual(clause.status, .covered)
        XCTAssertEqual(clause.documents, ["PLN-01"])
        XCTAssertEqual(clause.records, ["CT-1"])
        XCTAssertEqual(clause.latestRecord?.day, Day(iso: "2026-05-01"))
        XCTAssertEqual(clause.reasons, [])
    }

    func testNothingAtAllIsMissingWithBothReasons() throws {
        let clause = try XCTUnwrap(try demo().clause("1.1"))
        XCTAssertEqual(clause.status, .missing)
        XCTAssertEqual(clause.reasons, [
            "no approved document of kind service-continuity-plan (or listing the clause)",
            "no continuity-test record within 12 months",
        ])
    }

    func testRecordOlderThanTheWindowIsPartialAndSaysWhy() throws {
        let old = F.record("continuity-test", "CT-0", date: "2025-01-03", ["scenario: Fire", "result: Passed"])
        let clause = try XCTUnwrap(try demo(plan, old).clause("1.1"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.records, [])
        XCTAssertEqual(clause.reasons, ["latest continuity-test record is 2025-01-03 (CT-0), older than 12 months"])
    }

    func testRecordWithoutDocumentIsPartial() throws {
        let clause = try XCTUnwrap(try demo(recentTest).clause("1.1"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.reasons, ["no approved document of kind service-continuity-plan (or listing the clause)"])
    }

    func testOnlyADraftIsPartialAndNamesTheDraft() throws {
        let draft = F.document("PLN-01", kind: "service-continuity-plan", status: "draft")
        let clause = try XCTUnwrap(try demo(draft, recentTest).clause("1.1"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.documents, [])
        XCTAssertEqual(clause.pendingDocuments.map(\.id), ["PLN-01"])
        XCTAssertEqual(clause.pendingDocuments.first?.state, .draft)
        XCTAssertEqual(clause.reasons, ["only a draft document answers it (PLN-01)"])
    }

    func testOnlyADraftWithoutEvidenceIsStillPartialNotMissing() throws {
        let draft = F.document("PLN-01", kind: "service-continuity-plan", status: "review")
        XCTAssertEqual(try demo(draft).clause("1.1")?.status, .partial)
    }

    func testDocumentPastItsReviewIsPartial() throws {
        // Approved 2025-06-01: next review 2026-06-01 (12 months), passed on 2026-11-22.
        let stale = F.document("PLN-01", kind: "service-continuity-plan", approvedOn: "2025-06-01")
        let clause = try XCTUnwrap(try demo(stale, recentTest).clause("1.1"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.pendingDocuments.first?.state, .reviewOverdue)
        XCTAssertEqual(clause.pendingDocuments.first?.nextReview, Day(iso: "2026-06-01"))
        XCTAssertEqual(clause.reasons, ["the document that answers it is past its review date (PLN-01, due 2026-06-01)"])
    }

    func testExplicitNextReviewKeepsAnOldDocumentCurrent() throws {
        let reviewed = F.document("PLN-01", kind: "service-continuity-plan", approvedOn: "2025-06-01",
                                  extra: ["next_review: 2027-01-31"])
        XCTAssertEqual(try demo(reviewed, recentTest).clause("1.1")?.status, .covered)
    }

    func testObsoleteDocumentsCountForNothing() throws {
        let obsolete = F.document("PLN-01", kind: "service-continuity-plan", status: "obsolete")
        let clause = try XCTUnwrap(try demo(obsolete).clause("1.1"))
        XCTAssertEqual(clause.status, .missing)
        XCTAssertEqual(clause.pendingDocuments, [])
    }

    func testRecordsAfterTheAsOfDateDoNotCount() throws {
        let future = F.record("continuity-test", "CT-9", date: "2026-12-01", ["scenario: Flood", "result: Passed"])
        let clause = try XCTUnwrap(try demo(plan, future).clause("1.1"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.records, [])
        XCTAssertNil(clause.latestRecord)
    }

    func testWindowStartIsInclusiveAndRecordsAreNewestFirst() throws {
        let edge = F.record("continuity-test", "CT-A", date: "2025-11-22", ["scenario: A", "result: ok"])
        let newer = F.record("continuity-test", "CT-B", date: "2026-02-01", ["scenario: B", "result: ok"])
        let clause = try XCTUnwrap(try demo(plan, edge, newer).clause("1.1"))
        XCTAssertEqual(clause.status, .covered)
        XCTAssertEqual(clause.records, ["CT-B", "CT-A"])
    }

    // MARK: what answers a clause

    func testADocumentListingTheClauseAnswersIt() throws {
        let procedure = F.document("PR-01", folder: "procedures", clauses: ["demo:1.1"])
        let clause = try XCTUnwrap(try demo(procedure, recentTest).clause("1.1"))
        XCTAssertEqual(clause.status, .covered)
        XCTAssertEqual(clause.documents, ["PR-01"])
    }

    func testAKindAnswersItsParentKind() throws {
        // quality-policy is_a management-policy (vocabulary.yml).
        let policy = F.document("POL-01", folder: "policies", kind: "quality-policy")
        XCTAssertEqual(try demo(policy).clause("1.2")?.status, .covered)
        let several = F.document("POL-01", folder: "policies", kind: "[sla, complaints-handling-policy]")
        XCTAssertEqual(try demo(several).clause("1.2")?.documents, ["POL-01"])
        let unrelated = F.document("POL-01", folder: "policies", kind: "sla")
        XCTAssertEqual(try demo(unrelated).clause("1.2")?.status, .missing)
    }

    func testARecordListingTheClauseIsEvidenceInItsWindow() throws {
        // A self-check listing demo:1.1 counts as evidence although its type does not evidence the id.
        let check = F.record("self-check", "SC-1", date: "2026-10-01", ["clauses: [demo:1.1]"])
        let clause = try XCTUnwrap(try demo(plan, check).clause("1.1"))
        XCTAssertEqual(clause.status, .covered)
        XCTAssertEqual(clause.records, ["SC-1"])
    }

    func testWindowComesFromTheClause() throws {
        // 1.4 has a 6-month window: 2026-05-22 onwards.
        let procedure = F.document("PR-02", folder: "procedures", clauses: ["demo:1.4"])
        let april = F.record("internal-audit", "IA-1", date: "2026-04-01")
        let clause = try XCTUnwrap(try demo(procedure, april).clause("1.4"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.window, Interval(count: 6, unit: .months))
        XCTAssertEqual(clause.reasons, ["latest internal-audit record is 2026-04-01 (IA-1), older than 6 months"])
        let june = F.record("internal-audit", "IA-2", date: "2026-06-01")
        XCTAssertEqual(try demo(procedure, april, june).clause("1.4")?.status, .covered)
    }

    func testDocumentsEmptyNeedsADocumentListingTheClause() throws {
        // 1.4 expects no document kind, so only a document naming demo:1.4 meets its document expectation.
        let audit = F.record("internal-audit", "IA-2", date: "2026-06-01")
        let clause = try XCTUnwrap(try demo(audit).clause("1.4"))
        XCTAssertEqual(clause.status, .partial)
        XCTAssertEqual(clause.reasons, ["no approved, current document lists the clause in its clauses"])
    }

    func testClauseWithoutExpectationsIsCoveredByAnythingListingIt() throws {
        XCTAssertEqual(try demo().clause("1.3")?.status, .missing)
        XCTAssertEqual(try demo().clause("1.3")?.reasons,
                       ["no approved document, and no record within 12 months, lists the clause in its clauses"])
        let chapter = F.document("MAN-01", folder: "manual", clauses: ["demo:1.3"])
        XCTAssertEqual(try demo(chapter).clause("1.3")?.status, .covered)
        let review = F.record("management-review", "MR-1", date: "2026-05-12", ["clauses: [demo:1.3]"])
        XCTAssertEqual(try demo(review).clause("1.3")?.status, .covered)
        let oldReview = F.record("management-review", "MR-0", date: "2024-05-12", ["clauses: [demo:1.3]"])
        XCTAssertEqual(try demo(oldReview).clause("1.3")?.status, .partial)
    }

    // MARK: exclusions and applicability

    func testExclusionOfAParentExcludesItsClausesWithTheReason() throws {
        let config = F.config("""
        standards: [demo]
        exclusions:
          - { clause: "demo:1", reason: Not our business }
          - { clause: "demo:1.2", reason: More specific }
        """)
        let coverage = try demo(config: config)
        XCTAssertEqual(coverage.clauses.map(\.status), [.excluded, .excluded, .excluded, .excluded])
        XCTAssertEqual(coverage.clause("1.1")?.exclusionReason, "Not our business")
        XCTAssertEqual(coverage.clause("1.2")?.exclusionReason, "More specific")
        XCTAssertEqual(coverage.clause("1.1")?.reasons, [])
    }

    func testExclusionByPrefixDoesNotCatchSiblings() throws {
        // demo:1.1 excludes 1.1 only, not its siblings.
        let config = F.config("standards: [demo]\nexclusions:\n  - { clause: \"demo:1.1\", reason: Outsourced }\n")
        let coverage = try demo(config: config)
        XCTAssertEqual(coverage.clauses.map(\.status), [.excluded, .missing, .missing, .missing])
    }

    func testApplicableFollowsStandardsOnceEachAndSkipsUnknown() throws {
        let config = F.config("standards: [iso10002, nope, demo, iso10002]")
        let context = try F.context(config: config, files: ["checklists/demo.yml": F.demoChecklist])
        XCTAssertEqual(Coverage(site: context.site, asOf: F.asOf).applicable().map(\.checklist.id), ["iso10002", "demo"])
    }

    func testBuiltInChecklistUsesTypeEvidences() throws {
        // iso20000-1:8.7.2 expects a service-continuity-plan and continuity-test-report or risk-assessment-record.
        let risk = F.record("risk-assessment", "RA-1", date: "2026-09-01")
        let context = try F.context(config: F.config("standards: [iso20000-1]"),
                                    files: F.files(plan, risk))
        let coverage = Coverage(site: context.site, asOf: F.asOf).applicable()
        let clause = try XCTUnwrap(coverage.first?.clause("8.7.2"))
        XCTAssertEqual(clause.status, .covered)
        XCTAssertEqual(clause.records, ["RA-1"])
        XCTAssertNil(coverage.first?.score)
        let missing = try XCTUnwrap(coverage.first?.clause("8.6.1"))
        XCTAssertEqual(missing.status, .missing)
        XCTAssertTrue(missing.reasons.contains("no incident or major-incident-report record within 12 months"), "\(missing.reasons)")
    }

    // MARK: scoring

    private func score(_ kinds: [String], exclusions: String = "") throws -> CoverageScore {
        var files = ["checklists/scored.yml": F.scoredChecklist]
        for (i, kind) in kinds.enumerated() {
            let (path, text) = F.document("PLN-0\(i + 1)", kind: kind)
            files[path] = text
        }
        let context = try F.context(config: F.config("standards: [scored]\n" + exclusions), files: files)
        return try XCTUnwrap(Coverage(site: context.site, asOf: F.asOf).applicable().first?.score)
    }

    func testScoreIsCoveredPointsOverApplicablePoints() throws {
        let three = try score(["after-sales-service-manual", "warranty-policy"])
        XCTAssertEqual(three.earned, 85)
        XCTAssertEqual(three.applicable, 100)
        XCTAssertEqual(three.percent, 85, accuracy: 1e-9)
        XCTAssertEqual(three.level?.name.text(.en), "Three stars")
        XCTAssertTrue(three.passed)
    }

    func testExcludedClausesLeaveBothSidesOfTheScore() throws {
        let exclusions = "exclusions:\n  - { clause: \"scored:5.3\", reason: We take nothing back }\n"
        let five = try score(["after-sales-service-manual", "warranty-policy"], exclusions: exclusions)
        XCTAssertEqual(five.applicable, 85)
        XCTAssertEqual(five.percent, 100, accuracy: 1e-9)
        XCTAssertEqual(five.level?.name.text(.en), "Five stars")
    }

    func testPassMarkReachedExactlyAndBelowIt() throws {
        let pass = try score(["after-sales-service-manual", "recycling-policy"])  // 75
        XCTAssertEqual(pass.level?.name.text(.en), "Compliant")
        XCTAssertTrue(pass.passed)
        let fail = try score(["after-sales-service-manual"])  // 60
        XCTAssertNil(fail.level)
        XCTAssertFalse(fail.passed)
        XCTAssertEqual(fail.percent, 60, accuracy: 1e-9)
    }

    func testBuiltInGBT27922IsScored() throws {
        let context = try F.context(config: F.config("standards: [gbt27922]"))
        let score = try XCTUnwrap(Coverage(site: context.site, asOf: F.asOf).applicable().first?.score)
        XCTAssertEqual(score.applicable, 100)
        XCTAssertEqual(score.earned, 0)
        XCTAssertFalse(score.passed)
    }
}
