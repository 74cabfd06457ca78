import XCTest
@testable import DossierKit

final class DocumentControlRuleTests: XCTestCase {
    private typealias F = RecordFixtures
    private let path = "Content/procedures/PR-01.md"

    private func check(_ procedure: [String], config: String = Fixtures.minimalConfig,
                       records: [String: [String]] = [:]) throws -> [Diagnostic] {
        var files = records
        files["procedures/PR-01.md"] = procedure
        return DocumentControlRule().check(try F.context(config: config, files: files))
    }

    // MARK: doc.approval

    func testApprovedWithoutApproverOrDateIsOneErrorAtStatus() throws {
        let lines = F.procedure("PR-01", ["approved_by": nil, "approved_on": nil])
        let found = try check(lines)
        let diagnostic = F.assertOne(Rules.docApproval, .error, in: found, path: path, line: F.line(of: "status", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("`approved_by` and `approved_on`") ?? false, diagnostic?.message ?? "")
        XCTAssertNotNil(diagnostic?.hint)
    }

    func testApprovedWithoutDateNamesOnlyTheDate() throws {
        let lines = F.procedure("PR-01", ["approved_on": nil])
        let diagnostic = F.assertOne(Rules.docApproval, .error, in: try check(lines), path: path, line: F.line(of: "status", in: lines))
        XCTAssertTrue(diagnostic?.message.hasSuffix("has no `approved_on`") ?? false, diagnostic?.message ?? "")
    }

    func testApprovedWithApproverAndDateOrNotApprovedIsFine() throws {
        XCTAssertEqual(F.only(Rules.docApproval, in: try check(F.procedure())), [])
        let draft = F.procedure("PR-01", ["status": "draft", "approved_by": nil, "approved_on": nil])
        XCTAssertEqual(F.only(Rules.docApproval, in: try check(draft)), [])
    }

    // MARK: doc.review-overdue, doc.review-due

    func testReviewOverdueFromApprovalDatePlusTwelveMonths() throws {
        let lines = F.procedure("PR-01", ["approved_on": "2025-10-01"])
        let found = try check(lines)
        let diagnostic = F.assertOne(Rules.docReviewOverdue, .error, in: found, path: path, line: F.line(of: "approved_on", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("2026-10-01") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("52 days") ?? false, diagnostic?.message ?? "")
        XCTAssertEqual(F.only(Rules.docReviewDue, in: found), [])
    }

    func testExplicitNextReviewWinsAndIsTheLocation() throws {
        let overdue = F.procedure("PR-01", ["next_review": "2026-11-21"])
        F.assertOne(Rules.docReviewOverdue, .error, in: try check(overdue), path: path, line: F.line(of: "next_review", in: overdue))
        // Approved long ago, but the review was pushed out explicitly.
        let later = F.procedure("PR-01", ["approved_on": "2024-01-01", "next_review": "2027-06-01"])
        let found = try check(later)
        XCTAssertEqual(F.only(Rules.docReviewOverdue, in: found) + F.only(Rules.docReviewDue, in: found), [])
    }

    func testReviewIntervalComesFromTheConfig() throws {
        let lines = F.procedure("PR-01", ["approved_on": "2025-10-01"])
        let config = F.config("schedules:\n  document-review: 24 months\n")
        let found = try check(lines, config: config)
        XCTAssertEqual(F.only(Rules.docReviewOverdue, in: found), [])
        XCTAssertEqual(F.only(Rules.docReviewDue, in: found), [])
    }

    func testReviewDueWithinThirtyDaysIsAWarning() throws {
        let lines = F.procedure("PR-01", ["approved_on": "2025-12-10"])
        let found = try check(lines)
        let diagnostic = F.assertOne(Rules.docReviewDue, .warning, in: found, path: path, line: F.line(of: "approved_on", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("2026-12-10") ?? false, diagnostic?.message ?? "")
        XCTAssertEqual(F.only(Rules.docReviewOverdue, in: found), [])
    }

    func testReviewOnTheAsOfDateIsDueNotOverdue() throws {
        let lines = F.procedure("PR-01", ["next_review": "2026-11-22"])
        let found = try check(lines)
        XCTAssertEqual(F.only(Rules.docReviewOverdue, in: found), [])
        F.assertOne(Rules.docReviewDue, .warning, in: found, path: path, line: F.line(of: "next_review", in: lines))
    }

    func testReviewMoreThanThirtyDaysAheadOrOfADraftIsNotReported() throws {
        let ahead = F.procedure("PR-01", ["next_review": "2026-12-23"])
        XCTAssertEqual(F.only(Rules.docReviewDue, in: try check(ahead)), [])
        let draft = F.procedure("PR-01", ["status": "draft", "approved_on": "2020-01-01"])
        let found = try check(draft)
        XCTAssertEqual(F.only(Rules.docReviewOverdue, in: found) + F.only(Rules.docReviewDue, in: found), [])
    }

    // MARK: doc.history

    func testHistoryNotEndingAtTheVersion() throws {
        let lines = F.procedure("PR-01", ["version": "\"1.2\""])
        let diagnostic = F.assertOne(Rules.docHistory, .error, in: try check(lines), path: path, line: F.line(of: "version", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("version 1.2") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("ends at version 1.1") ?? false, diagnostic?.message ?? "")
    }

    func testHistoryDatesGoingBackwards() throws {
        var lines = F.procedure()
        let second = lines.firstIndex { $0.contains("version: \"1.1\", date") } ?? 0
        lines[second] = "  - { version: \"1.1\", date: 2024-03-10, by: Bob, change: Yearly review }"
        let diagnostic = F.assertOne(Rules.docHistory, .error, in: try check(lines), path: path, line: second + 2)
        XCTAssertTrue(diagnostic?.message.contains("2024-03-10") ?? false, diagnostic?.message ?? "")
    }

    func testConsistentOrAbsentHistoryIsFine() throws {
        XCTAssertEqual(F.only(Rules.docHistory, in: try check(F.procedure())), [])
        let noHistory = F.procedure().filter { !$0.hasPrefix("history:") && !$0.hasPrefix("  - ") }
        XCTAssertEqual(F.only(Rules.docHistory, in: try check(noHistory)), [])
    }

    // MARK: doc.procedure-status

    private let incidentPath = "Content/records/incident/INC-1.md"

    private func incident() -> [String] { F.incident("INC-1", ["procedure": "PR-01"]) }

    private func procedureStatus(of procedure: [String]) throws -> [Diagnostic] {
        F.only(Rules.docProcedureStatus, in: try check(procedure, records: ["records/incident/INC-1.md": incident()]))
    }

    func testRecordCitingADraftProcedure() throws {
        let found = try procedureStatus(of: F.procedure("PR-01", ["status": "draft"]))
        let diagnostic = F.assertOne(Rules.docProcedureStatus, .error, in: found, path: incidentPath,
                                     line: F.line(of: "procedure", in: incident()))
        XCTAssertTrue(diagnostic?.message.contains("status: draft") ?? false, diagnostic?.message ?? "")
    }

    func testRecordCitingAnObsoleteProcedure() throws {
        let found = try procedureStatus(of: F.procedure("PR-01", ["status": "obsolete"]))
        let diagnostic = F.assertOne(Rules.docProcedureStatus, .error, in: found, path: incidentPath,
                                     line: F.line(of: "procedure", in: incident()))
        XCTAssertTrue(diagnostic?.message.contains("obsolete") ?? false, diagnostic?.message ?? "")
    }

    func testRecordCitingAProcedureWhoseReviewIsOverdue() throws {
        let found = try procedureStatus(of: F.procedure("PR-01", ["approved_on": "2025-06-01"]))
        let diagnostic = F.assertOne(Rules.docProcedureStatus, .error, in: found, path: incidentPath,
                                     line: F.line(of: "procedure", in: incident()))
        XCTAssertTrue(diagnostic?.message.contains("review was due on 2026-06-01") ?? false, diagnostic?.message ?? "")
    }

    func testRecordCitingAnApprovedCurrentOrUnknownProcedureIsFine() throws {
        XCTAssertEqual(try procedureStatus(of: F.procedure()), [])
        // An id that names nothing is ref.dangling's finding, not this rule's.
        let found = DocumentControlRule().check(try F.context(files: [
            "records/incident/INC-1.md": F.incident("INC-1", ["procedure": "PR-99"]),
        ]))
        XCTAssertEqual(found, [])
    }

    func testEveryRecordCitingTheSameDraftIsReported() throws {
        var files: [String: [String]] = ["procedures/PR-01.md": F.procedure("PR-01", ["status": "review"])]
        for n in 1...3 { files["records/incident/INC-\(n).md"] = F.incident("INC-\(n)", ["procedure": "PR-01"]) }
        let found = F.only(Rules.docProcedureStatus, in: DocumentControlRule().check(try F.context(files: files)))
        XCTAssertEqual(found.compactMap(\.location?.path).sorted(),
                       (1...3).map { "Content/records/incident/INC-\($0).md" })
    }
}
