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

    /// A whole file's bytes (a site's output is over 100 MB at 10 000 records).
    static func of(_ data: Data) -> String {
        data.withUnsafeBytes { of($0) }
    }

    /// Four lanes of eight bytes each take 32 bytes a step, then the lanes, the rest and the length go
    /// into one fingerprint. Why four: a lane's multiply waits for its previous one (a chain of
    /// 3-cycle multiplies), and with one pair of lanes hashing every output file was 122 M
    /// instructions and 1.3 % of a 10k build's CPU samples; independent lanes run side by side.
    /// Each step, `rotated(lane ^ word) &* odd`, is one-to-one in the lane, so a single changed word
    /// always changes its lane; the rotation moves high bits low, where the multiply spreads them
    /// (without it a flipped top bit stayed the top bit, wherever its word was).
    static func of(_ buffer: UnsafeRawBufferPointer) -> String {
        var lanes = (UInt64(0x9E37_79B9_7F4A_7C15), UInt64(0xC2B2_AE3D_27D4_EB4F),
                     UInt64(0x1656_67B1_9E37_79F9), UInt64(0x85EB_CA77_C2B2_AE63))
        let blocks = buffer.count / 32
        for block in 0..<blocks {
            let offset = block &* 32
            lanes.0 = rotated(lanes.0 ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x85EB_CA77_C2B2_AE63
            lanes.1 = rotated(lanes.1 ^ buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            lanes.2 = rotated(lanes.2 ^ buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            lanes.3 = rotated(lanes.3 ^ buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* 0x1656_67B1_9E37_79F9
        }
        var fingerprint = Fingerprint()
        // Mixed first, so that each lane's bits reach all of the fingerprint's.
        fingerprint.add(word: mixed(lanes.0))
        fingerprint.add(word: mixed(lanes.1))
        fingerprint.add(word: mixed(lanes.2))
        fingerprint.add(word: mixed(lanes.3))
        let rest = blocks * 32
        let words = (buffer.count - rest) / 8
        for index in 0..<words {
            fingerprint.add(word: buffer.loadUnaligned(fromByteOffset: rest + index * 8, as: UInt64.self))
        }
        fingerprint.add(bytes: buffer[(rest + words * 8)...])
        fingerprint.add(word: UInt64(buffer.count))
        return fingerprint.hex
    }

    @inline(__always)
    private static func rotated(_ value: UInt64) -> UInt64 { value << 31 | value >> 33 }

    /// MurmurHash3's 64-bit finaliser: every bit of `value` reaches every bit of the result.
    private static func mixed(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x = (x ^ (x >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }

    /// Eight bytes at once (as a little-endian word).
    private mutating func add(word: UInt64) {
        low = (low ^ word) &* 0x0000_0100_0000_01B3
        high = (high ^ (word >> 7 | word << 57)) &* 0x9E37_79B9_7F4A_7C15
    }
}
