import XCTest
@testable import DossierKit
@testable import DossierServe

/// Live reload in a real browser: headless Chromium on a page of `serve`, a file broken and fixed.
final class LiveReloadBrowserTests: XCTestCase {
    private func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("chromium is not installed: `make test` installs it") }
        throw XCTSkip("chromium is not installed (make test installs it)")
    }

    /// Runs `body` with a browser and `serve` on a small site on disk, and stops both after it.
    private func withServe(_ body: (DevToolsPipe, ServeSession, UInt16, URL) async throws -> Void) async throws {
        let browser = try DevToolsPipe(chromium: try chromium())
        let root = try Fixtures.smallSiteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        let serve = try ServeSession(output: options.output, port: 0, rebuilder: .full(options), watcher: .site(root: root.path)) { _ in }
        let port = try await serve.start()
        do {
            try await body(browser, serve, port, root)
        } catch {
            await serve.stop()
            throw error
        }
        await serve.stop()
    }

    func testAFailureIsLaidOverThePageAsTextAndTheFixReloadsIt() async throws {
        try await withServe { browser, serve, port, root in
            let page = try browser.open("http://127.0.0.1:\(port)/documents/PR-01.html")
            XCTAssertTrue(try browser.waitUntil("document.readyState === 'complete' && document.title.includes('PR-01')", in: page))
            // Wait until the page is listening, then mark it: a reload forgets the mark.
            let listening = try await waitForSubscribers(serve, count: 1)
            XCTAssertTrue(listening, "the page never opened the event stream")
            _ = try browser.evaluate("window.dossierMark = 1", in: page)

            // The report quotes the bad value: markup that would run if the overlay parsed it as HTML.
            let broken = "---\nid: POL-1\ntitle: Policy\nstatus: \"<img src=x onerror=window.injected=1>\"\n---\n"
            try Fixtures.write(["Content/policies/POL-1.md": broken], under: root)
            XCTAssertTrue(try browser.waitUntil(
                "!!document.getElementById('dossier-build-error') && document.getElementById('dossier-build-error').textContent.includes('[schema.enum]')",
                in: page), "no overlay with the build failure")
            let text = try browser.evaluate("document.getElementById('dossier-build-error').textContent", in: page) as? String ?? ""
            XCTAssertTrue(text.contains("'<img src=x onerror=window.injected=1>'"), text)
            XCTAssertTrue(text.contains("Content/policies/POL-1.md:"), text)
            XCTAssertEqual(try browser.evaluate("document.querySelectorAll('#dossier-build-error img').length", in: page) as? Int, 0,
                           "the report is text, never markup")
            XCTAssertNil(try browser.evaluate("window.injected", in: page))
            XCTAssertEqual(try browser.evaluate("window.dossierMark", in: page) as? Int, 1, "a failed build does not reload the page")

            try FileManager.default.removeItem(at: root.appendingPathComponent("Content/policies/POL-1.md"))
            XCTAssertTrue(try browser.waitUntil(
                "window.dossierMark === undefined && document.readyState === 'complete' && !document.getElementById('dossier-build-error')",
                in: page), "the fixed build did not reload the page")
        }
    }

    func testTheEditedPageReloadsOnceAndOtherPagesWithTheBuild() async throws {
        try await withServe { browser, serve, port, root in
            let edited = try browser.open("http://127.0.0.1:\(port)/records/incident/INC-1.html")
            let other = try browser.open("http://127.0.0.1:\(port)/documents/PR-01.html")
            for page in [edited, other] {
                XCTAssertTrue(try browser.waitUntil("document.readyState === 'complete'", in: page))
            }
            let listening = try await waitForSubscribers(serve, count: 2)
            XCTAssertTrue(listening, "the pages never opened the event stream")
            for page in [edited, other] { _ = try browser.evaluate("window.dossierMark = 1", in: page) }

            let path = "Content/records/incident/INC-1.md"
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            try Fixtures.write([path: text.replacingOccurrences(of: "Mail server restarted.", with: "Mail relay replaced.")], under: root)
            // The edited page reloads with the new text (shown ahead of the build) ...
            XCTAssertTrue(try browser.waitUntil(
                "window.dossierMark === undefined && document.readyState === 'complete' && document.body.textContent.includes('Mail relay replaced.')",
                in: edited), "the edited page did not reload")
            _ = try browser.evaluate("window.dossierMark = 2", in: edited)
            // ... the other page reloads when the build is in place ...
            XCTAssertTrue(try browser.waitUntil("window.dossierMark === undefined && document.readyState === 'complete'", in: other),
                          "the build did not reload the other page")
            let built = try await waitForBuilds(serve, count: 2)
            XCTAssertTrue(built)
            // ... and the edited page, which already shows that build, is not reloaded a second time.
            try await Task.sleep(for: .milliseconds(500))
            XCTAssertEqual(try browser.evaluate("window.dossierMark", in: edited) as? Int, 2, "the edited page reloaded twice")
        }
    }

    private func waitForBuilds(_ serve: ServeSession, count: Int) async throws -> Bool {
        for _ in 0..<400 {
            if await serve.builds >= count { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    private func waitForSubscribers(_ serve: ServeSession, count: Int) async throws -> Bool {
        for _ in 0..<400 {
            if await serve.events.subscriberCount >= count { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
