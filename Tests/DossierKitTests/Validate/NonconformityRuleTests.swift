import XCTest
@testable import DossierKit

final class NonconformityRuleTests: XCTestCase {
    private typealias F = RecordFixtures
    private let path = "Content/records/nonconformity/NC-1.md"

    private func check(_ lines: [String]) throws -> [Diagnostic] {
        NonconformityRule().check(try F.context(files: ["records/nonconformity/NC-1.md": lines]))
    }

    private func open(_ changes: KeyValuePairs<String, String?> = [:]) -> [String] {
        let opened = F.nonconformity("NC-1", [
            "status": "open", "root_cause": nil, "corrective_action": nil,
            "closed_on": nil, "verified_by": nil, "verified_on": nil,
        ])
        return F.edit(opened, changes)
    }

    // MARK: nc.overdue

    func testOpenPastItsDueDate() throws {
        let lines = open(["due": "2026-11-10"])
        let diagnostic = F.assertOne(Rules.ncOverdue, .error, in: try check(lines), path: path, line: F.line(of: "due", in: lines))
        XCTAssertEqual(diagnostic?.message, "NC-1 is open 12 days past its due date 2026-11-10")
        XCTAssertNotNil(diagnostic?.hint)
    }

    func testDueTodayOrLaterOrClosedIsNotOverdue() throws {
        XCTAssertEqual(try check(open(["due": "2026-11-22"])), [])
        XCTAssertEqual(try check(open(["due": "2026-12-15"])), [])
        XCTAssertEqual(try check(F.nonconformity("NC-1", ["due": "2026-01-01"])), [])
    }

    // MARK: nc.unverified

    func testClosedWithoutVerification() throws {
        let lines = F.nonconformity("NC-1", ["verified_by": nil, "verified_on": nil])
        let diagnostic = F.assertOne(Rules.ncUnverified, .error, in: try check(lines), path: path, line: F.line(of: "status", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("without `verified_by` and `verified_on`") ?? false, diagnostic?.message ?? "")
    }

    func testClosedWithoutVerificationDateNamesIt() throws {
        let lines = F.nonconformity("NC-1", ["verified_on": nil])
        let diagnostic = F.assertOne(Rules.ncUnverified, .error, in: try check(lines), path: path, line: F.line(of: "status", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("closed without `verified_on`:") ?? false, diagnostic?.message ?? "")
    }

    func testVerifiedByItsOwnOwner() throws {
        let lines = F.nonconformity("NC-1", ["verified_by": "Bob"])
        let diagnostic = F.assertOne(Rules.ncUnverified, .error, in: try check(lines), path: path, line: F.line(of: "verified_by", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("verified by its own owner Bob") ?? false, diagnostic?.message ?? "")
    }

    func testIndependentlyVerifiedOrOpenIsFine() throws {
        XCTAssertEqual(try check(F.nonconformity("NC-1")), [])
        XCTAssertEqual(F.only(Rules.ncUnverified, in: try check(open())), [])
    }

    // MARK: nc.major-open

    func testMajorOpenIsNotAuditReady() throws {
        let lines = open(["severity": "major", "due": "2026-12-31"])
        let found = try check(lines)
        let diagnostic = F.assertOne(Rules.ncMajorOpen, .error, in: found, path: path, line: F.line(of: "severity", in: lines))
        XCTAssertEqual(diagnostic?.message, "major nonconformity NC-1 is open: not audit-ready")
        XCTAssertEqual(found.count, 1)
    }

    func testMajorClosedOrMinorOpenIsNotReported() throws {
        XCTAssertEqual(F.only(Rules.ncMajorOpen, in: try check(F.nonconformity("NC-1", ["severity": "major"]))), [])
        XCTAssertEqual(F.only(Rules.ncMajorOpen, in: try check(open(["due": "2026-12-31"]))), [])
    }

    func testMajorAndOverdueAreBothReported() throws {
        let lines = open(["severity": "major", "due": "2026-11-01"])
        let found = try check(lines)
        XCTAssertEqual(found.map(\.rule).sorted(), [Rules.ncMajorOpen.id, Rules.ncOverdue.id])
    }
}
