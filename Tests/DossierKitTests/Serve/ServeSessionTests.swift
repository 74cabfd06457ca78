import XCTest
@testable import DossierKit
@testable import DossierServe

/// `serve` in-process on a free port of 127.0.0.1 against a small site in a temporary folder:
/// files, live reload, rebuilds on change and the last good site staying up when a build fails.
final class ServeSessionTests: XCTestCase {
    private var root: URL!
    private var session: ServeSession!
    private var client: HTTPTestClient!
    private let log = Log()

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.lock(); text += more; lock.unlock() }
        var all: String { lock.lock(); defer { lock.unlock() }; return text }
    }

    override func setUp() async throws {
        root = try Fixtures.smallSiteOnDisk()
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        let log = self.log
        // The watcher `dossier serve` uses (inotify on Linux).
        session = try ServeSession(output: options.output, port: 0, rebuilder: .full(options),
                                   watcher: .site(root: root.path)) { log.append($0) }
        let port = try await session.start()
        client = HTTPTestClient(port: port)
    }

    override func tearDown() async throws {
        await session?.stop()
        try? FileManager.default.removeItem(at: root)
    }

    private func editIncident(replacing old: String, with new: String) throws {
        let path = "Content/records/incident/INC-1.md"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        try Fixtures.write([path: text.replacingOccurrences(of: old, with: new)], under: root)
    }

    private func file(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent("Output/" + path)) }

    /// Polls until `builds` reaches `count` (a change is seen within ~150 ms; a build takes well under a second).
    private func waitForBuilds(_ count: Int, timeout: Double = 20) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while await session.builds < count {
            guard Date() < deadline else { return XCTFail("no build \(count) within \(timeout) s; log:\n\(log.all)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func testServesPagesWithTheScriptInjectedButNotOnDisk() throws {
        XCTAssertTrue(log.all.contains("0 errors"), log.all)
        let home = try client.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(home.headers["cache-control"], "no-store")
        XCTAssertTrue(home.text.contains("<script src=\"/__dossier/live.js\"></script></body>"), home.text)
        let disk = try file("index.html")
        XCTAssertFalse(String(decoding: disk, as: UTF8.self).contains("__dossier"), "the file on disk must stay as build writes it")
        XCTAssertEqual(home.body.count, disk.count + LiveReload.tag.count)

        let procedure = try client.get("/documents/PR-01.html")
        XCTAssertEqual(procedure.status, 200)
        XCTAssertTrue(procedure.text.contains("Incident procedure"))

        let css = try client.get("/assets/style.css")
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(css.body, try file("assets/style.css"), "only HTML gets the script")

        let json = try client.get("/data/dossier.json")
        XCTAssertEqual(json.headers["content-type"], "application/json; charset=utf-8")
        let ics = try client.get("/calendar/calendar.ics")
        XCTAssertEqual(ics.headers["content-type"], "text/calendar; charset=utf-8")

        let script = try client.get("/__dossier/live.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("EventSource"))
    }

    func testFoldersMissingPagesAndMethods() throws {
        let folder = try client.get("/documents/")
        XCTAssertEqual(folder.status, 200)
        XCTAssertEqual(folder.body, LiveReload.inject(into: try file("documents/index.html")))

        let bare = try client.get("/documents")
        XCTAssertEqual(bare.status, 301)
        XCTAssertEqual(bare.headers["location"], "/documents/")

        let missing = try client.get("/no/such/page.html")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.body, LiveReload.inject(into: try file("404.html")), "the site's own 404 page")

        let head = try client.request("/index.html", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body.count, 0)
        XCTAssertEqual(head.headers["content-length"], String(try file("index.html").count + LiveReload.tag.count))

        let post = try client.request("/index.html", method: "POST")
        XCTAssertEqual(post.status, 405)
    }

    func testPathsOutOfTheOutputFolderAreRefused() throws {
        // A secret beside the output folder, one level up: what a traversal would reach.
        try Data("TOP SECRET".utf8).write(to: root.appendingPathComponent("secret.txt"))
        for target in ["/../secret.txt", "/documents/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                       "/documents/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt",
                       "//../secret.txt", "/.dossier-output", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"] {
            let response = try client.get(target)
            XCTAssertTrue([400, 404].contains(response.status), "\(target) → \(response.status)")
            XCTAssertFalse(response.text.contains("TOP SECRET"), target)
            XCTAssertFalse(response.text.contains("root:"), target)
            XCTAssertFalse(response.text.contains("Generated by Dossier"), target)
        }
        // An absolute-form target names the same site, never a file of the machine.
        let absolute = try client.get("http://127.0.0.1/../secret.txt")
        XCTAssertFalse(absolute.text.contains("TOP SECRET"))
    }

    func testAChangedFileIsRebuiltAndOpenPagesAreToldToReload() async throws {
        let events = try client.openEvents()
        XCTAssertTrue(events.wait(for: "event: hello\ndata: 1\n"), events.received)
        XCTAssertTrue(events.received.contains("text/event-stream"), events.received)

        let path = "Content/procedures/PR-01.md"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        try Fixtures.write([path: text.replacingOccurrences(of: "title: Incident procedure", with: "title: Major incident procedure")], under: root)
        try await waitForBuilds(2)

        XCTAssertTrue(events.wait(for: "event: reload\ndata: 2\n"), events.received)
        XCTAssertTrue(log.all.contains("changed: Content/procedures/PR-01.md"), log.all)
        let page = try client.get("/documents/PR-01.html")
        XCTAssertTrue(page.text.contains("Major incident procedure"), "the new build is served")
    }

    func testTheEditedPageComesFirstAndIsKeptByTheBuild() async throws {
        let events = try client.openEvents()
        XCTAssertTrue(events.wait(for: "event: hello\ndata: 1\n"), events.received)
        try editIncident(replacing: "Mail server restarted.", with: "Mail relay replaced.")
        try await waitForBuilds(2)

        XCTAssertTrue(log.all.contains("page ready in "), log.all)
        XCTAssertTrue(events.wait(for: "event: pages\ndata: records/incident/INC-1.html\n"), events.received)
        // The build wrote the bytes shown ahead of it: that page need not reload again, the rest do.
        XCTAssertTrue(events.wait(for: "event: reload\ndata: 2\ndata: records/incident/INC-1.html\n"), events.received)
        let page = try client.get("/records/incident/INC-1.html")
        XCTAssertTrue(page.text.contains("Mail relay replaced."), page.text)
        XCTAssertEqual(page.body.count - LiveReload.tag.count, try file("records/incident/INC-1.html").count)
    }

    func testAPreviewedEditThatFailsTheBuildGoesBackToTheLastGoodPage() async throws {
        let before = try client.get("/records/incident/INC-1.html")
        let events = try client.openEvents()
        XCTAssertTrue(events.wait(for: "event: hello"), events.received)
        // Parses cleanly (so it is previewed) but fails validation: an unknown status.
        try editIncident(replacing: "status: closed", with: "status: finished")
        try await waitForBuilds(2)

        XCTAssertTrue(events.wait(for: "event: failed\n"), events.received)
        XCTAssertTrue(events.wait(for: "event: pages\n", times: 2), events.received)
        let afterFailure = events.after("event: failed\n")
        XCTAssertTrue(afterFailure.contains("event: pages\ndata: records/incident/INC-1.html\n"),
                      "the page shown ahead goes back: \(events.received)")
        XCTAssertEqual(try client.get("/records/incident/INC-1.html").body, before.body, "the last good page is served again")
    }

    func testAFailedBuildReachesThePageAndTheLastGoodSiteStays() async throws {
        let before = try client.get("/documents/PR-01.html")
        XCTAssertEqual(before.status, 200)
        let events = try client.openEvents()
        XCTAssertTrue(events.wait(for: "event: hello"), events.received)

        try Fixtures.write(["Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: root)
        try await waitForBuilds(2)

        XCTAssertTrue(events.wait(for: "[parse.yaml]"), events.received)
        let failure = events.after("event: failed\n")
        XCTAssertTrue(failure.contains("data: Content/policies/POL-1.md:"), failure)
        XCTAssertTrue(log.all.contains("Content/policies/POL-1.md:"), log.all)
        XCTAssertTrue(log.all.contains("build failed: still serving the last good site"), log.all)

        let after = try client.get("/documents/PR-01.html")
        XCTAssertEqual(after.status, 200)
        XCTAssertEqual(after.body, before.body, "the last good page is still served")
        XCTAssertEqual(try client.get("/documents/POL-1.html").status, 404)

        // A page opened now learns of the failure at once; fixing the file reloads it.
        let late = try client.openEvents()
        XCTAssertTrue(late.wait(for: "event: failed"), late.received)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/policies/POL-1.md"))
        try await waitForBuilds(3)
        XCTAssertTrue(late.wait(for: "event: reload\ndata: 2\n"), late.received)
    }

    func testABusyPortIsReportedClearly() async throws {
        let (socket, port) = try HTTPTestClient.occupyPort()
        defer { close(socket) }
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        let other = try ServeSession(output: options.output, port: port, rebuilder: .full(options),
                                     watcher: .site(root: root.path)) { _ in }
        do {
            _ = try await other.start()
            XCTFail("a second server started on a busy port")
        } catch let error as ServeError {
            XCTAssertEqual(error, .portInUse(port))
            XCTAssertTrue("\(error)".contains("--port"))
        }
        await other.stop()
    }
}

/// `serve --output` pointed at a folder Dossier did not make: the build refuses to write there,
/// and the server must not serve what is in it either.
final class ServeForeignOutputTests: XCTestCase {
    func testAFolderWithoutTheMarkerIsNeverServed() async throws {
        let root = try Fixtures.smallSiteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["private/index.html": "<body>PRIVATE</body>", "private/notes.txt": "PRIVATE"], under: root)
        let options = Pipeline.BuildOptions(root: root.path, output: root.appendingPathComponent("private").path, asOf: Fixtures.demoAsOf)
        let session = try ServeSession(output: options.output, port: 0, rebuilder: .full(options), watcher: .site(root: root.path)) { _ in }
        let client = HTTPTestClient(port: try await session.start())
        defer { Task { await session.stop() } }
        for target in ["/", "/index.html", "/notes.txt"] {
            let response = try client.get(target)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertFalse(response.text.contains("PRIVATE"), target)
        }
        let events = try client.openEvents()
        XCTAssertTrue(events.wait(for: "refusing to replace"), events.received)
        await session.stop()
    }
}
