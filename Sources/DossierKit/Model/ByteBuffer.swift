import Foundation

/// Bytes written one after another: what the page renderers, the JSON writer and the search index
/// write their output into.
///
/// Why not `[UInt8]`: an array's `append(contentsOf:)` checks that its storage is not shared, makes
/// room through the generic sequence path and calls `memcpy`, about 100 instructions a call, and a
/// 10k build appends some 3.5 million short runs (a tag, an escaped value, an indentation): 4.6 % of
/// its instructions went to that one function. Here an append is a capacity check and a copy, short
/// runs copied inline.
///
/// Noncopyable, so that its memory has exactly one owner and is freed exactly once; `data()` hands the
/// memory to a `Data` without copying it (pages go to disk from there).
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = Swift.max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    // MARK: - Appending

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0, let source = bytes.baseAddress else { return }
        if capacity - count < length { grow(toHold: count + length) }
        Self.copy(source, to: base + count, count: length)
        count += length
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func append(utf8 text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends the bytes of another buffer.
    mutating func append(_ other: borrowing ByteBuffer) {
        append(UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// Drops the last `k` bytes.
    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "removing more bytes than the buffer holds")
        count -= k
    }

    // MARK: - Reading

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes, for the few places that keep them as an array (a layout frame's pieces).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes as text (tests, and the pages still made as `String`).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The bytes as a `Data` that takes over the memory: no copy.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }

    // MARK: - Memory

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory (\(capacity) bytes)") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    /// Room for at least `needed` bytes, doubling so that appending n bytes costs O(n) overall.
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let newCapacity = Swift.max(needed, 2 * capacity)
        guard let memory = realloc(base, newCapacity) else { fatalError("out of memory (\(newCapacity) bytes)") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Up to 16 bytes as two overlapping loads and stores (most appends are that short, and calling
    /// `memcpy` for them cost more than the copy); longer runs through `memcpy`.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if count >= 8 {
            guard count <= 16 else {
                target.update(from: source, count: count)
                return
            }
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for i in 0..<count { target[i] = source[i] }
        }
    }
}
