import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the watcher that something under the watched folders may have changed, so it takes a
/// snapshot only then instead of several times a second (a snapshot of a 10k-file site costs
/// ~20 ms; checking this signal costs one system call). On Linux it is inotify, used only as a
/// wake-up: what changed is still decided by comparing snapshots, so a missed or coalesced event
/// (queue overflow, network file systems) costs at most the watcher's backstop delay, never a
/// wrong build. Elsewhere `make` returns nil and the watcher polls.
public final class ChangeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private let root: String
    /// Watch descriptor → folder (relative to the root, "" for the root itself), and back.
    private var folders: [Int32: String] = [:]
    private var watched: [String: Int32] = [:]

    #if os(Linux)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR)
    #endif

    private init(descriptor: Int32, root: String) {
        self.descriptor = descriptor
        self.root = root.isEmpty ? "." : root
    }

    /// A signal for the site at `root`, or nil where inotify is not available.
    public static func make(root: String) -> ChangeSignal? {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let signal = ChangeSignal(descriptor: descriptor, root: root)
        // The root itself, for dossier.yml and for Content/ or Themes/ being made or replaced.
        guard signal.add("") else { return nil }
        return signal
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Watches every folder of `snapshot` not watched yet (new folders appear in snapshots).
    /// Returns false when a watch could not be added (the system's watch limit): the caller then
    /// falls back to polling.
    @discardableResult
    public func watch(_ snapshot: TreeSnapshot) -> Bool {
        var ok = true
        for (path, stamp) in snapshot.stamps where stamp.isDirectory {
            if !add(path) { ok = false }
        }
        return ok
    }

    private func add(_ relative: String) -> Bool {
        #if os(Linux)
        lock.lock()
        defer { lock.unlock() }
        if watched[relative] != nil { return true }
        let path = relative.isEmpty ? root : root + "/" + relative
        let descriptor = inotify_add_watch(self.descriptor, path, Self.mask)
        // A folder removed since the snapshot is no failure: it is simply not there to watch.
        guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        folders[descriptor] = relative
        watched[relative] = descriptor
        return true
        #else
        return false
        #endif
    }

    /// True when events arrived since the last call (reading them all). Never blocks.
    public func drain() -> Bool {
        #if os(Linux)
        lock.lock()
        defer { lock.unlock() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            // A watch the kernel dropped (its folder was removed) must be added again if the
            // folder comes back: forget it.
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                if mask & UInt32(IN_IGNORED) != 0, let folder = folders.removeValue(forKey: wd) {
                    watched[folder] = nil
                }
                offset += MemoryLayout<inotify_event>.size + length
            }
        }
        return any
        #else
        return false
        #endif
    }
}
