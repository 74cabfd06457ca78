import Foundation

/// A value worked out at most once, by the first of several threads that asks for it; the others
/// wait for it. For results two stages share (see `ValidationContext.applicableCoverage`).
final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    init() {}

    /// The value, made by `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }

    /// The value if some call has made it, without making it.
    var madeValue: Value? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
