/// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF), without making a `String`.
///
/// `EntryParser` used `String(validating:)` on every file and then cut that String into front matter
/// and body, which were turned back into bytes: the validation and copy were 267 M of the 3,493 M
/// instructions of `dossier check` at 10k records (8 %). This check runs ASCII 8 bytes at a time and
/// the 3-byte sequences of CJK text inline; the parts are then read as bytes.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        let end = p + bytes.count
        while p < end {
            let lead = p.pointee
            if lead < 0x80 {
                p += 1
                // A run of ASCII, 8 bytes at a time; tried after ASCII only (CJK text mixes short runs).
                while end - p >= 8, UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    p += 8
                }
            } else if lead >= 0xE1, lead <= 0xEC || lead >= 0xEE, lead <= 0xEF {
                // The common 3-byte sequences (CJK), whose second byte is any continuation byte.
                guard end - p >= 3, isContinuation(p[1]), isContinuation(p[2]) else { return false }
                p += 3
            } else if lead < 0xC2 {
                return false
            } else if lead < 0xE0 {
                guard end - p >= 2, isContinuation(p[1]) else { return false }
                p += 2
            } else if lead < 0xF0 {
                guard end - p >= 3, isContinuation(p[2]) else { return false }
                let second = p[1]
                switch lead {
                case 0xE0: guard (0xA0...0xBF).contains(second) else { return false }
                case 0xED: guard (0x80...0x9F).contains(second) else { return false }
                default: guard isContinuation(second) else { return false }
                }
                p += 3
            } else if lead < 0xF5 {
                guard end - p >= 4, isContinuation(p[2]), isContinuation(p[3]) else { return false }
                let second = p[1]
                switch lead {
                case 0xF0: guard (0x90...0xBF).contains(second) else { return false }
                case 0xF4: guard (0x80...0x8F).contains(second) else { return false }
                default: guard isContinuation(second) else { return false }
                }
                p += 4
            } else {
                return false
            }
        }
        return true
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
