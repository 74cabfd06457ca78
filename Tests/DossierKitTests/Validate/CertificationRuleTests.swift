import XCTest
@testable import DossierKit

final class CertificationRuleTests: XCTestCase {
    private typealias F = SiteWideFixtures

    private func config(issued: String = "2025-06-10", expires: String = "2028-06-09", standard: String = "iso20000-1") -> String {
        F.config("""
        certifications:
          - standard: \(standard)
            body: Cert Body
            number: C-1
            issued: \(issued)
            expires: \(expires)
        """)
    }

    private func audit(_ id: String, _ date: String, kind: String = "surveillance", standard: String = "iso20000-1") -> (String, String) {
        F.record("external-audit", id, date: date, ["body: Cert Body", "kind: \(kind)", "standard: \(standard)", "result: Maintained"])
    }

    private func check(_ config: String, _ audits: [(String, String)] = [], asOf: Day = F.asOf) throws -> [Diagnostic] {
        var files = Dictionary(audits, uniquingKeysWith: { a, _ in a })
        if files.isEmpty { files["procedures/PR-01.md"] = Fixtures.procedure }
        return try F.run(CertificationRule(), config: config, files: files, asOf: asOf)
    }

    private func line(_ config: String) -> Int { F.configLine(of: "- standard:", in: config) }

    // MARK: cert.expired

    func testExpiredCertificateIsOneErrorAtItsLine() throws {
        let config = config(issued: "2023-11-02", expires: "2026-11-01")
        let found = try check(config)
        let diagnostic = F.assertOne(Rules.certExpired, in: found, line: line(config))
        XCTAssertEqual(diagnostic?.message, "certificate C-1 (iso20000-1) expired on 2026-11-01")
        XCTAssertEqual(found.count, 1, "an expired certificate has no surveillance or recertification findings")
    }

    func testValidOnItsExpiryDay() throws {
        let found = try check(config(issued: "2023-11-23", expires: "2026-11-22"),
                              [audit("S1", "2024-11-01"), audit("S2", "2025-11-01")])
        XCTAssertEqual(F.only(Rules.certExpired, in: found), [])
    }

    // MARK: cert.surveillance-overdue

    func testFirstSurveillanceOverdueWithoutAnAudit() throws {
        let config = config()
        let found = try check(config)
        let diagnostic = F.assertOne(Rules.certSurveillanceOverdue, in: found, line: line(config))
        XCTAssertEqual(diagnostic?.message, "surveillance audit 1 of certificate C-1 (iso20000-1) was due by 2026-06-10 and is not on record")
        XCTAssertTrue(diagnostic?.hint?.contains("kind: surveillance and standard: iso20000-1") ?? false, diagnostic?.hint ?? "")
    }

    func testSurveillanceInTheTwelveMonthsBeforeItsDueDateCounts() throws {
        XCTAssertEqual(try check(config(), [audit("EA-SV1", "2026-05-28")]), [])
        // A recertification-kind audit counts too.
        XCTAssertEqual(try check(config(), [audit("EA-R", "2026-03-01", kind: "recertification")]), [])
    }

    func testAuditsOfAnotherStandardOrKindDoNotCount() throws {
        let found = try check(config(), [audit("EA-S2", "2026-05-28", kind: "stage2"),
                                         audit("EA-10002", "2026-05-29", standard: "iso10002")])
        XCTAssertEqual(F.only(Rules.certSurveillanceOverdue, in: found).count, 1)
    }

    func testLateSurveillanceCountsForItsDueDateOnly() throws {
        // Done on 2026-07-15, after the 2026-06-10 due date: not overdue any more, and the second
        // surveillance (due 2027-06-10) is still to come.
        XCTAssertEqual(try check(config(), [audit("EA-SV1", "2026-07-15")]), [])
        let later = try check(config(), [audit("EA-SV1", "2026-07-15")], asOf: Day(iso: "2027-07-01")!)
        XCTAssertEqual(F.only(Rules.certSurveillanceOverdue, in: later).map(\.message),
                       ["surveillance audit 2 of certificate C-1 (iso20000-1) was due by 2027-06-10 and is not on record"])
    }

