import XCTest
@testable import DossierKit

final class RecordRuleTests: XCTestCase {
    private typealias F = RecordFixtures
    private let incidentPath = "Content/records/incident/INC-1.md"

    private func check(_ files: [String: [String]], config: String = Fixtures.minimalConfig) throws -> [Diagnostic] {
        RecordRule().check(try F.context(config: config, files: files))
    }

    /// A config with `targets:` holding `lines`, and the config line of each target key, in order.
    private func targets(_ lines: [String]) -> (config: String, lines: [Int]) {
        let base = Fixtures.minimalConfig.split(separator: "\n", omittingEmptySubsequences: false).count
        let config = F.config("targets:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n")
        return (config, lines.indices.map { base + 2 + $0 })
    }

    // MARK: record.order

    func testResolvedBeforeOpened() throws {
        let lines = F.incident("INC-1", ["resolved": "2026-10-01 08:59"])
        let diagnostic = F.assertOne(Rules.recordOrder, .error, in: try check(["records/incident/INC-1.md": lines]),
                                     path: incidentPath, line: F.line(of: "resolved", in: lines))
        XCTAssertEqual(diagnostic?.message, "resolved (2026-10-01 08:59) is before opened (2026-10-01 09:00)")
    }

    func testOrderComparesTimesOnTheSameDayAndDaysWhenATimeIsMissing() throws {
        let sameDay = F.incident("INC-1")
        let dateOnly = F.incident("INC-2", ["resolved": "2026-10-01"])
        let found = try check(["records/incident/INC-1.md": sameDay, "records/incident/INC-2.md": dateOnly])
        XCTAssertEqual(F.only(Rules.recordOrder, in: found), [])
        let dayBefore = F.incident("INC-1", ["resolved": "2026-09-30"])
        F.assertOne(Rules.recordOrder, .error, in: try check(["records/incident/INC-1.md": dayBefore]),
                    path: incidentPath, line: F.line(of: "resolved", in: dayBefore))
    }

    func testOrderHonoursTimeZones() throws {
        // 09:00 at +08:00 is 01:00 UTC, so 02:00 UTC is an hour later.
        let lines = F.incident("INC-1", ["opened": "2026-10-01 09:00+08:00", "resolved": "2026-10-01 02:00Z"])
        XCTAssertEqual(F.only(Rules.recordOrder, in: try check(["records/incident/INC-1.md": lines])), [])
    }

    func testNonconformityVerifiedBeforeClosed() throws {
        let lines = F.nonconformity("NC-1", ["verified_on": "2026-10-19"])
        F.assertOne(Rules.recordOrder, .error, in: try check(["records/nonconformity/NC-1.md": lines]),
                    path: "Content/records/nonconformity/NC-1.md", line: F.line(of: "verified_on", in: lines))
        let good = F.nonconformity("NC-1")
        XCTAssertEqual(F.only(Rules.recordOrder, in: try check(["records/nonconformity/NC-1.md": good])), [])
    }

    // MARK: record.future

