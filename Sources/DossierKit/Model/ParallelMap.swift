import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores, results in the original order so that output stays deterministic.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        if count < 2 { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        self.withUnsafeBufferPointer { items in
            let items = UnsafeSendable(items)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                slots.store(transform(items.value[i]), at: i)
            }
        }
        return slots.collect()
    }

    /// `parallelMap` on `threads` threads of its own, for work that mostly waits: reading files the
    /// page cache does not hold. `concurrentPerform` runs one thread per core, so on two cores only two
    /// reads were ever in flight and the disk sat idle between them (loading 10,000 cold files took
    /// 0.35 s against 0.07 s warm); more requests in flight let it serve them together.
    ///
    /// `transform` is escaping: a `Thread` holds its block until the thread has wound down, which can be
    /// after the last `leave()` (`withoutActuallyEscaping` trapped on exactly that, now and then).
    func parallelMap<Result: Sendable>(threads: Int, _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(threads, count)
        if workers < 2 { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        let cursor = SharedCursor()
        let finished = DispatchGroup()
        self.withUnsafeBufferPointer { items in
            // Valid until `wait()` returns: each thread stops reading it before its `leave()`.
            let items = UnsafeSendable(items)
            for _ in 0..<workers {
                finished.enter()
                Thread {
                    while let index = cursor.next(below: items.value.count) {
                        slots.store(transform(items.value[index]), at: index)
                    }
                    finished.leave()
                }.start()
            }
            finished.wait()
        }
        return slots.collect()
    }
}

/// The next index to take, shared by the threads of `parallelMap(threads:)`.
private final class SharedCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < count else { return nil }
        position += 1
        return position - 1
    }
}

/// Write-once slots, one per index; each index is written by exactly one iteration.
/// A raw buffer rather than an array property: concurrent writes to distinct indices of a class's
/// array would trip Swift's exclusivity checks, writes through a pointer do not.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func store(_ value: Value, at index: Int) { slots[index] = value }
    func collect() -> [Value] { (0..<count).compactMap { slots[$0] } }
}

private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