    func testEachMissedSurveillanceIsReported() throws {
        let found = try check(config(), asOf: Day(iso: "2027-08-01")!)
        XCTAssertEqual(F.only(Rules.certSurveillanceOverdue, in: found).map(\.message), [
            "surveillance audit 1 of certificate C-1 (iso20000-1) was due by 2026-06-10 and is not on record",
            "surveillance audit 2 of certificate C-1 (iso20000-1) was due by 2027-06-10 and is not on record",
        ])
    }

    // MARK: cert.surveillance-due

    func testSurveillanceDueWithinNinetyDays() throws {
        let config = config(issued: "2025-12-01", expires: "2028-11-30")
        let found = try check(config)
        let diagnostic = F.assertOne(Rules.certSurveillanceDue, in: found, line: line(config))
        XCTAssertEqual(diagnostic?.message, "surveillance audit 1 of certificate C-1 (iso20000-1) is due by 2026-12-01 (in 9 days)")
        XCTAssertEqual(F.only(Rules.certSurveillanceOverdue, in: found), [])
    }

    func testSurveillanceDueIsSilentWhenDoneOrFarAway() throws {
        XCTAssertEqual(try check(config(issued: "2025-12-01", expires: "2028-11-30"), [audit("EA-SV1", "2026-11-10")]), [])
        // Next due 2027-06-10, 200 days away.
        XCTAssertEqual(try check(config(), [audit("EA-SV1", "2026-05-28")]), [])
    }

    // MARK: cert.recertification

    func testRecertificationWarningInTheLastSixMonths() throws {
        // Issued 2023-12-01, surveillances done; expiry on 2026-12-01 is 9 days away. The third year has
        // no surveillance audit, so only the recertification is reported.
        let config = config(issued: "2023-12-02", expires: "2026-12-01")
        let surveillances = [audit("S1", "2024-11-20"), audit("S2", "2025-11-20")]
        let found = try check(config, surveillances)
        let diagnostic = F.assertOne(Rules.certRecertification, in: found, line: line(config))
        XCTAssertEqual(diagnostic?.message, "certificate C-1 (iso20000-1) expires on 2026-12-01 (in 9 days) and no recertification audit is on record")
        XCTAssertTrue(diagnostic?.hint?.contains("3 to 6 months before expiry") ?? false)
        XCTAssertEqual(found.count, 1, found.map(\.formatted).joined(separator: "\n"))
    }

    func testRecertificationAuditOnRecordOrExpiryFarAwayIsSilent() throws {
        let config = config(issued: "2023-12-02", expires: "2026-12-01")
        let audits = [audit("S1", "2024-11-20"), audit("S2", "2025-11-20"), audit("R", "2026-10-15", kind: "recertification")]
        XCTAssertEqual(try check(config, audits), [])
        // Six months and a day before expiry: not yet.
        XCTAssertEqual(F.only(Rules.certRecertification, in: try check(self.config(), asOf: Day(iso: "2027-12-08")!)), [])
        XCTAssertEqual(F.only(Rules.certRecertification, in: try check(self.config(), asOf: Day(iso: "2027-12-09")!)).count, 1)
    }

    func testEveryCertificateAtItsOwnLine() throws {
        let config = F.config("""
        certifications:
          - { standard: iso20000-1, number: A, issued: 2025-06-10, expires: 2028-06-09 }
          - { standard: iso10002, number: B, issued: 2025-06-10, expires: 2028-06-09 }
        """)
        let found = try check(config, [audit("EA-SV1", "2026-05-28")])
        XCTAssertEqual(found.map(\.rule), [Rules.certSurveillanceOverdue.id])
        XCTAssertEqual(found.first?.location?.line, F.configLine(of: "number: B", in: config))
        XCTAssertTrue(found.first?.message.contains("certificate B (iso10002)") ?? false)
    }
}
