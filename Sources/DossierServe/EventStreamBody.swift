import FlyingFox
import FlyingSocks

/// The bytes of a Server-Sent Events response: each event as it comes. FlyingFox sends a body
/// without a length with chunked encoding and writes every buffer as soon as it is returned, so
/// an event reaches the browser when it happens; the body ends when the event stream ends.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let events: AsyncStream<BuildEvent>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<BuildEvent>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.serverSentEvent.utf8)
            }
            let take = Swift.max(1, Swift.min(count, pending.count))
            let buffer = Array(pending.prefix(take))
            pending.removeFirst(take)
            return buffer
        }
    }
}
