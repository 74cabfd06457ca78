import XCTest
@testable import DossierKit

/// `kpis/index.html` and `KPISummary` on a small site with known times (as of 2026-11-22).
final class KPIPagesTests: XCTestCase {
    static let targets = """

    targets:
      incident.resolution_hours.p90: 8
      complaint.acknowledge_hours.max: 24
      complaint.close_days.max: 15
      satisfaction.score.min: 4.2
    """

    static func incident(_ id: String, priority: String, opened: String, resolved: String) -> String {
        """
        ---
        id: \(id)
        opened: \(opened)
        priority: \(priority)
        service: Mail
        status: closed
        resolved: \(resolved)
        ---
        """
    }

    static func complaint(_ id: String, received: String, acknowledged: String?, closed: String?) -> String {
        var lines = ["---", "id: \(id)", "received: \(received)", "channel: email", "customer: { name: Acme }",
                     "category: delay", "status: \(closed == nil ? (acknowledged == nil ? "new" : "acknowledged") : "closed")"]
        if let acknowledged { lines.append("acknowledged: \(acknowledged)") }
        if let closed { lines += ["closed: \(closed)", "resolution: fixed"] }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    static func survey(_ id: String, date: String, score: String, responses: Int, period: String) -> String {
        "---\nid: \(id)\ndate: \(date)\nperiod: \"\(period)\"\nresponses: \(responses)\nscore: \(score)\n---\n"
    }

    static let files: [String: String] = [
        // 2.5 h and 4 h in March, 10 h in May (P1); one from October 2025 is outside the 12 months.
        "records/incident/INC-1.md": incident("INC-1", priority: "P2", opened: "2026-03-01 09:00", resolved: "2026-03-01 11:30"),
        "records/incident/INC-2.md": incident("INC-2", priority: "P3", opened: "2026-03-10 08:00", resolved: "2026-03-10 12:00"),
        "records/incident/INC-3.md": incident("INC-3", priority: "P1", opened: "2026-05-02 08:00", resolved: "2026-05-02 18:00"),
        "records/incident/INC-0.md": incident("INC-0", priority: "P3", opened: "2025-10-01 08:00", resolved: "2025-10-03 10:00"),
        // Acknowledged after 6 h and 48 h, closed after 10 and 20 days; CMP-3 is still waiting, unacknowledged.
        "records/complaint/CMP-1.md": complaint("CMP-1", received: "2026-04-01 09:00", acknowledged: "2026-04-01 15:00", closed: "2026-04-11 09:00"),
        "records/complaint/CMP-2.md": complaint("CMP-2", received: "2026-06-01 09:00", acknowledged: "2026-06-03 09:00", closed: "2026-06-21 09:00"),
        "records/complaint/CMP-3.md": complaint("CMP-3", received: "2026-11-10 09:00", acknowledged: nil, closed: nil),
        "records/satisfaction-survey/SAT-1.md": survey("SAT-1", date: "2026-07-01", score: "4.5", responses: 30, period: "2026 <H1>"),
        "records/satisfaction-survey/SAT-2.md": survey("SAT-2", date: "2026-01-10", score: "4.0", responses: 10, period: "2025-H2"),
    ]

    private func site(config: String = Fixtures.minimalConfig + targets, files: [String: String] = files) throws -> Site {
        let fs = Fixtures.memorySite(config: config, files: files)
        return try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
    }

    private func page(_ site: Site, language: Language = .en) throws -> String {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site)
        let page = try XCTUnwrap(files.first { $0.path == PagePaths.kpisIndex })
        return String(decoding: page.data, as: UTF8.self)
    }

    // MARK: - KPISummary

