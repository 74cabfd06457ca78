import XCTest
@testable import DossierServe

final class LiveReloadTests: XCTestCase {
    private func inject(_ html: String) -> String {
        String(decoding: LiveReload.inject(into: Data(html.utf8)), as: UTF8.self)
    }

    func testScriptGoesBeforeTheLastClosingBody() {
        let html = "<html><body><p>a</p><!-- </body> in a comment --></body></html>"
        XCTAssertEqual(inject(html),
                       "<html><body><p>a</p><!-- </body> in a comment --><script src=\"/__dossier/live.js\"></script></body></html>")
    }

    func testClosingBodyInCapitalsIsFound() {
        XCTAssertEqual(inject("<BODY>x</BODY>\n"), "<BODY>x<script src=\"/__dossier/live.js\"></script></BODY>\n")
    }

    func testPageWithoutBodyGetsTheScriptAtTheEnd() {
        XCTAssertEqual(inject("<p>fragment"), "<p>fragment<script src=\"/__dossier/live.js\"></script>")
        XCTAssertEqual(inject(""), "<script src=\"/__dossier/live.js\"></script>")
    }

    func testNonASCIIPagesKeepTheirBytes() {
        let html = "<body>杭州云帆 — ünïcode</body>"
        XCTAssertEqual(inject(html), "<body>杭州云帆 — ünïcode<script src=\"/__dossier/live.js\"></script></body>")
    }

    func testScriptShowsFailuresAsTextNeverAsHTML() {
        XCTAssertTrue(LiveReload.script.contains("textContent = text"))
        XCTAssertFalse(LiveReload.script.contains("innerHTML"))
        XCTAssertTrue(LiveReload.script.contains("new EventSource(\"/__dossier/events\")"))
    }

    func testContentTypes() {
        XCTAssertEqual(ContentTypes.forPath("index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("assets/style.css"), "text/css; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("assets/search.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("kpis/chart.SVG"), "image/svg+xml")
        XCTAssertEqual(ContentTypes.forPath("data/dossier.json"), "application/json; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("calendar/calendar.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("attachments/a.png"), "image/png")
        XCTAssertEqual(ContentTypes.forPath("attachments/a.pdf"), "application/pdf")
        XCTAssertEqual(ContentTypes.forPath("attachments/LICENSE"), "application/octet-stream")
        XCTAssertEqual(ContentTypes.forPath("attachments/.env"), "application/octet-stream")
    }
}
