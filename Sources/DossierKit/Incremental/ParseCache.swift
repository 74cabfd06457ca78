import Foundation

/// Parsed files kept between builds of one process (`serve`): a file whose bytes did not change is
/// not parsed again. Keyed by path and content fingerprint, and by everything else a file's parse
/// depends on (the config text, which defines the types, and whether bodies are rendered); when that
/// changes, the cache starts afresh. Thread-safe: files are parsed in parallel.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var key = ""
    private var results: [String: (content: String, result: EntryParser.Result)] = [:]
    /// Parses the last build did not need (for tests and `--verbose`).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// Starts a build: forgets everything if `key` differs from the last build's.
    func begin(key: String) {
        lock.withLock {
            if key != self.key { results = [:] }
            self.key = key
            hits = 0
            misses = 0
        }
    }

    func result(for path: String, content: String) -> EntryParser.Result? {
        lock.withLock {
            guard let cached = results[path], cached.content == content else { misses += 1; return nil }
            hits += 1
            return cached.result
        }
    }

    func store(_ result: EntryParser.Result, for path: String, content: String) {
        lock.withLock { results[path] = (content, result) }
    }

    /// Drops files that are gone, so the cache holds one site.
    func keep(only paths: Set<String>) {
        lock.withLock { results = results.filter { paths.contains($0.key) } }
    }
}
