import XCTest
@testable import DossierKit

final class CalendarPagesTests: XCTestCase {
    static func render(language: Language = .en, config: String = AgendaFixtures.config,
                       asOf: Day = AgendaFixtures.asOf) throws -> [String: String] {
        let site = try AgendaFixtures.site(config: config)
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: asOf).render(site)
        var texts: [String: String] = [:]
        for file in files where file.path.hasPrefix("calendar/") { texts[file.path] = String(decoding: file.data, as: UTF8.self) }
        return texts
    }

    /// The page in `language`; the site's config names the same language, as in a real build.
    private func page(language: Language = .en) throws -> String {
        let config = AgendaFixtures.config.replacingOccurrences(of: "language: en", with: "language: \(language.rawValue)")
        return try XCTUnwrap(try Self.render(language: language, config: config)[PagePaths.calendarIndex])
    }

    /// The text between two markers of the page.
    private func section(_ html: String, from start: String, to end: String) throws -> String {
        let from = try XCTUnwrap(html.range(of: start), start)
        let to = try XCTUnwrap(html.range(of: end, range: from.upperBound..<html.endIndex), end)
        return String(html[from.upperBound..<to.lowerBound])
    }

    func testOverdueItemsComeFirstOldestFirst() throws {
        let html = try page()
        XCTAssertTrue(html.contains("<h1>Calendar</h1>"))
        let overdue = try section(html, from: "id=\"overdue-title\"", to: "id=\"months-title\"")
        XCTAssertTrue(overdue.contains("calendar-overdue--some") || html.contains("calendar-overdue--some"))
        // NC-1 (due 1 Oct), internal audit (due 1 Oct), training (no record: owed today), the old certificate (2023).
        let order = ["Certificate expires", "Internal audits", "NC-1", "Trainings"].map { overdue.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), "\(order)")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "by date")
        XCTAssertTrue(overdue.contains("52 days overdue"), "internal audit due 2026-10-01, as of 2026-11-22")
        XCTAssertTrue(overdue.contains("agenda__item--overdue"))
        XCTAssertTrue(overdue.contains("No record yet"), "training has none")
        XCTAssertFalse(overdue.contains("Self-checks"), "not overdue")
    }

    func testNextTwelveMonthsAreGroupedByMonthWithLinks() throws {
        let html = try page()
        let months = try section(html, from: "id=\"months-title\"", to: "id=\"later-title\"")
        let december = try XCTUnwrap(months.range(of: "December 2026"))
        let january = try XCTUnwrap(months.range(of: "January 2027"))
        let june = try XCTUnwrap(months.range(of: "June 2027"))
        XCTAssertLessThan(december.lowerBound, january.lowerBound)
        XCTAssertLessThan(january.lowerBound, june.lowerBound)
        // The self-check in December, with its last record linked; the document review in January.
        let decemberItems = String(months[december.upperBound..<january.lowerBound])
        XCTAssertTrue(decemberItems.contains("href=\"../records/self-check/index.html\">Self-checks</a>"), decemberItems)
        XCTAssertTrue(decemberItems.contains("href=\"../records/self-check/SC-2026-11.html\">SC-2026-11</a>"))
        XCTAssertTrue(decemberItems.contains("datetime=\"2026-12-05\">5 Dec 2026</time>"))
        XCTAssertTrue(decemberItems.contains("in 13 days"))
        XCTAssertTrue(decemberItems.contains("agenda__item--due-soon"))
        let januaryItems = String(months[january.upperBound..<june.lowerBound])
        XCTAssertTrue(januaryItems.contains("href=\"../documents/PR-01.html\"><span class=\"mono\">PR-01</span> Incident procedure</a>"))
        XCTAssertTrue(months.contains("Surveillance audit 2"))
        XCTAssertTrue(months.contains("href=\"../audits/index.html\""))
        XCTAssertFalse(months.contains("Recertification application"), "the window opens 2027-12-09, after 12 months")
        XCTAssertFalse(months.contains("June 2028"), "beyond 12 months")
        let later = try section(html, from: "id=\"later-title\"", to: "</section>")
        XCTAssertTrue(later.contains("Recertification application"))
        XCTAssertTrue(later.contains("apply between 9 Dec 2027 and 9 Mar 2028"))
        XCTAssertTrue(later.contains("opens in 382 days"))
        XCTAssertTrue(later.contains("Certificate expires"))
        XCTAssertTrue(later.contains("9 Jun 2028"))
    }

    func testLinksTheCalendarFileAndCountsEachState() throws {
        let html = try page()
        XCTAssertTrue(html.contains("href=\"calendar.ics\" type=\"text/calendar\" download>Download calendar.ics</a>"))
        let stats = try section(html, from: "calendar-stats", to: "</section>")
        XCTAssertTrue(stats.contains("<span class=\"stat__value\">4</span><span class=\"stat__label\">Overdue</span>"), stats)
        XCTAssertTrue(stats.contains("<span class=\"stat__value\">1</span><span class=\"stat__label\">Due within 30 days</span>"), stats)
    }

    func testAnOpenWindowIsListedThisMonthUntilItCloses() throws {
        let html = try XCTUnwrap(try Self.render(asOf: Day(iso: "2028-01-15")!)[PagePaths.calendarIndex])
        let months = try section(html, from: "id=\"months-title\"", to: "</section>")
        let january = try XCTUnwrap(months.range(of: "January 2028"), "the window opened in December and is listed now")
        let window = try XCTUnwrap(months.range(of: "Recertification application"))
        XCTAssertLessThan(january.upperBound, window.lowerBound)
        XCTAssertTrue(months.contains("window open until 9 Mar 2028"))
        XCTAssertTrue(months.contains("datetime=\"2027-12-09\""), "it keeps its real opening date")
    }

    func testContentIsEscaped() throws {
        let html = try page()
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("Fix A, B; C \\ D &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testChineseInterface() throws {
        let html = try page(language: .zhCN)
        XCTAssertTrue(html.contains("<h1>日历</h1>"))
        XCTAssertTrue(html.contains("2026年12月"), "month heading")
        XCTAssertTrue(html.contains("2026年12月5日"))
        XCTAssertTrue(html.contains("逾期 52 天"))
        XCTAssertTrue(html.contains("第 2 次监督审核"))
        XCTAssertTrue(html.contains("月度自查"), "the record type's Chinese title")
    }

    func testNothingOverdueSaysSo() throws {
        let config = Fixtures.minimalConfig + "\nschedules:\n  self-check: 1 month\n"
        let site = try AgendaFixtures.site(config: config, files: [
            "records/self-check/SC-2026-11.md": AgendaFixtures.selfCheck("SC-2026-11", "2026-11-05", period: "2026-11"),
        ])
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        let file = try XCTUnwrap(try SiteRenderer(theme: theme, asOf: AgendaFixtures.asOf).render(site)
            .first { $0.path == PagePaths.calendarIndex })
        let text = String(decoding: file.data, as: UTF8.self)
        XCTAssertTrue(text.contains("Nothing is overdue."))
        XCTAssertFalse(text.contains("id=\"later-title\""), "no later section when nothing is later")
    }
}
