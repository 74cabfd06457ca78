import XCTest
@testable import DossierKit
@testable import DossierServe

/// Ctrl-C while `serve` builds: the build finishes, swap and report included, before the session
/// stops, and no watching starts after it.
final class ServeStopTests: XCTestCase {
    func testStoppingDuringTheFirstBuildLetsItFinishAndReport() async throws {
        let root = try Fixtures.smallSiteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        let entered = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let full = Rebuilder.full(options)
        // The first build waits at the gate, so `stop()` surely arrives while it runs.
        let gated = Rebuilder(rebuild: { changed in
            entered.signal()
            gate.wait()
            return try full.rebuild(changed)
        })
        let log = ServeSessionTests.Log()
        let session = try ServeSession(output: options.output, port: 0, rebuilder: gated,
                                       watcher: .site(root: root.path)) { log.append($0) }
        let started = Task { try await session.start() }
        await Self.waitOffThePool(entered)

        let stopped = Task { await session.stop(); return log.all }
        try await Task.sleep(for: .milliseconds(100))
        gate.signal()
        let logAtStop = await stopped.value
        XCTAssertTrue(logAtStop.contains("wrote "), "stop() returned before the build's report:\n\(logAtStop)")
        _ = try await started.value
        XCTAssertTrue(FileManager.default.fileExists(atPath: options.output + "/index.html"), "the build was not finished")

        // Stopped means stopped: an edit now starts no second build.
        try Fixtures.write(["Content/policies/POL-2.md": "---\nid: POL-2\ntitle: Late\n---\n"], under: root)
        try await Task.sleep(for: .milliseconds(600))
        let builds = await session.builds
        XCTAssertEqual(builds, 1)
    }

    /// A blocking wait on a dispatch thread, so the test's async tasks keep running.
    private static func waitOffThePool(_ semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                semaphore.wait()
                continuation.resume()
            }
        }
    }
}