    func testSummaryHeadlinesAgainstTargets() throws {
        let summary = KPISummary.compute(site: try site(), asOf: Fixtures.demoAsOf)
        XCTAssertEqual(summary.windowStart, Day(iso: "2025-11-23"))

        let incidents = summary.incidentResolution
        XCTAssertEqual(incidents.count, 3, "INC-0 was resolved before the window")
        XCTAssertEqual(incidents.value, 10, "nearest-rank P90 of 2.5, 4, 10")
        XCTAssertEqual(incidents.typical, 4, "median")
        XCTAssertEqual(incidents.target, 8)
        XCTAssertEqual(incidents.withinTarget, 2)
        XCTAssertEqual(incidents.met, false)
        XCTAssertEqual(incidents.targetKey, "incident.resolution_hours.p90")

        let acknowledgement = summary.complaintAcknowledgement
        XCTAssertEqual(acknowledgement.count, 2)
        XCTAssertEqual(acknowledgement.value, 48, "the longest acknowledgement")
        XCTAssertEqual(acknowledgement.typical, 27, "median of 6 and 48")
        XCTAssertEqual(acknowledgement.late, 1, "CMP-3 has waited 279 h unacknowledged")
        XCTAssertEqual(acknowledgement.withinTarget, 1)
        XCTAssertEqual(try XCTUnwrap(acknowledgement.shareWithinTarget), 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(acknowledgement.met, false)

        let closing = summary.complaintClosing
        XCTAssertEqual(closing.value, 20)
        XCTAssertEqual(closing.late, 0, "CMP-3 has been open 11.6 days, within 15")
        XCTAssertEqual(closing.met, false)

        let satisfaction = summary.satisfaction
        XCTAssertEqual(satisfaction.value, 4.0, "the lowest score")
        XCTAssertEqual(try XCTUnwrap(satisfaction.typical), 4.375, accuracy: 1e-9, "weighted by responses")
        XCTAssertEqual(satisfaction.met, false)
        XCTAssertTrue(satisfaction.higherIsBetter)
        XCTAssertEqual(summary.headlines.map(\.kpi), [.incidentResolution, .complaintAcknowledgement, .complaintClosing, .satisfaction])
    }

    func testSummaryAgreesWithTheValidatorsPercentile() throws {
        let site = try self.site()
        let summary = KPISummary.compute(site: site, asOf: Fixtures.demoAsOf)
        let diagnostics = Validator().validate(site, asOf: Fixtures.demoAsOf).filter {
            $0.rule == "record.target" && $0.message.contains("90th percentile")
        }
        XCTAssertEqual(diagnostics.count, 1, "the validator also finds the P90 above target")
        XCTAssertTrue(diagnostics.first?.message.contains("is 10 h (3 incidents)") == true, "\(diagnostics.map(\.message))")
        XCTAssertEqual(summary.incidentResolution.value, 10)
    }

    func testSummaryWithoutTargetsOrData() throws {
        let summary = KPISummary.compute(site: try site(config: Fixtures.minimalConfig, files: ["records/incident/INC-1.md": Self.files["records/incident/INC-1.md"]!]),
                                         asOf: Fixtures.demoAsOf)
        XCTAssertEqual(summary.incidentResolution.value, 2.5)
        XCTAssertNil(summary.incidentResolution.target)
        XCTAssertNil(summary.incidentResolution.met, "no target: neither met nor missed")
        XCTAssertNil(summary.satisfaction.value, "no survey")
        XCTAssertNil(summary.satisfaction.met)
        XCTAssertEqual(summary.complaintAcknowledgement.count, 0)
    }

    func testStatistics() {
        XCTAssertEqual(KPIStatistics.median([5, 1, 3]), 3)
        XCTAssertEqual(KPIStatistics.median([4, 1, 3, 2]), 2.5)
        XCTAssertNil(KPIStatistics.median([]))
        XCTAssertEqual(KPIStatistics.p90(Array(1...10).map(Double.init)), 9)
        XCTAssertEqual(KPIStatistics.p90(Array(1...11).map(Double.init)), 10)
        XCTAssertEqual(KPIStatistics.p90([7]), 7)
        XCTAssertEqual(KPIFormat.number(4.375, decimals: 2), "4.38")
        XCTAssertEqual(KPIFormat.number(8, decimals: 1), "8")
        XCTAssertEqual(KPIFormat.number(3, decimals: 1, trimmed: false), "3.0")
        XCTAssertEqual(KPIFormat.number(0.04, decimals: 1), "0")
    }

    // MARK: - Page

    func testHeadlinesShowValueTargetAndVerdict() throws {
        let html = try page(try site())
        XCTAssertTrue(html.contains("<h1>Service KPIs</h1>"))
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "one h1")
        XCTAssertTrue(html.contains("Last 12 months: 23 Nov 2025 to 22 Nov 2026"))
        XCTAssertTrue(html.contains("<p class=\"kpi-card__value\">10 h</p>"))
        XCTAssertTrue(html.contains("<p class=\"kpi-card__value\">48 h</p>"))
        XCTAssertTrue(html.contains("<p class=\"kpi-card__value\">20 days</p>"))
        XCTAssertTrue(html.contains("<p class=\"kpi-card__value\">4</p>"), "the lowest score")
        XCTAssertTrue(html.contains("Target ≤ 8 h"))
        XCTAssertTrue(html.contains("Target ≥ 4.2"))
        XCTAssertEqual(html.components(separatedBy: "kpi-card kpi-card--missed").count - 1, 4)
        XCTAssertTrue(html.contains("3 incidents resolved · median 4 h · 67% within target"))
        XCTAssertTrue(html.contains("1 still waiting past the target"))
    }

