import Foundation
import XCTest
@testable import DossierKit

/// No broken internal link anywhere in the built demo: every href and src of every page resolves to a
/// file of the site, and every #fragment to an element id of its target page.
final class SiteLinksTests: XCTestCase {
    func testDemoHasNoBrokenInternalLink() throws {
        let report = try SiteLinkChecker(root: try SiteDemoBuild.output()).check()
        XCTAssertGreaterThan(report.pages, 300, "every page of the demo was read")
        XCTAssertGreaterThan(report.links, 10_000, "links were found")
        XCTAssertGreaterThan(report.fragments, 100, "fragments were checked against ids")
        let shown = report.problems.prefix(60).map(\.description).joined(separator: "\n")
        XCTAssertTrue(report.problems.isEmpty, "\(report.problems.count) broken links:\n\(shown)")
    }

    func testDemoLinksToEveryPageFamily() throws {
        let output = try SiteDemoBuild.output()
        let files = Set(SiteDemoBuild.files(under: output))
        for page in [PagePaths.home, PagePaths.manualIndex, PagePaths.documentRegister, PagePaths.recordsIndex,
                     PagePaths.clausesIndex, PagePaths.auditsIndex, PagePaths.kpisIndex, PagePaths.calendarIndex,
                     PagePaths.searchIndex, PagePaths.printManual, PagePaths.printProcedures, PagePaths.dataExport] {
            XCTAssertTrue(files.contains(page), "\(page) is built")
        }
    }

    // The checker itself, on a small site with known faults.

    private func check(_ files: [String: String]) throws -> [SiteLinkChecker.Problem] {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(files, under: root)
        return try SiteLinkChecker(root: root).check().problems
    }

    func testCheckerAcceptsGoodLinks() throws {
        let problems = try check([
            "index.html": """
            <a href="docs/a.html#scope">a</a> <a href='docs/a.html'>a</a> <a href="#top">top</a> <a href="#">x</a>
            <a href="docs/a%20b.html">space</a> <a href="docs/a.html#2.1-%E7%9B%AE%E7%9A%84">zh</a>
            <a href="https://example.com/x#y">ext</a> <a href="mailto:a@b.c">mail</a> <img src="data:image/png;base64,AA">
            <a href="docs/a.html?x=1&amp;y=2#scope">query</a> <p id="top">
            <script>var s = '<a href="missing.html">';</script>
            """,
            "docs/a.html": #"<h2 id="scope">S</h2><h2 id="2.1-目的">P</h2><link rel="stylesheet" href="../style.css">"#,
            "docs/a b.html": "<p>x</p>",
            "style.css": #"body { background: url("img/bg.png"); } p { background: url(data:image/png;base64,AA); }"#,
            "img/bg.png": "png",
            "404.html": #"<head><base href="/"></head><a href="docs/a.html">a</a>"#,
        ])
        XCTAssertEqual(problems, [])
    }

    func testCheckerReportsMissingFilesFragmentsAndEscapes() throws {
        let problems = try check([
            "index.html": """
            <a href="docs/missing.html">m</a> <a href="docs/a.html#nowhere">f</a> <a href="#gone">g</a>
            <a href="../outside.html">o</a> <a href="/docs/a.html">abs</a> <img src="img/none.png" alt="">
            <a href="docs/">folder</a>
            """,
            "docs/a.html": #"<h2 id="scope">S</h2>"#,
            "style.css": "p { background: url(img/missing.png); }",
        ])
        XCTAssertEqual(problems.map(\.link), ["docs/missing.html", "docs/a.html#nowhere", "#gone", "../outside.html",
                                              "/docs/a.html", "docs/", "img/none.png", "img/missing.png"])
        XCTAssertTrue(problems[1].reason.contains("no element with id \"nowhere\""), problems[1].reason)
        XCTAssertTrue(problems[3].reason.contains("outside"), problems[3].reason)
        XCTAssertTrue(problems[4].reason.contains("absolute"), problems[4].reason)
    }
}
