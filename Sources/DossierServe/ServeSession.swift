import DossierKit
import Foundation

/// `dossier serve` as a whole: serve the output folder, build, then rebuild whenever the watched
/// files change, telling open pages to reload (or showing them what broke). A failed build writes
/// nothing, so the last good site stays served.
public actor ServeSession {
    public let events = BuildEvents()
    private let rebuilder: Rebuilder
    private let watcher: SiteWatcher
    private let server: PreviewServer
    private let pending = PendingPages()
    private let fileSystem: FileSystem
    private let output: String
    private let colour: Bool
    private let log: @Sendable (String) -> Void
    private var tasks: [Task<Void, Never>] = []
    /// Set by `stop()`: a first build that ends after it starts no watching.
    private var stopping = false
    /// Builds run so far (the first one included); tests wait on it.
    public private(set) var builds = 0

    /// `log` gets the terminal's text (one or more whole lines at a time).
    public init(output: String, port: UInt16, rebuilder: Rebuilder, watcher: SiteWatcher,
                colour: Bool = false, fileSystem: FileSystem = .local, log: @escaping @Sendable (String) -> Void) throws {
        self.rebuilder = rebuilder
        self.watcher = watcher
        self.output = output
        self.colour = colour
        self.log = log
        self.fileSystem = fileSystem
        server = try PreviewServer(output: output, port: port, events: events, pending: pending, fileSystem: fileSystem)
    }

    /// Listens (so a port in use is reported before any work), builds once, then watches in the
    /// background. Returns the port. Throws `ServeError` when the port cannot be used.
    public func start() async throws -> UInt16 {
        let port = try await server.start()
        log("serving \(output) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        // The snapshot comes before the build, so an edit made during the build is seen after it.
        let baseline = watcher.snapshot()
        // A task `stop()` can wait for: Ctrl-C during the first build lets it finish its swap and its
        // report rather than exiting under it.
        let first = Task { await self.build(changed: []) }
        tasks.append(first)
        await first.value
        guard !stopping else { return port }
        tasks.append(Task { await self.watch(from: baseline) })
        tasks.append(Task { await self.keepAlive() })
        return port
    }

    /// Lets a build in progress finish (its report included), stops watching, ends the event streams
    /// and closes the server.
    public func stop() async {
        stopping = true
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        tasks = []
        await events.finish()
        await server.stop()
    }

    private func watch(from baseline: TreeSnapshot) async {
        var baseline = baseline
        while !Task.isCancelled {
            guard let change = try? await watcher.nextChange(after: baseline) else { return }
            baseline = change.snapshot
            log("changed: \(Self.summary(change.changed))\n")
            await build(changed: change.changed)
        }
    }

    /// Shows the edited files' pages first when it can (`PagePreview`, from memory, in milliseconds),
    /// then builds: the whole site is checked and written as `dossier build --incremental` would.
    private func build(changed: [String]) async {
        let rebuilder = self.rebuilder
        let clock = ContinuousClock()
        let start = clock.now
        // The pipeline is synchronous and CPU-bound: it runs on a thread of its own so the server
        // keeps answering (with the last good site) while it works.
        if !changed.isEmpty, let pages = await Self.offMain({ rebuilder.preview(changed) }) {
            pending.show(pages)
            log("page ready in \(Self.milliseconds(start.duration(to: clock.now))) ms: \(Self.summary(pages.map(\.path)))\n")
            await events.changed(pages.map(\.path))
        }
        let outcome = await Self.offMain { rebuilder.run(changed: changed) }
        builds += 1
        log(outcome.terminalText(output: output, colour: colour) + "built in \(Self.milliseconds(start.duration(to: clock.now))) ms\n")
        let shown = pending.clear()
        if let text = outcome.pageText {
            await events.failed(text)
            // Pages shown ahead of the build go back to the last good site, under the report.
            await events.changed(shown.keys.sorted())
        } else {
            await events.built(keeping: shown.filter { path, data in
                (try? fileSystem.read(output + "/" + path)) == data
            }.keys.sorted())
        }
    }

    private static func offMain<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// A comment on the event streams now and then, so connections to closed pages are noticed.
    private func keepAlive() async {
        while !Task.isCancelled {
            guard (try? await Task.sleep(for: .seconds(15))) != nil else { return }
            await events.ping()
        }
    }

    /// `Content/a.md, Content/b.md and 3 more`.
    static func summary(_ paths: [String]) -> String {
        let shown = paths.prefix(3).joined(separator: ", ")
        return paths.count > 3 ? "\(shown) and \(paths.count - 3) more" : shown
    }
}
