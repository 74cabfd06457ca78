import XCTest
@testable import DossierKit

final class ScheduleRuleTests: XCTestCase {
    private typealias F = SiteWideFixtures

    private func config(_ schedules: String, certified: String? = nil) -> String {
        var text = "schedules:\n" + schedules
        if let certified {
            text += "\ncertifications:\n  - { standard: iso20000-1, number: C-1, issued: \(certified), expires: 2028-06-09 }"
        }
        return F.config(text)
    }

    private func check(_ config: String, _ records: [(String, String)], asOf: Day = F.asOf) throws -> [Diagnostic] {
        try F.run(ScheduleRule(), config: config, files: Dictionary(records, uniquingKeysWith: { a, _ in a }), asOf: asOf)
    }

    /// Self-checks dated on the 15th of each `yyyy-mm` month.
    private func selfChecks(_ months: [String]) -> [(String, String)] {
        months.map { F.record("self-check", "SC-\($0)", date: "\($0)-15") }
    }

    // MARK: schedule.missed

    func testMonthlyGapIsOneMissedPeriodAtTheScheduleLine() throws {
        let config = config("  self-check: 1 month")
        let found = try check(config, selfChecks(["2026-06", "2026-07", "2026-09", "2026-10", "2026-11"]))
        let diagnostic = F.assertOne(Rules.scheduleMissed, in: found, line: F.configLine(of: "self-check:", in: config))
        XCTAssertEqual(diagnostic?.message, "no self-check for 2026-08")
        XCTAssertEqual(diagnostic?.location?.column, 3)
        XCTAssertNotNil(diagnostic?.hint)
        XCTAssertEqual(F.only(Rules.scheduleOverdue, in: found), [])
    }

    func testEveryCompletePeriodCoveredIsSilentAndTheCurrentPeriodIsNotChecked() throws {
        // November 2026 is still running on 2026-11-22: no self-check yet this month is fine.
        let found = try check(config("  self-check: 1 month"), selfChecks(["2026-08", "2026-09"]) + [F.record("self-check", "SC-10", date: "2026-10-31")])
        XCTAssertEqual(found.map(\.formatted), [])
    }

