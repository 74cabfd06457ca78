import XCTest
@testable import DossierServe

final class SiteWatcherTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.smallSiteOnDisk() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testSnapshotCoversConfigContentAndThemesButNotHiddenFilesOrOutput() throws {
        try Fixtures.write(["Themes/default/assets/extra.css": "a{}", "Content/procedures/.PR-01.md.swp": "x",
                            "Content/procedures/PR-01.md~": "x", "Output/index.html": "x", "notes.txt": "x"], under: root)
        let paths = Set(TreeSnapshot.take(root: root.path).stamps.keys)
        XCTAssertTrue(paths.isSuperset(of: ["dossier.yml", "Content", "Content/procedures/PR-01.md",
                                            "Content/records/incident/INC-1.md", "Themes/default/assets/extra.css"]), "\(paths)")
        XCTAssertFalse(paths.contains { $0.contains(".swp") || $0.hasSuffix("~") || $0.hasPrefix("Output") || $0 == "notes.txt" }, "\(paths)")
    }

    func testChangesListAddedChangedAndRemovedFiles() throws {
        let before = TreeSnapshot.take(root: root.path)
        try Fixtures.write(["Content/procedures/PR-02.md": "new", "Content/procedures/PR-01.md": "changed, and longer than before"], under: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/records/incident/INC-1.md"))
        let after = TreeSnapshot.take(root: root.path)
        XCTAssertEqual(after.changes(since: before),
                       ["Content/procedures/PR-01.md", "Content/procedures/PR-02.md", "Content/records/incident/INC-1.md"])
        XCTAssertEqual(after.changes(since: after), [])
    }

    func testAnEmptyNewFolderStillCountsAsAChange() throws {
        let before = TreeSnapshot.take(root: root.path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/policies"), withIntermediateDirectories: true)
        let after = TreeSnapshot.take(root: root.path)
        XCTAssertTrue(after.changes(since: before).contains("Content/policies"))
    }

    /// Snapshots handed out in order, the last one repeated.
    private final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var snapshots: [TreeSnapshot]
        private(set) var taken = 0
        init(_ snapshots: [TreeSnapshot]) { self.snapshots = snapshots }
        func next() -> TreeSnapshot {
            lock.lock(); defer { lock.unlock() }
            taken += 1
            return snapshots.count > 1 ? snapshots.removeFirst() : snapshots[0]
        }
    }

    private func tree(_ files: [String: Int64]) -> TreeSnapshot {
        TreeSnapshot(stamps: files.mapValues { TreeSnapshot.Stamp(size: $0, modified: $0, isDirectory: false) })
    }

    func testABurstOfWritesBecomesOneChange() async throws {
        let base = tree(["a.md": 1])
        // Unchanged twice, then three saves in a row, then quiet.
        let script = Script([base, base, tree(["a.md": 2]), tree(["a.md": 2, "b.md": 1]), tree(["a.md": 3, "b.md": 1])])
        let watcher = SiteWatcher(interval: .milliseconds(1), quiet: .milliseconds(1), longestWait: .seconds(10)) { script.next() }
        let change = try await watcher.nextChange(after: base)
        XCTAssertEqual(change.changed, ["a.md", "b.md"])
        XCTAssertEqual(change.snapshot, tree(["a.md": 3, "b.md": 1]))
    }

    func testABurstThatEndsWhereItStartedIsNoChange() async throws {
        let base = tree(["a.md": 1])
        let script = Script([tree(["a.md": 1, "tmp.md": 1]), base, base, tree(["a.md": 5])])
        let watcher = SiteWatcher(interval: .milliseconds(1), quiet: .milliseconds(1)) { script.next() }
        let change = try await watcher.nextChange(after: base)
        XCTAssertEqual(change.changed, ["a.md"])
    }

    func testWatchingStopsWhenCancelled() async throws {
        let base = tree(["a.md": 1])
        let watcher = SiteWatcher(interval: .milliseconds(1)) { base }
        let task = Task { try await watcher.nextChange(after: base) }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled watcher returned a change")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }
}

#if os(Linux)
/// inotify as the watcher's wake-up signal, on a real folder.
final class ChangeSignalTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.smallSiteOnDisk() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testWritesAnywhereInTheTreeRaiseTheSignal() throws {
        let signal = try XCTUnwrap(ChangeSignal.make(root: root.path))
        XCTAssertTrue(signal.watch(TreeSnapshot.take(root: root.path)))
        XCTAssertFalse(signal.drain(), "nothing happened yet")

        try Fixtures.write(["Content/records/incident/INC-2.md": "x"], under: root)
        XCTAssertTrue(signal.drain())
        XCTAssertFalse(signal.drain(), "drain() reads the events once")

        try Fixtures.write(["dossier.yml": "changed"], under: root)
        XCTAssertTrue(signal.drain(), "the config in the root")

        // A new folder is watched once a snapshot has seen it.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/policies/2026"), withIntermediateDirectories: true)
        XCTAssertTrue(signal.drain())
        signal.watch(TreeSnapshot.take(root: root.path))
        try Fixtures.write(["Content/policies/2026/POL-1.md": "x"], under: root)
        XCTAssertTrue(signal.drain())

        // A folder removed and made again is watched again.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/policies/2026"))
        XCTAssertTrue(signal.drain())
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/policies/2026"), withIntermediateDirectories: true)
        _ = signal.drain()
        signal.watch(TreeSnapshot.take(root: root.path))
        try Fixtures.write(["Content/policies/2026/POL-2.md": "x"], under: root)
        XCTAssertTrue(signal.drain())
    }

    func testTheWatcherWakesOnTheSignalWithoutWaitingForTheBackstop() async throws {
        let path = root.path
        let signal = try XCTUnwrap(ChangeSignal.make(root: path))
        // Polling and the backstop at ten minutes: only the signal can end this wait within the test's timeout.
        var configured = SiteWatcher(interval: .seconds(600), quiet: .milliseconds(20), signal: signal,
                                     backstop: .seconds(600)) { TreeSnapshot.take(root: path) }
        configured.signalCheck = .milliseconds(10)
        let watcher = configured
        let baseline = TreeSnapshot.take(root: path)
        let root = self.root!
        let change = try await withThrowingTaskGroup(of: [String]?.self) { group in
            group.addTask { try await watcher.nextChange(after: baseline).changed }
            group.addTask {
                try await Task.sleep(for: .milliseconds(100))
                try Fixtures.write(["Content/procedures/PR-02.md": "new"], under: root)
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        XCTAssertEqual(change, ["Content/procedures/PR-02.md"])
    }
}
#endif
