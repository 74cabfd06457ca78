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
