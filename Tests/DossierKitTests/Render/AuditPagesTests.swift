import XCTest
@testable import DossierKit

/// `audits/index.html` on a small site (as of 2026-11-22): programme, internal and external audits,
/// and the nonconformity tracker with its counts and ageing.
final class AuditPagesTests: XCTestCase {
    static let config = Fixtures.minimalConfig + """

    standards: [iso10002]
    schedules:
      internal-audit: 12 months
    certifications:
      - { standard: iso10002, body: "Cert & <Co>", number: C-1, issued: 2025-06-10, expires: 2028-06-09 }
    """

    static func file(_ lines: [String]) -> String { "---\n" + lines.joined(separator: "\n") + "\n---\nBody.\n" }

    static let files: [String: String] = [
        "records/internal-audit-programme/IAP-2026.md": file([
            "id: IAP-2026", "title: Audit programme 2026", "date: 2026-01-12", "period: \"2026\"", "owner: Ann",
            "result: approved",
        ]),
        "records/internal-audit/IA-1.md": file([
            "id: IA-1", "title: Internal audit <2026>", "date: 2026-04-20", "auditors: [Ann]",
            "scope: [iso10002:7.4, iso10002:7.8]", "result: \"fine <mostly>\"",
        ]),
        "records/external-audit/EA-1.md": file([
            "id: EA-1", "title: Stage 2", "date: 2025-05-27", "body: \"Cert & <Co>\"", "kind: stage2",
            "standard: iso10002", "result: recommended",
        ]),
        "records/external-audit/EA-9.md": file([
            "id: EA-9", "title: Other standard", "date: 2026-02-01", "body: Other", "kind: stage1",
            "standard: iso9001", "result: ready",
        ]),
        // Open, major, found by IA-1, 52 days past due, 82 days old.
        "records/nonconformity/NC-1.md": file([
            "id: NC-1", "title: \"<script>alert(1)</script>\"", "found_on: 2026-09-01", "source: IA-1",
            "clause: iso10002:7.4", "severity: major", "description: x", "owner: Bob", "due: 2026-10-01", "status: open",
        ]),
        // Open, minor, 21 days old, due next month.
        "records/nonconformity/NC-2.md": file([
            "id: NC-2", "title: Second", "found_on: 2026-11-01", "source: EA-1", "clause: iso10002:7.8",
            "severity: minor", "description: x", "owner: Ann", "due: 2026-12-31", "status: open",
        ]),
        // Closed this year, two days after its due date, verified by Ann.
        "records/nonconformity/NC-3.md": file([
            "id: NC-3", "title: Third", "found_on: 2026-02-01", "source: IA-1", "clause: iso10002:7.4",
            "severity: observation", "description: x", "owner: Bob", "due: 2026-03-01", "status: closed",
            "root_cause: r", "corrective_action: c", "closed_on: 2026-03-03", "verified_by: Ann", "verified_on: 2026-03-05",
        ]),
        // Closed last year without verification.
        "records/nonconformity/NC-4.md": file([
            "id: NC-4", "title: Fourth", "found_on: 2025-05-01", "source: EA-1", "clause: iso10002:7.4",
            "severity: minor", "description: x", "owner: Bob", "due: 2025-06-01", "status: closed",
            "root_cause: r", "corrective_action: c", "closed_on: 2025-05-11",
        ]),
    ]

    private func site(config: String = config, files: [String: String] = files) throws -> Site {
        let fs = Fixtures.memorySite(config: config, files: files)
        return try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
    }