    func testMonthTablesHoldTheChartNumbers() throws {
        let html = try page(try site())
        let incidents = try section("incident-resolution", of: html)
        // Twelve month columns, December 2025 to November 2026; full names for screen readers.
        XCTAssertTrue(incidents.contains("<span class=\"kpi-visually-hidden\">Dec 2025</span>"))
        XCTAssertTrue(incidents.contains("<span class=\"kpi-visually-hidden\">Nov 2026</span>"))
        XCTAssertFalse(incidents.contains("Nov 2025</span>"))
        // March: 2 resolved, median 3.3 (3.25), P90 4.0; May: 10.0, missed.
        let rows = try tableRows(of: incidents)
        XCTAssertEqual(rows["Resolved"], ["0", "0", "0", "2", "0", "1", "0", "0", "0", "0", "0", "0"])
        XCTAssertEqual(rows["Median (h)"]?[3], "3.3")
        XCTAssertEqual(rows["P90 (h)"]?[3], "4.0")
        XCTAssertEqual(rows["P90 (h)"]?[5], "10.0")
        XCTAssertEqual(rows["P90 (h)"]?[0], "–")
        XCTAssertTrue(incidents.contains("<svg class=\"svg-chart\""))
        XCTAssertTrue(incidents.contains("role=\"img\""))
        XCTAssertTrue(incidents.contains("<desc id=\"chart-incident-resolution-desc\">90th percentile and Median by month, Dec 2025 to Nov 2026. The dashed line marks the target (≤ 8 h)."))

        let complaints = try tableRows(of: try section("complaint-acknowledgement", of: html))
        XCTAssertEqual(complaints["Longest (h)"]?[4], "6.0", "April")
        XCTAssertEqual(complaints["Longest (h)"]?[6], "48.0", "June")
        XCTAssertEqual(complaints["Share within target"]?[6], "0%")
        XCTAssertEqual(complaints["Against target"]?[4], "Met")
        XCTAssertEqual(complaints["Against target"]?[6], "Missed")
    }

    func testPriorityTableAndLateComplaints() throws {
        let html = try page(try site())
        let incidents = try section("incident-resolution", of: html)
        XCTAssertTrue(incidents.contains("<caption>By priority (last 12 months)</caption>"))
        XCTAssertTrue(incidents.contains("<span class=\"badge badge--P1\">P1</span>"))
        XCTAssertTrue(incidents.contains("P90 ≤ 8 h"))
        let acknowledgement = try section("complaint-acknowledgement", of: html)
        XCTAssertTrue(acknowledgement.contains("Still waiting past the target:"))
        XCTAssertTrue(acknowledgement.contains("<a href=\"../records/complaint/CMP-3.html\" class=\"mono\">CMP-3</a> (279 h)"))
        XCTAssertFalse(try section("complaint-closing", of: html).contains("Still waiting"))
    }