    func testRecordOpenedAfterTheAsOfDate() throws {
        let lines = F.incident("INC-1", ["status": "open", "resolved": nil, "opened": "2026-11-23 08:00"])
        let diagnostic = F.assertOne(Rules.recordFuture, .error, in: try check(["records/incident/INC-1.md": lines]),
                                     path: incidentPath, line: F.line(of: "opened", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("2026-11-22") ?? false, diagnostic?.message ?? "")
    }

    func testEachFutureFieldIsReported() throws {
        let lines = F.nonconformity("NC-1", ["closed_on": "2026-11-25", "verified_on": "2026-11-30"])
        let found = F.only(Rules.recordFuture, in: try check(["records/nonconformity/NC-1.md": lines]))
        XCTAssertEqual(found.compactMap(\.location?.line).sorted(),
                       [F.line(of: "closed_on", in: lines), F.line(of: "verified_on", in: lines)])
    }

    func testAsOfDayWrittenDayAndNaturallyFutureFieldsAreFine() throws {
        // Late on the as-of day in New York is the next day in UTC: the day as written counts.
        let today = F.incident("INC-1", ["status": "open", "resolved": nil, "opened": "2026-11-22 23:30-05:00"])
        let openNC = F.nonconformity("NC-1", ["status": "open", "due": "2026-12-15"])
        let found = try check(["records/incident/INC-1.md": today, "records/nonconformity/NC-1.md": openNC])
        XCTAssertEqual(F.only(Rules.recordFuture, in: found), [])
    }

    func testDocumentsAreNotRecords() throws {
        let lines = F.procedure("PR-01", ["approved_on": "2026-12-01", "next_review": "2027-03-01"])
        XCTAssertEqual(F.only(Rules.recordFuture, in: try check(["procedures/PR-01.md": lines])), [])
    }

    // MARK: record.target: complaints and surveys

    func testComplaintMissingBothTargetsIsOneWarning() throws {
        let (config, _) = targets(["complaint.acknowledge_hours.max: 24", "complaint.close_days.max: 15"])
        let lines = F.complaint("CMP-1", ["acknowledged": "2026-10-02 15:00", "closed": "2026-10-19 09:00"])
        let found = try check(["records/complaint/CMP-1.md": lines], config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: "Content/records/complaint/CMP-1.md",
                                     line: F.line(of: "acknowledged", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("acknowledged 30 h after") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("closed 18 days after") ?? false, diagnostic?.message ?? "")
    }

    func testComplaintClosedLateInFractionalDays() throws {
        let (config, _) = targets(["complaint.acknowledge_hours.max: 24", "complaint.close_days.max: 15"])
        let lines = F.complaint("CMP-1", ["closed": "2026-10-16 21:00"])
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: try check(["records/complaint/CMP-1.md": lines], config: config),
                                     path: "Content/records/complaint/CMP-1.md", line: F.line(of: "closed", in: lines))
        XCTAssertTrue(diagnostic?.message.contains("closed 15.5 days after") ?? false, diagnostic?.message ?? "")
    }

    func testComplaintWithinTargetsOrWithoutTargetsIsFine() throws {
        let (config, _) = targets(["complaint.acknowledge_hours.max: 24", "complaint.close_days.max: 15"])
        let onTime = F.complaint("CMP-1", ["acknowledged": "2026-10-02 09:00", "closed": "2026-10-16 09:00"])
        XCTAssertEqual(try check(["records/complaint/CMP-1.md": onTime], config: config), [])
        let late = F.complaint("CMP-1", ["acknowledged": "2026-10-05 09:00"])
        XCTAssertEqual(try check(["records/complaint/CMP-1.md": late]), [], "no targets configured")
    }

    func testSurveyScoreBelowTheMinimum() throws {
        let (config, _) = targets(["satisfaction.score.min: 4.2"])
        let low = ["id: SAT-1", "date: 2026-07-01", "period: 2026-H1", "responses: 40", "score: 4.1"]
        let high = ["id: SAT-2", "date: 2026-01-05", "period: 2025-H2", "responses: 38", "score: 4.2"]
        let found = try check(["records/satisfaction-survey/SAT-1.md": low, "records/satisfaction-survey/SAT-2.md": high],
                              config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: "Content/records/satisfaction-survey/SAT-1.md",
                                     line: F.line(of: "score", in: low))
        XCTAssertTrue(diagnostic?.message.contains("4.1 is below the target of 4.2") ?? false, diagnostic?.message ?? "")
    }

    // MARK: record.target: incidents

    func testIncidentResolvedLaterThanTheMaximum() throws {
        let (config, _) = targets(["incident.resolution_hours.max: 4"])
        let slow = F.incident("INC-1", ["resolved": "2026-10-01 14:30"])
        let fast = F.incident("INC-2")
        let found = try check(["records/incident/INC-1.md": slow, "records/incident/INC-2.md": fast], config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: incidentPath, line: F.line(of: "resolved", in: slow))
        XCTAssertTrue(diagnostic?.message.contains("resolved 5.5 h after") ?? false, diagnostic?.message ?? "")
    }

    func testPriorityMaximumReplacesTheGeneralOne() throws {
        let (config, _) = targets(["incident.resolution_hours.max: 4", "incident.resolution_hours.P1.max: 1"])
        let p1 = F.incident("INC-1", ["priority": "P1"])  // 2 h: over P1's 1 h
        let p2 = F.incident("INC-2")                      // 2 h: within the general 4 h
        let found = try check(["records/incident/INC-1.md": p1, "records/incident/INC-2.md": p2], config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: incidentPath, line: F.line(of: "resolved", in: p1))
        XCTAssertTrue(diagnostic?.message.contains("target for P1: at most 1 h") ?? false, diagnostic?.message ?? "")
    }

    /// Incidents opened at 09:00 on `day` and resolved `hours` later.
    private func incidents(_ hours: [Int], day: String = "2026-10-01", priority: String = "P2",
                           from first: Int = 1) -> [String: [String]] {
        var files: [String: [String]] = [:]
        for (offset, h) in hours.enumerated() {
            let id = "INC-\(first + offset)"
            let resolved = (Day(iso: day) ?? F.asOf).adding(days: (9 + h) / 24)
            let clock = (9 + h) % 24
            files["records/incident/\(id).md"] = F.incident(id, [
                "priority": priority, "opened": "\(day) 09:00",
                "resolved": "\(resolved) \(clock < 10 ? "0" : "")\(clock):00",
            ])
        }
        return files
    }

    func testNinetiethPercentileAboveTheTargetIsOneWarningAtTheConfigLine() throws {
        let (config, lines) = targets(["incident.resolution_hours.p90: 8"])
        let found = try check(incidents(Array(1...10)), config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: "dossier.yml", line: lines[0])
        XCTAssertTrue(diagnostic?.message.contains("is 9 h (10 incidents)") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.hint?.contains("INC-10 (10 h)") ?? false, diagnostic?.hint ?? "")
    }

    func testNinetiethPercentileCountsOnlyTheLastTwelveMonths() throws {
        let (config, _) = targets(["incident.resolution_hours.p90: 8"])
        var files = incidents(Array(repeating: 1, count: 10))
        files.merge(incidents([100, 100, 100, 100, 100], day: "2025-11-01", from: 11)) { a, _ in a }
        XCTAssertEqual(try check(files, config: config), [])
    }

    func testPriorityPercentileOnlyLooksAtThatPriority() throws {
        let (config, lines) = targets(["incident.resolution_hours.P1.p90: 2"])
        var files = incidents([1, 1, 5], priority: "P1")
        files.merge(incidents([1, 1, 1, 1, 1, 1], priority: "P2", from: 4)) { a, _ in a }
        let found = try check(files, config: config)
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: found, path: "dossier.yml", line: lines[0])
        XCTAssertTrue(diagnostic?.message.contains("P1 incidents") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("is 5 h (3 incidents)") ?? false, diagnostic?.message ?? "")
    }