    private func page(_ site: Site, language: Language = .en) throws -> String {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site)
        let page = try XCTUnwrap(files.first { $0.path == PagePaths.auditsIndex })
        return String(decoding: page.data, as: UTF8.self)
    }

    // MARK: - The tracker's data

    func testAgesOverdueAndOrder() throws {
        let tracker = AuditNonconformities(site: try site(), asOf: Fixtures.demoAsOf)
        XCTAssertEqual(tracker.items.map(\.id), ["NC-1", "NC-2", "NC-3", "NC-4"], "open first by due date, then closed newest first")
        let byID = Dictionary(uniqueKeysWithValues: tracker.items.map { ($0.id, $0) })
        XCTAssertEqual(byID["NC-1"]?.age, 82, "open: found on to as-of")
        XCTAssertEqual(byID["NC-1"]?.daysOverdue, 52)
        XCTAssertEqual(byID["NC-2"]?.age, 21)
        XCTAssertNil(byID["NC-2"]?.daysOverdue)
        XCTAssertEqual(byID["NC-3"]?.age, 30, "closed: found on to closed on")
        XCTAssertEqual(byID["NC-3"]?.closedLate, true)
        XCTAssertEqual(byID["NC-4"]?.age, 10)
        XCTAssertEqual(byID["NC-4"]?.isVerified, false)
        XCTAssertEqual(tracker.openCount, 2)
        XCTAssertEqual(tracker.overdueCount, 1)
        XCTAssertEqual(tracker.majorOpenCount, 1)
        XCTAssertEqual(tracker.closedThisYearCount, 1)
        XCTAssertEqual(tracker.ageing, [1, 0, 1, 0], "21 days and 82 days")
        XCTAssertEqual(tracker.raised(by: "IA-1").map(\.id), ["NC-1", "NC-3"])
    }

    func testAgeingBracketEdges() throws {
        func nc(_ id: String, foundOn: String) -> (String, String) {
            ("records/nonconformity/\(id).md", Self.file([
                "id: \(id)", "found_on: \(foundOn)", "source: X", "clause: iso10002:7.4", "severity: minor",
                "description: x", "owner: Bob", "due: 2027-01-01", "status: open",
            ]))
        }
        let asOf = Fixtures.demoAsOf
        let files = Dictionary(uniqueKeysWithValues: [
            nc("A", foundOn: asOf.adding(days: -30).description), nc("B", foundOn: asOf.adding(days: -31).description),
            nc("C", foundOn: asOf.adding(days: -90).description), nc("D", foundOn: asOf.adding(days: -91).description),
            nc("E", foundOn: asOf.description),
        ])
        let tracker = AuditNonconformities(site: try site(files: files), asOf: asOf)
        XCTAssertEqual(tracker.ageing, [2, 1, 1, 1])
    }

    // MARK: - The page

    func testSummaryCountsAndAgeing() throws {
        let html = try page(try site())
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1)
        XCTAssertTrue(html.contains("<h1>Audits and nonconformities</h1>"))
        XCTAssertTrue(html.contains("<span class=\"audit-stat__value\">2</span><span class=\"audit-stat__label\">Open</span>"))
        XCTAssertTrue(html.contains("audit-stat audit-stat--bad\"><a href=\"#nonconformities\"><span class=\"audit-stat__value\">1</span><span class=\"audit-stat__label\">Overdue</span>"))
        XCTAssertTrue(html.contains("<span class=\"audit-stat__value\">1</span><span class=\"audit-stat__label\">Major open</span>"))
        XCTAssertTrue(html.contains("<span class=\"audit-stat__value\">1</span><span class=\"audit-stat__label\">Closed in 2026</span>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">0–30 days</th><td class=\"num\">1</td>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">61–90 days</th><td class=\"num\">1</td>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">over 90 days</th><td class=\"num\">0</td>"))
    }

    func testTrackerRows() throws {
        let html = try page(try site())
        let rows = try XCTUnwrap(html.components(separatedBy: "<table class=\"audit-table audit-tracker\"").last)
            .components(separatedBy: "<tr class=\"").dropFirst().map { String($0) }
        XCTAssertEqual(rows.count, 4)
        let first = rows[0]
        XCTAssertTrue(first.hasPrefix("audit-tracker__open audit-tracker__overdue\""))
        XCTAssertTrue(first.contains("<a href=\"../records/nonconformity/NC-1.html\" class=\"mono\">NC-1</a>"))
        XCTAssertTrue(first.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "titles are escaped")
        XCTAssertTrue(first.contains("<time datetime=\"2026-09-01\">1 Sep 2026</time>"))
        XCTAssertTrue(first.contains("<a href=\"../records/internal-audit/IA-1.html\" class=\"mono\""), "source linked")
        XCTAssertTrue(first.contains("<a href=\"../clauses/iso10002/7.4.html\" class=\"mono\">iso10002:7.4</a>"), "clause linked")
        XCTAssertTrue(first.contains("<span class=\"badge badge--major\">Major</span>"))
        XCTAssertTrue(first.contains("<td class=\"num\">82</td>"))
        XCTAssertTrue(first.contains("<span class=\"badge badge--overdue\">52 days overdue</span>"))
        XCTAssertTrue(rows[1].hasPrefix("audit-tracker__open\""))
        XCTAssertFalse(rows[1].contains("overdue</span>"))
        XCTAssertTrue(rows[2].contains("<td class=\"num\">30</td>"))
        XCTAssertTrue(rows[2].contains("<span class=\"muted\">closed after due date</span>"))
        XCTAssertTrue(rows[2].contains("<span class=\"audit-verified\">Ann</span><span class=\"audit-date\">5 Mar 2026</span>"))
        XCTAssertTrue(rows[3].contains("<span class=\"overdue\">not verified</span>"))
        XCTAssertFalse(html.contains("<script>alert"))
    }

    func testProgrammeAndInternalAudits() throws {
        let html = try page(try site())
        let programme = try section("programme", of: html)
        XCTAssertTrue(programme.contains("every 12 months"))
        XCTAssertTrue(programme.contains("<a href=\"../records/internal-audit/IA-1.html\" class=\"mono\">IA-1</a> (20 Apr 2026)"))
        XCTAssertTrue(programme.contains("next due by <strong>20 Apr 2027</strong>"))
        XCTAssertTrue(programme.contains("<a href=\"../records/internal-audit-programme/IAP-2026.html\" class=\"mono\">IAP-2026</a>"))
        let audits = try section("internal", of: html)
        XCTAssertTrue(audits.contains("<h3 id=\"internal-2026\">2026 <span class=\"count\">1</span></h3>"))
        XCTAssertTrue(audits.contains("Internal audit &lt;2026&gt;"))
        XCTAssertTrue(audits.contains("fine &lt;mostly&gt;"))
        XCTAssertTrue(audits.contains("<dd>Ann</dd>"), "auditors")
        XCTAssertTrue(audits.contains("<a href=\"../clauses/iso10002/7.8.html\" class=\"mono\">iso10002:7.8</a>"), "scope clauses linked")
        XCTAssertTrue(audits.contains("<a href=\"../records/nonconformity/NC-1.html\""), "nonconformities raised")
        XCTAssertTrue(audits.contains("<a href=\"../records/nonconformity/NC-3.html\""))
    }

    func testExternalTimelineAndCertificate() throws {
        let html = try page(try site())
        let external = try section("external", of: html)
        XCTAssertTrue(external.contains("<h3 id=\"external-iso10002\">ISO 10002:2018"), external)
        XCTAssertTrue(external.contains("<dd>Cert &amp; &lt;Co&gt;</dd>"), "body escaped")
        // No surveillance audit on record: the first one was due on 2026-06-10, 165 days ago.
        XCTAssertTrue(external.contains("<dt>Next surveillance due</dt><dd>10 Jun 2026<span class=\"audit-cert__note\">165 days ago</span>"))
        XCTAssertTrue(external.contains("audit-cert__item audit-cert__item--bad\"><dt>Next surveillance due"))
        let toExpiry = Fixtures.demoAsOf.days(until: Day(iso: "2028-06-09")!)
        XCTAssertTrue(external.contains("<dt>Expires</dt><dd>9 Jun 2028<span class=\"audit-cert__note\">in \(toExpiry) days</span>"))
        XCTAssertTrue(external.contains("<dd>9 Dec 2027 to 9 Mar 2028</dd>"), "recertification application window")
        // The timeline in date order: stage 2, certificate, surveillance 1 (overdue), 2, application, expiry.
        let iso10002 = try XCTUnwrap(external.components(separatedBy: "<h3 id=\"external-iso9001\"").first)
        let labels = iso10002.components(separatedBy: "<span class=\"audit-timeline__label\">").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }
        XCTAssertEqual(labels, ["Stage 2", "Certificate issued", "Surveillance audit 1 due", "Surveillance audit 2 due",
                                "Recertification application window opens", "Certificate expires"])
        XCTAssertTrue(iso10002.contains("audit-timeline__step--overdue"))
        XCTAssertTrue(iso10002.contains("Not on record: contact the certification body."))
        XCTAssertTrue(iso10002.contains("<a href=\"../records/nonconformity/NC-2.html\""), "NC raised by the stage 2 audit")
        // A standard audited without a certificate still gets its timeline.
        XCTAssertTrue(external.contains("<h3 id=\"external-iso9001\">"))
        XCTAssertTrue(external.contains("Not listed under certifications: in dossier.yml."))
    }

    func testSurveillanceOnRecordMovesTheNextDueDate() throws {
        var files = Self.files
        files["records/external-audit/EA-2.md"] = Self.file([
            "id: EA-2", "title: Surveillance 1", "date: 2026-05-28", "body: Cert", "kind: surveillance",
            "standard: iso10002", "result: maintained",
        ])
        let external = try section("external", of: try page(try site(files: files)))
        XCTAssertTrue(external.contains("<dt>Next surveillance due</dt><dd>10 Jun 2027"))
        XCTAssertFalse(external.contains("Surveillance audit 1 due"))
        XCTAssertTrue(external.contains("<span class=\"audit-timeline__label\">Surveillance</span> <a href=\"../records/external-audit/EA-2.html\""))
    }

    func testEmptySite() throws {
        let html = try page(try site(config: Fixtures.minimalConfig, files: ["attachments/readme.txt": "x"]))
        XCTAssertTrue(html.contains("No audit programme on record"))
        XCTAssertTrue(html.contains("No internal audit on record."))
        XCTAssertTrue(html.contains("No external audit on record"))
        XCTAssertTrue(html.contains("No nonconformities on record."))
        XCTAssertTrue(html.contains("<span class=\"audit-stat__value\">0</span><span class=\"audit-stat__label\">Open</span>"))
    }

    func testChineseInterface() throws {
        let html = try page(try site(), language: .zhCN)
        XCTAssertTrue(html.contains("<h1>审核与不符合项</h1>"))
        XCTAssertTrue(html.contains("逾期 52 天"))
        XCTAssertTrue(html.contains("<span class=\"badge badge--major\">严重</span>"))
        XCTAssertTrue(html.contains("每12个月一次"))
    }

    private func section(_ id: String, of html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section class=\"panel\" id=\"\(id)\""), id)
        let rest = html[start.lowerBound...]
        let end = try XCTUnwrap(rest.range(of: "</section>"))
        return String(rest[..<end.upperBound])
    }
}
