import Foundation

/// A stable 128-bit hash (two FNV-1a variants) of bytes and strings, as 32 hex digits. Stable across
/// processes, unlike Swift's seeded `Hasher`, so build caches can be kept on disk. Not cryptographic:
/// it only decides whether a page must be rendered again.
struct Fingerprint {
    private var low: UInt64 = 0xcbf2_9ce4_8422_2325
    private var high: UInt64 = 0x6c62_272e_07bb_0142

    init() {}

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (high >> 29)
        }
    }

    /// Adds the state of `other` (a fingerprint made before, as its 16 bytes) and a separator.
    mutating func add(_ other: Fingerprint) {
        withUnsafeBytes(of: other.high.littleEndian) { add(bytes: $0) }
        withUnsafeBytes(of: other.low.littleEndian) { add(bytes: $0) }
        add(bytes: CollectionOfOne(0x1F))
    }

    /// Adds `text` and a separator, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        // Through the contiguous bytes: iterating `String.UTF8View` cost about four times as much
        // (page fingerprints hash a few megabytes of ids and titles at 10 000 records).
        text.withUTF8Bytes { add(bytes: $0) }
        add(bytes: CollectionOfOne(0x1F))
    }

    /// `high` then `low`, each as 16 lowercase hex digits. Written into the string's own storage: two
    /// `String(radix:)`s, their padding and joins were about 4 000 instructions a fingerprint (one
    /// per page and one per written file).
    var hex: String { Self.hex(high: high, low: low) }

    static func hex(high: UInt64, low: UInt64) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<16 {
                let shift = UInt64(60 - 4 * index)
                buffer[index] = digits.utf8Start[Int((high >> shift) & 0xF)]
                buffer[16 + index] = digits.utf8Start[Int((low >> shift) & 0xF)]
            }
            return 32
        }
    }

    /// A whole file's bytes, eight at a time (a site's output is over 100 MB at 10 000 records).
    static func of(_ data: Data) -> String {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> String {
        var fingerprint = Fingerprint()
        let words = buffer.count / 8
        for index in 0..<words {
            let word = buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            fingerprint.low = (fingerprint.low ^ word) &* 0x0000_0100_0000_01B3
            fingerprint.high = (fingerprint.high ^ (word >> 7 | word << 57)) &* 0x9E37_79B9_7F4A_7C15
        }
        fingerprint.add(bytes: buffer[(words * 8)...])
        fingerprint.add(bytes: withUnsafeBytes(of: UInt64(buffer.count)) { Array($0) })
        return fingerprint.hex
    }
}
