import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size, modification time and kind of every file and folder `serve` watches: `dossier.yml`,
/// `Content/` and `Themes/` of the site root. Keys are paths relative to the root.
///
/// Polling this snapshot was chosen over inotify: it works the same on Linux and macOS, needs no
/// watch per folder (new folders are seen without re-registering), and cannot overflow an event
/// queue. Hidden names are skipped, as the loader skips them, so editors' swap files do not
/// trigger builds. Symbolic links are stat'ed, not followed.
public struct TreeSnapshot: Equatable, Sendable {
    public struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64  // nanoseconds since 1970
        var isDirectory: Bool
    }

    public var stamps: [String: Stamp]

    public init(stamps: [String: Stamp] = [:]) { self.stamps = stamps }

    /// The places under a site root that `serve` watches.
    public static let watched = ["dossier.yml", "Content", "Themes"]

    public static func take(root: String, watched: [String] = watched) -> TreeSnapshot {
        var stamps: [String: Stamp] = [:]
        let base = root.isEmpty ? "." : root
        for name in watched { walk(base: base, relative: name, into: &stamps) }
        return TreeSnapshot(stamps: stamps)
    }

    private static func walk(base: String, relative: String, into stamps: inout [String: Stamp]) {
        let path = base + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        stamps[relative] = Stamp(size: Int64(info.st_size), modified: modifiedNanoseconds(info), isDirectory: isDirectory)
        guard isDirectory else { return }
        for name in names(in: path) where !name.hasPrefix(".") && !name.hasSuffix("~") {
            walk(base: base, relative: relative + "/" + name, into: &stamps)
        }
    }

    /// The names in a folder, straight from readdir (FileManager costs several times as much, and
    /// this runs over every file a few times a second).
    private static func names(in path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func modifiedNanoseconds(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        return Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// Paths added, removed or changed since `old`, sorted. A folder's own stamp changes when
    /// names come and go inside it; only files are reported, the files themselves say what changed.
    public func changes(since old: TreeSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in stamps where old.stamps[path] != stamp && !stamp.isDirectory { changed.append(path) }
        for (path, stamp) in old.stamps where stamps[path] == nil && !stamp.isDirectory { changed.append(path) }
        if changed.isEmpty && self != old {
            // Only folders changed (an empty folder made or removed): still worth a build.
            for (path, stamp) in stamps where old.stamps[path] != stamp { changed.append(path) }
            for path in old.stamps.keys where stamps[path] == nil { changed.append(path) }
        }
        return changed.sorted()
    }
}

/// Waits for the watched files to change and settle. An editor saving writes several files (or
/// one file several times) in a burst: the watcher waits until a snapshot stays the same for one
/// quiet period before it reports, so the burst becomes one build.
///
/// With a `ChangeSignal` (inotify on Linux), checked every `signalCheck`, a snapshot is taken only
/// after a signal, or after `backstop` without one; without a signal (or when it cannot watch every
/// folder), every `interval`.
public struct SiteWatcher: Sendable {
    public var interval: Duration
    public var signalCheck: Duration = .milliseconds(50)
    public var quiet: Duration
    /// The longest a burst may delay a build (a tool that writes files without pause).
    public var longestWait: Duration
    public var snapshot: @Sendable () -> TreeSnapshot
    public var signal: ChangeSignal?
    public var backstop: Duration

    public init(interval: Duration = .milliseconds(250), quiet: Duration = .milliseconds(100),
                longestWait: Duration = .seconds(2), signal: ChangeSignal? = nil, backstop: Duration = .seconds(2),
                snapshot: @escaping @Sendable () -> TreeSnapshot) {
        self.interval = interval
        self.quiet = quiet
        self.longestWait = longestWait
        self.signal = signal
        self.backstop = backstop
        self.snapshot = snapshot
    }

    /// The watcher `serve` uses: inotify where there is one, else a snapshot every 250 ms.
    public static func site(root: String) -> SiteWatcher {
        SiteWatcher(signal: ChangeSignal.make(root: root)) { TreeSnapshot.take(root: root) }
    }

    /// Suspends until the tree differs from `baseline` and has settled; returns the new snapshot
    /// and the changed paths. Throws `CancellationError` when the task is cancelled.
    public func nextChange(after baseline: TreeSnapshot) async throws -> (snapshot: TreeSnapshot, changed: [String]) {
        let clock = ContinuousClock()
        var polling = signal.map { !$0.watch(baseline) } ?? true
        var taken = clock.now
        while true {
            var current = baseline
            while current == baseline {
                try await Task.sleep(for: polling ? interval : signalCheck)
                // No event and a recent snapshot: nothing to look at yet.
                if !polling, let signal, !signal.drain(), taken.duration(to: clock.now) < backstop { continue }
                current = snapshot()
                taken = clock.now
                if let signal, !signal.watch(current) { polling = true }
            }
            let deadline = clock.now.advanced(by: longestWait)
            while clock.now < deadline {
                try await Task.sleep(for: quiet)
                // Drained before the snapshot: an event after it stays queued for the next wait.
                _ = signal?.drain()
                let again = snapshot()
                if again == current { break }
                current = again
            }
            signal?.watch(current)
            // A burst that ends where it started (a file made and removed again) is no change.
            if current != baseline { return (current, current.changes(since: baseline)) }
        }
    }
}
