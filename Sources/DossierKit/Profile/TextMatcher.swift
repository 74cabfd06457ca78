/// Whether a text contains any of many strings (the ids, titles, paths and masked values a profile
/// hides). A diagnostic's message is short but a large site hides tens of thousands of strings, and
/// `String.contains` per string took seconds; this looks up every window of the text in a hash set
/// per distinct length (a rolling hash), so a text costs its length times the number of lengths.
struct TextMatcher: Sendable {
    private struct Bucket: Sendable {
        var hashes: Set<UInt64> = []
        var texts: Set<[UInt8]> = []
    }

    private static let base: UInt64 = 1_000_003
    private var buckets: [Int: Bucket] = [:]

    init(_ strings: some Sequence<String>) {
        for string in strings {
            let bytes = Array(string.utf8)
            guard !bytes.isEmpty else { continue }
            buckets[bytes.count, default: Bucket()].hashes.insert(Self.hash(bytes[...]))
            buckets[bytes.count, default: Bucket()].texts.insert(bytes)
        }
    }

    var isEmpty: Bool { buckets.isEmpty }

    func occurs(in text: String) -> Bool {
        guard !buckets.isEmpty else { return false }
        let bytes = Array(text.utf8)
        for (length, bucket) in buckets where length <= bytes.count {
            var hash = Self.hash(bytes[0..<length])
            // base^(length-1): what the byte leaving the window contributed.
            var leading: UInt64 = 1
            for _ in 1..<length { leading = leading &* Self.base }
            var start = 0
            while true {
                if bucket.hashes.contains(hash), bucket.texts.contains(Array(bytes[start..<(start + length)])) { return true }
                let end = start + length
                guard end < bytes.count else { break }
                hash = (hash &- UInt64(bytes[start]) &* leading) &* Self.base &+ UInt64(bytes[end])
                start += 1
            }
        }
        return false
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 &* base &+ UInt64($1) }
    }
}
