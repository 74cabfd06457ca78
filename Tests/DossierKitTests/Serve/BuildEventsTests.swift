import XCTest
@testable import DossierServe

final class BuildEventsTests: XCTestCase {
    func testEventsInTheServerSentEventsFormat() {
        XCTAssertEqual(BuildEvent.hello(generation: 3).serverSentEvent, "event: hello\ndata: 3\n\n")
        XCTAssertEqual(BuildEvent.reload(generation: 4).serverSentEvent, "event: reload\ndata: 4\n\n")
        XCTAssertEqual(BuildEvent.ping.serverSentEvent, ": ping\n\n")
        // Paths one per data line: the browser joins them with newlines, the script splits them.
        XCTAssertEqual(BuildEvent.reload(generation: 5, keeping: ["records/a.html", "records/b.html"]).serverSentEvent,
                       "event: reload\ndata: 5\ndata: records/a.html\ndata: records/b.html\n\n")
        XCTAssertEqual(BuildEvent.pages(["records/a.html"]).serverSentEvent, "event: pages\ndata: records/a.html\n\n")
    }

    func testAPageShownAheadIsNamedAndKeptByTheNextReload() async {
        let events = BuildEvents()
        let stream = await events.subscribe()
        await events.changed([])
        await events.changed(["records/a.html"])
        await events.built(keeping: ["records/a.html"])
        await events.finish()
        var received: [BuildEvent] = []
        for await event in stream { received.append(event) }
        XCTAssertEqual(received, [.hello(generation: 0), .pages(["records/a.html"]),
                                  .reload(generation: 1, keeping: ["records/a.html"])], "no event for an empty change")
    }

    func testEveryLineOfAFailureIsItsOwnDataLine() {
        // A blank line or a bare CR inside the text must not end the event or start a new one.
        let text = "a.md:1:1: error: bad\n\nevent: reload\r\ndata: x\rlast"
        XCTAssertEqual(BuildEvent.failed(text).serverSentEvent,
                       "event: failed\ndata: a.md:1:1: error: bad\ndata: \ndata: event: reload\ndata: data: x\ndata: last\n\n")
    }

    func testNewSubscriberGetsTheGenerationAndTheCurrentFailure() async {
        let events = BuildEvents()
        await events.built()
        await events.failed("broken <b>")
        var iterator = await events.subscribe().makeAsyncIterator()
        let first = await iterator.next()
        let second = await iterator.next()
        XCTAssertEqual(first, .hello(generation: 1))
        XCTAssertEqual(second, .failed("broken <b>"))
    }

    func testBroadcastReachesEverySubscriberAndAGoodBuildClearsTheFailure() async {
        let events = BuildEvents()
        var one = await events.subscribe().makeAsyncIterator()
        var two = await events.subscribe().makeAsyncIterator()
        _ = await one.next()
        _ = await two.next()
        await events.failed("oops")
        await events.built()
        let oneFailed = await one.next(), oneReload = await one.next()
        let twoFailed = await two.next(), twoReload = await two.next()
        XCTAssertEqual(oneFailed, .failed("oops"))
        XCTAssertEqual(oneReload, .reload(generation: 1))
        XCTAssertEqual(twoFailed, .failed("oops"))
        XCTAssertEqual(twoReload, .reload(generation: 1))
        var late = await events.subscribe().makeAsyncIterator()
        let hello = await late.next()
        XCTAssertEqual(hello, .hello(generation: 1))
        await events.finish()
        let end = await late.next()
        XCTAssertNil(end, "finish() ends open streams")
    }

    func testEventBodyYieldsEachEventWhole() async throws {
        let (stream, continuation) = AsyncStream<BuildEvent>.makeStream()
        continuation.yield(.reload(generation: 7))
        continuation.finish()
        var iterator = EventStreamBody(events: stream).makeAsyncIterator()
        var bytes: [UInt8] = []
        while let buffer = try await iterator.nextBuffer(suggested: 5) { bytes += buffer }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "event: reload\ndata: 7\n\n")
    }
}
