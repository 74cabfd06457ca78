import Foundation
import XCTest
@testable import DossierKit

/// Opens the built demo in headless Chromium, as a person would: screenshots of the main page
/// families (kept in .build/screenshots/ for people to look at) and a search in the real browser.
final class BrowserTests: XCTestCase {
    nonisolated(unsafe) private static var site: URL?

    static let screenshots = URL(fileURLWithPath: Fixtures.repositoryRoot).appendingPathComponent(".build/screenshots")

    private func builtDemo() throws -> URL {
        if let site = Self.site { return site }
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Output")
        let result = try Pipeline.build(Pipeline.BuildOptions(root: Fixtures.repositoryRoot, output: output.path, asOf: Fixtures.demoAsOf))
        XCTAssertNotNil(result.written)
        Self.site = output
        return output
    }

    override class func tearDown() {
        if let site { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        super.tearDown()
    }

    private func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("chromium is not installed: `make test` installs it") }
        throw XCTSkip("chromium is not installed (make test installs it)")
    }

    private func run(_ arguments: [String]) throws -> String {
        let base = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                    "--disable-dev-shm-usage", "--user-data-dir=" + NSTemporaryDirectory() + "dossier-chromium-\(getpid())"]
        let result = try Subprocess.run(try chromium(), base + arguments)
        return result.output
    }

    /// Width and height from a PNG's IHDR chunk.
    private func pngSize(_ url: URL) throws -> (Int, Int) {
        let data = try Data(contentsOf: url)
        XCTAssertGreaterThan(data.count, 24)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "not a PNG")
        func int(_ offset: Int) -> Int { data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    private func screenshot(_ page: String, name: String, width: Int = 1280, height: Int = 1000) throws -> URL {
        let site = try builtDemo()
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path), "\(page) was not built")
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let target = Self.screenshots.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=" + target.path, site.appendingPathComponent(page).absoluteString])
        let (w, h) = try pngSize(target)
        XCTAssertEqual(w, width)
        XCTAssertEqual(h, height)
        // A blank or unstyled page compresses to almost nothing; a real page does not.
        XCTAssertGreaterThan(try Data(contentsOf: target).count, 30_000, "\(page) looks empty")
        return target
    }

    func testDashboardScreenshot() throws {
        _ = try screenshot("index.html", name: "dashboard.png")
    }

    func testClausePageScreenshot() throws {
        _ = try screenshot("clauses/iso20000-1/8.6.1.html", name: "clause-8.6.1.png")
    }

    func testKPIPageScreenshot() throws {
        _ = try screenshot("kpis/index.html", name: "kpis.png", height: 1400)
    }

    func testPrintManualScreenshot() throws {
        _ = try screenshot("print/manual.html", name: "print-manual.png")
    }

    func testNarrowScreenScreenshot() throws {
        _ = try screenshot("documents/PR-06.html", name: "procedure-390px.png", width: 390, height: 900)
    }

    func testSearchFindsAKnownRecordInTheBrowser() throws {
        let site = try builtDemo()
        var url = URLComponents(url: site.appendingPathComponent("search/index.html"), resolvingAgainstBaseURL: false)
        url?.queryItems = [URLQueryItem(name: "q", value: "存储控制器")]
        let page = try XCTUnwrap(url?.url?.absoluteString)
        let dom = try run(["--virtual-time-budget=5000", "--dump-dom", page])
        XCTAssertTrue(dom.contains("INC-2026-0031"), "searching 存储控制器 finds the July major incident")
        XCTAssertTrue(dom.contains("records/incident/INC-2026-0031.html"), "with a link to it")
    }
}