    func testUnknownTargetKeysAreIgnored() throws {
        let (config, _) = targets(["incident.response_hours.max: 1", "incident.resolution_hours.p50: 1", "complaint.close_days.min: 30"])
        XCTAssertEqual(try check(incidents([5, 6]), config: config), [])
    }

    func testNearestRank() {
        XCTAssertEqual(RecordTargetCheck.nearestRank((1...10).map(Double.init), percentile: 90), 9)
        XCTAssertEqual(RecordTargetCheck.nearestRank((1...20).map(Double.init), percentile: 90), 18)
        XCTAssertEqual(RecordTargetCheck.nearestRank((1...11).map(Double.init), percentile: 90), 10)
        XCTAssertEqual(RecordTargetCheck.nearestRank([5], percentile: 90), 5)
        XCTAssertEqual(RecordTargetCheck.number(24), "24")
        XCTAssertEqual(RecordTargetCheck.number(24 + 1.0 / 60), "24.02")
    }
}

extension RecordRuleTests {
    func testWaitingComplaintsMissTheirTargetsWithoutATimeWritten() throws {
        let (config, _) = targets(["complaint.acknowledge_hours.max: 24", "complaint.close_days.max: 15"])
        // Received 2026-10-01 09:00; as of 2026-11-22 it has waited 51.63 days and was never acknowledged.
        let waiting = F.complaint("CMP-1", ["status": "new", "acknowledged": nil, "closed": nil, "resolution": nil])
        let diagnostic = F.assertOne(Rules.recordTarget, .warning, in: try check(["records/complaint/CMP-1.md": waiting], config: config),
                                     path: "Content/records/complaint/CMP-1.md", line: F.line(of: "status", in: waiting))
        XCTAssertTrue(diagnostic?.message.contains("not acknowledged") ?? false, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("still open 51.63 days") ?? false, diagnostic?.message ?? "")
    }

    func testRecentOpenComplaintIsNotYetLate() throws {
        let (config, _) = targets(["complaint.acknowledge_hours.max: 24", "complaint.close_days.max: 15"])
        let recent = F.complaint("CMP-1", ["received": "2026-11-20 09:00", "status": "investigating",
                                           "acknowledged": "2026-11-20 10:00", "closed": nil, "resolution": nil])
        XCTAssertEqual(try check(["records/complaint/CMP-1.md": recent], config: config), [])
    }
}
