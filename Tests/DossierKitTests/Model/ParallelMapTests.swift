import Foundation
import XCTest
@testable import DossierKit

/// `parallelMap` keeps the original order; `parallelMap(threads:)` also keeps more calls in flight
/// than there are cores, which is what makes reading cold files faster.
final class ParallelMapTests: XCTestCase {
    func testBothKeepTheOrderAndTransformEachElementOnce() {
        let items = Array(0..<1_000)
        let calls = Counter()
        let wide = items.parallelMap(threads: 8) { value -> Int in calls.add(); return value * 3 }
        XCTAssertEqual(wide, items.map { $0 * 3 })
        XCTAssertEqual(calls.value, items.count)
        XCTAssertEqual(items.parallelMap { $0 * 3 }, wide)
        // Fewer items than threads, one item, none.
        XCTAssertEqual([5, 6].parallelMap(threads: 8) { $0 + 1 }, [6, 7])
        XCTAssertEqual([5].parallelMap(threads: 8) { $0 + 1 }, [6])
        XCTAssertEqual([Int]().parallelMap(threads: 8) { $0 + 1 }, [])
    }

    /// Calls that wait overlap up to the number of threads asked for, whatever the number of cores.
    func testWaitingCallsOverlapBeyondTheCores() {
        let inFlight = Counter()
        let most = Counter()
        _ = Array(0..<32).parallelMap(threads: 8) { value -> Int in
            most.raise(to: inFlight.add())
            usleep(20_000)
            inFlight.subtract()
            return value
        }
        // With a thread per core (`parallelMap`), a 2-core machine never has more than two in flight.
        XCTAssertGreaterThanOrEqual(most.value, 4, "at most \(most.value) calls overlapped")
        XCTAssertLessThanOrEqual(most.value, 8)
    }
}

/// A counter the test's threads share.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.lock(); defer { lock.unlock() }; return count }

    @discardableResult
    func add() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }

    func subtract() { lock.lock(); defer { lock.unlock() }; count -= 1 }

    func raise(to candidate: Int) { lock.lock(); defer { lock.unlock() }; count = max(count, candidate) }
}
