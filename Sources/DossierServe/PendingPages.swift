import DossierKit
import Foundation

/// Pages shown before the build that will write them has finished: the edited files' pages that
/// `PagePreview` rendered in milliseconds. The server answers with these instead of the files on
/// disk until the build ends; then they are dropped (a good build has written the same bytes, a
/// failed one leaves the last good site, which is what must be shown then). Shared by the session,
/// which sets them, and the request handlers, which read them.
final class PendingPages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: Data] = [:]

    func show(_ files: [OutputFile]) {
        lock.withLock { for file in files { pages[file.path] = file.data } }
    }

    func page(_ path: String) -> Data? {
        lock.withLock { pages[path] }
    }

    /// Drops every page; returns them (path → bytes shown).
    @discardableResult
    func clear() -> [String: Data] {
        lock.withLock {
            defer { pages = [:] }
            return pages
        }
    }
}
