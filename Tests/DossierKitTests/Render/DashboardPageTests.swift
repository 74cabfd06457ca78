import XCTest
@testable import DossierKit

final class DashboardPageTests: XCTestCase {
    static let config = Fixtures.minimalConfig + """

    standards: [iso10002]
    certifications:
      - { standard: iso10002, body: "Cert <Body>", number: C-1, issued: 2025-01-10, expires: 2028-01-09 }
    """

    static let overdueNC = """
    ---
    id: NC-1
    title: Callbacks <not> made
    found_on: 2026-09-01
    source: PR-01
    clause: iso10002:7.4
    severity: major
    description: Two callbacks missed.
    owner: Bob
    due: 2026-10-01
    status: open
    ---
    """

    static let surveillance = """
    ---
    id: EA-1
    date: 2025-12-20
    body: Cert Body
    kind: surveillance
    standard: iso10002
    result: maintained
    ---
    """

    private func dashboard(diagnostics: [Diagnostic] = []) throws -> String {
        let fs = Fixtures.memorySite(config: Self.config, files: [
            "procedures/PR-01.md": Fixtures.procedure,
            "records/nonconformity/NC-1.md": Self.overdueNC,
            "records/external-audit/EA-1.md": Self.surveillance,
        ])
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site, diagnostics: diagnostics)
        let index = try XCTUnwrap(files.first { $0.path == "index.html" })
        return String(decoding: index.data, as: UTF8.self)
    }

    func testShowsReadinessOfEachApplicableStandard() throws {
        let html = try dashboard()
        XCTAssertTrue(html.contains("Readiness per standard"))
        XCTAssertTrue(html.contains("ISO 10002:2018"))
        XCTAssertTrue(html.contains("href=\"clauses/iso10002/index.html\""))
        XCTAssertTrue(html.contains("stackbar__seg--missing"), "a bare site misses most of ISO 10002")
    }

    func testCountsOpenOverdueAndMajorNonconformities() throws {
        let html = try dashboard()
        XCTAssertTrue(html.contains("Callbacks &lt;not&gt; made"), "titles are escaped")
        XCTAssertFalse(html.contains("Callbacks <not>"))
        XCTAssertTrue(html.contains("mini mini--bad\"><span class=\"mini__value\">1</span> <span class=\"mini__label\">overdue"))
        XCTAssertTrue(html.contains("<span class=\"mini__value\">1</span> <span class=\"mini__label\">major open"))
    }

    func testCertificateTimelineMarksDoneAndDueAudits() throws {
        let html = try dashboard()
        XCTAssertTrue(html.contains("Cert &lt;Body&gt;"))
        XCTAssertTrue(html.contains("timeline__step--done\"><span class=\"timeline__label\">Surveillance 1</span>"))
        XCTAssertTrue(html.contains("href=\"records/external-audit/EA-1.html\""))
        XCTAssertTrue(html.contains("timeline__step--due\"><span class=\"timeline__label\">Surveillance 2</span>"))
        XCTAssertTrue(html.contains("due 10 Jan 2027"))
    }

    func testListsTheBuildsFindings() throws {
        let clean = try dashboard()
        XCTAssertTrue(clean.contains("No findings"))
        let warning = Rules.docReviewDue.diagnostic("review of PR-01 is due soon", at: SourceLocation(path: "Content/procedures/PR-01.md", line: 9))
        let html = try dashboard(diagnostics: [warning])
        XCTAssertTrue(html.contains("1 warnings"))
        XCTAssertFalse(html.contains("0 errors"), "zero counts are not shown")
        XCTAssertTrue(html.contains("href=\"documents/PR-01.html\" class=\"mono\">Content/procedures/PR-01.md:9</a>"))
    }
}