    func testSurveysAreListedWithEscapedPeriods() throws {
        let html = try page(try site())
        let satisfaction = try section("satisfaction", of: html)
        XCTAssertTrue(satisfaction.contains("2026 &lt;H1&gt;"))
        XCTAssertFalse(satisfaction.contains("<H1>"))
        XCTAssertTrue(satisfaction.contains("href=\"../records/satisfaction-survey/SAT-1.html\""))
        let sat1 = try XCTUnwrap(satisfaction.range(of: "SAT-1.html")), sat2 = try XCTUnwrap(satisfaction.range(of: "SAT-2.html"))
        XCTAssertLessThan(sat1.lowerBound, sat2.lowerBound, "newest survey first")
        XCTAssertTrue(satisfaction.contains("<td class=\"num\">4.50</td>"))
        XCTAssertTrue(satisfaction.contains("<td class=\"num\">4.00</td><td><span class=\"badge badge--missed\">Missed</span>"))
    }

    func testWithoutTargetsThePageSaysSo() throws {
        let html = try page(try site(config: Fixtures.minimalConfig))
        XCTAssertTrue(html.contains("No KPI targets are set"))
        XCTAssertTrue(html.contains("No target set"))
        XCTAssertFalse(html.contains("badge--met"))
        XCTAssertFalse(html.contains("badge--missed"))
        XCTAssertFalse(html.contains("svg-chart__target"))
    }

    func testOddNumbersDoNotBreakThePage() throws {
        let config = Fixtures.minimalConfig + """

        targets:
          incident.resolution_hours.p90: inf
          satisfaction.score.min: 1e300
          complaint.close_days.max: nan
        """
        var files = Self.files
        files["records/satisfaction-survey/SAT-3.md"] = Self.survey("SAT-3", date: "2026-08-01", score: "nan", responses: 5, period: "x")
        files["records/satisfaction-survey/SAT-4.md"] = "---\nid: SAT-4\ndate: 2026-09-01\nperiod: y\nresponses: 1e300\nscore: 1e300\n---\n"
        let html = try page(try site(config: config, files: files))
        XCTAssertTrue(html.contains("<h1>Service KPIs</h1>"))
        XCTAssertFalse(html.contains("SAT-3.html"), "a score that is not a number is left out")
        XCTAssertFalse(html.contains("SAT-4.html"))
        XCTAssertTrue(html.contains("Target ≤ inf h"), "the target is shown as written")
    }

    func testChineseInterface() throws {
        let html = try page(try site(), language: .zhCN)
        XCTAssertTrue(html.contains("<h1>服务绩效指标</h1>"))
        XCTAssertTrue(html.contains("<p class=\"kpi-card__value\">10 小时</p>"))
        XCTAssertTrue(html.contains("<span class=\"kpi-visually-hidden\">2025年12月</span>"))
        XCTAssertTrue(html.contains("未达标"))
    }

    // MARK: - Helpers

    /// The HTML of the section with `id`.
    private func section(_ id: String, of html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section class=\"panel kpi-section\" id=\"\(id)\""), id)
        let rest = html[start.lowerBound...]
        let end = try XCTUnwrap(rest.range(of: "</section>"))
        return String(rest[..<end.upperBound])
    }

    /// The first table's body rows: row header text → cell texts (tags stripped).
    private func tableRows(of section: String) throws -> [String: [String]] {
        let body = try XCTUnwrap(section.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
        var rows: [String: [String]] = [:]
        for tag in body.components(separatedBy: "<tr").dropFirst() {
            let row = String(tag.drop { $0 != ">" })
            let head = strip(row.components(separatedBy: "</th>").first ?? "")
            let cells = row.components(separatedBy: "<td").dropFirst().map { strip("<td" + ($0.components(separatedBy: "</td>").first ?? "")) }
            rows[head] = cells
        }
        return rows
    }

    private func strip(_ html: String) -> String {
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