    func testPeriodFieldWinsOverTheDate() throws {
        // Service reports are written after the month they cover: the period says which month that is.
        let reports = [("2026-07", "2026-07-31"), ("2026-08", "2026-09-30"), ("2026-09", "2026-09-30"), ("2026-10", "2026-11-02")]
        let withPeriods = reports.map { F.record("service-report", "SR-\($0.0)", date: $0.1, ["period: \($0.0)"]) }
        XCTAssertEqual(try check(config("  service-report: 1 month"), withPeriods).map(\.formatted), [])
        // By their dates alone they cover July, September and November: August and October are missed.
        let byDate = reports.map { F.record("service-report", "SR-\($0.0)", date: $0.1) }
        let found = try check(config("  service-report: 1 month"), byDate)
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found).map(\.message), ["no service-report for 2026-08", "no service-report for 2026-10"])
    }

    func testQuartersAreCalendarQuarters() throws {
        let config = config("  process-review: 3 months")
        let reviews = [
            F.record("process-review", "PRV-1", date: "2026-04-10", ["period: 2026-Q1"]),
            F.record("process-review", "PRV-3", date: "2026-10-12", ["period: 2026-Q3"]),
        ]
        let found = try check(config, reviews)
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found).map(\.message), ["no process-review for 2026-Q2"])
    }

    func testHalfYearsAndYearsAreCalendarAligned() throws {
        let trainings = [F.record("training", "T-1", date: "2025-03-01"), F.record("training", "T-2", date: "2026-02-01")]
        let halves = try check(config("  training: 6 months"), trainings)
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: halves).map(\.message), ["no training for 2025-H2"])

        let audits = [F.record("internal-audit", "IA-24", date: "2024-04-01"), F.record("internal-audit", "IA-26", date: "2026-04-01")]
        let years = try check(config("  internal-audit: 12 months"), audits)
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: years).map(\.message), ["no internal-audit for 2025"])
        XCTAssertEqual(F.only(Rules.scheduleOverdue, in: years), [])
    }

    func testIntervalsThatDoNotDivideAYearCountFromTheFirstRecord() throws {
        let checks = [F.record("self-check", "SC-1", date: "2025-02-10"), F.record("self-check", "SC-2", date: "2026-01-10")]
        let found = try check(config("  self-check: 5 months"), checks)
        // Blocks 2025-02..06 (covered), 2025-07..11 (missed), 2025-12..2026-04 (covered), 2026-05..09 (missed).
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found).map(\.message),
                       ["no self-check for 2025-07 to 2025-11", "no self-check for 2026-05 to 2026-09"])
    }

    func testCheckingStartsAtTheLaterOfFirstRecordAndCertification() throws {
        // Records in January and February 2025, then from August; certified on 2025-06-10.
        let months = ["2025-01", "2025-02"] + (8...12).map { String(format: "2025-%02d", $0) } + (1...10).map { String(format: "2026-%02d", $0) }
        let found = try check(config("  self-check: 1 month", certified: "2025-06-10"), selfChecks(months))
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found).map(\.message), ["no self-check for 2025-06", "no self-check for 2025-07"])
        // Without a certification, checking starts at the first record.
        let uncertified = try check(config("  self-check: 1 month"), selfChecks(months))
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: uncertified).count, 5)
    }

    func testLongRunsOfMissedPeriodsAreSummedUp() throws {
        let found = try check(config("  self-check: 1 month"), selfChecks(["2024-01", "2026-11"]))
        let missed = F.only(Rules.scheduleMissed, in: found).map(\.message)
        XCTAssertEqual(missed.count, ScheduleRule.maxMissedReported + 1)
        XCTAssertEqual(missed.first, "no self-check for 2024-02 to 2025-10 (21 periods without a record)")
        XCTAssertEqual(missed.last, "no self-check for 2026-10")
    }

    // MARK: schedule.overdue

    func testTrailingMissedPeriodsAreNotAlsoReportedOverdue() throws {
        let found = try check(config("  self-check: 1 month"), selfChecks(["2026-06", "2026-07", "2026-08"]))
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found).map(\.message), ["no self-check for 2026-09", "no self-check for 2026-10"])
        XCTAssertEqual(F.only(Rules.scheduleOverdue, in: found), [])
    }

    func testOverdueWithinTheCurrentPeriod() throws {
        // Last one on 2026-10-01: due by 2026-11-01, no complete month missed yet.
        let config = config("  self-check: 1 month")
        let found = try check(config, [F.record("self-check", "SC-10", date: "2026-10-01")])
        let diagnostic = F.assertOne(Rules.scheduleOverdue, in: found, line: F.configLine(of: "self-check:", in: config))
        XCTAssertEqual(diagnostic?.message, "last self-check record SC-10 is dated 2026-10-01, older than 1 month: the next was due by 2026-11-01")
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found), [])
    }

    func testYearlyActivityOverdueAfterTwelveMonths() throws {
        let config = config("  management-review: 12 months")
        let found = try check(config, [F.record("management-review", "MR-25", date: "2025-10-01")])
        let diagnostic = F.assertOne(Rules.scheduleOverdue, in: found, line: F.configLine(of: "management-review:", in: config))
        XCTAssertEqual(diagnostic?.message,
                       "last management-review record MR-25 is dated 2025-10-01, older than 12 months: the next was due by 2026-10-01")
        XCTAssertEqual(F.only(Rules.scheduleMissed, in: found), [])
    }

    func testNoRecordAtAllIsOverdue() throws {
        let config = config("  internal-audit: 12 months")
        let found = try check(config, [F.document("PR-01", folder: "procedures")])
        let diagnostic = F.assertOne(Rules.scheduleOverdue, in: found, line: F.configLine(of: "internal-audit:", in: config))
        XCTAssertEqual(diagnostic?.message, "no internal-audit record yet, though schedules: asks for one every 12 months")
    }

    func testDayAndWeekIntervalsAreCheckedForOverdueOnly() throws {
        let found = try check(config("  self-check: 2 weeks"), [F.record("self-check", "SC-1", date: "2026-11-01")])
        XCTAssertEqual(found.map(\.rule), [Rules.scheduleOverdue.id])
        XCTAssertEqual(try check(config("  self-check: 30 days"), [F.record("self-check", "SC-1", date: "2026-10-26")]).map(\.rule),
                       [Rules.scheduleDue.id])
    }

    func testRecordsAfterTheAsOfDateAreIgnored() throws {
        let found = try check(config("  self-check: 1 month"),
                              [F.record("self-check", "SC-10", date: "2026-10-01"), F.record("self-check", "SC-12", date: "2026-12-01")])
        XCTAssertEqual(found.map(\.rule), [Rules.scheduleOverdue.id])
    }

    // MARK: schedule.due

    func testDueWithinThirtyDaysOrAQuarterOfTheInterval() throws {
        let config = config("  process-review: 3 months")
        // Last 2026-09-10: due 2026-12-10, in 18 days; a quarter of 3 months is 22 days.
        let found = try check(config, [F.record("process-review", "PRV-3", date: "2026-09-10", ["period: 2026-Q3"])])
        let diagnostic = F.assertOne(Rules.scheduleDue, in: found, line: F.configLine(of: "process-review:", in: config))
        XCTAssertEqual(diagnostic?.message, "next process-review is due by 2026-12-10 (in 18 days); the last one is PRV-3 of 2026-09-10")
    }

    func testMonthlyActivityWarnsOnlyInItsLastWeek() throws {
        let recent = try check(config("  self-check: 1 month"), selfChecks(["2026-10"]) + [F.record("self-check", "SC-11", date: "2026-11-20")])
        XCTAssertEqual(recent.map(\.formatted), [])
        let soon = try check(config("  self-check: 1 month"), [F.record("self-check", "SC-10", date: "2026-10-27")])
        XCTAssertEqual(F.only(Rules.scheduleDue, in: soon).map(\.message), ["next self-check is due by 2026-11-27 (in 5 days); the last one is SC-10 of 2026-10-27"])
    }

    func testDueLaterThanThirtyDaysIsSilent() throws {
        XCTAssertEqual(try check(config("  internal-audit: 12 months"), [F.record("internal-audit", "IA-1", date: "2026-04-20")]), [])
    }

    // MARK: what is not a schedule of this rule

    func testDocumentReviewAndUnknownKeysAreLeftToOtherRules() throws {
        let config = config("  document-review: 12 months\n  nonsense: 1 month\n  policy: 1 month")
        XCTAssertEqual(try check(config, [F.document("PR-01", folder: "procedures", approvedOn: "2020-01-01")]), [])
    }
}
