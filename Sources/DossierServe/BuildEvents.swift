import Foundation

/// What the open pages are told.
public enum BuildEvent: Equatable, Sendable {
    /// Sent first on every connection: the generation of the site being served.
    case hello(generation: Int)
    /// A new build is in place. Pages at `keeping` (site-relative paths) already show it: they
    /// were shown ahead of the build (`pages`) and the build wrote the same bytes.
    case reload(generation: Int, keeping: [String] = [])
    /// The pages at these paths changed ahead of the build (the edited files' pages): a page showing
    /// one of them reloads.
    case pages([String])
    /// The last build failed; the text is its report, shown over the page.
    case failed(String)
    /// Keeps idle connections open through proxies and finds closed ones.
    case ping

    /// The event in the Server-Sent Events wire format. Every line of the text becomes a `data:`
    /// line (the browser joins them with newlines), so no text can end an event early or
    /// start another.
    var serverSentEvent: String {
        switch self {
        case let .hello(generation): return "event: hello\ndata: \(generation)\n\n"
        case let .reload(generation, keeping):
            return "event: reload\ndata: \(generation)\n" + keeping.map { "data: \($0)\n" }.joined() + "\n"
        case let .pages(paths): return "event: pages\n" + paths.map { "data: \($0)\n" }.joined() + "\n"
        case let .failed(text):
            var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }
            if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }  // the report's final newline
            return "event: failed\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        case .ping: return ": ping\n\n"
        }
    }
}

/// Hands build events to every open page. A page that connects while the last build is broken
/// gets the failure at once, so reloading by hand does not hide it.
public actor BuildEvents {
    private var generation = 0
    private var failure: String?
    private var subscribers: [UUID: AsyncStream<BuildEvent>.Continuation] = [:]
    private var finished = false

    public init() {}

    /// The events for one connection, starting with the current state.
    public func subscribe() -> AsyncStream<BuildEvent> {
        let (stream, continuation) = AsyncStream<BuildEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(.hello(generation: generation))
        if let failure { continuation.yield(.failed(failure)) }
        if finished {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    public var subscriberCount: Int { subscribers.count }
    public var currentGeneration: Int { generation }

    /// A good build is in place: pages reload, except those at `keeping`, which show it already.
    public func built(keeping: [String] = []) {
        generation += 1
        failure = nil
        broadcast(.reload(generation: generation, keeping: keeping))
    }

    /// The pages at `paths` changed ahead of the build: pages showing one of them reload.
    public func changed(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        broadcast(.pages(paths))
    }

    /// A build failed: pages show `report` over the last good site.
    public func failed(_ report: String) {
        failure = report
        broadcast(.failed(report))
    }

    public func ping() { broadcast(.ping) }

    /// Ends every stream, so that connections close when the server stops.
    public func finish() {
        finished = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func broadcast(_ event: BuildEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    private func remove(_ id: UUID) { subscribers[id] = nil }
}
