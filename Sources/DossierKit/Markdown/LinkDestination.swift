/// Classifies a link destination as written in Markdown.
enum LinkDestination {
    /// - `#section` → `.anchor("section")`
    /// - a URL with a scheme (`https:`, `mailto:`, `javascript:` …) or `//host` → `.external`
    /// - a relative path ending in `.md` (before `?` or `#`) → `.contentPath`, percent-decoded
    /// - any other relative path (an image, a PDF) → `.external`
    /// - an empty destination → nil (nothing to record)
    static func target(of destination: String) -> MarkdownLink.Target? {
        return destination.withUTF8Bytes { bytes in
            guard let first = bytes.first else { return nil }
            if first == UInt8(ascii: "#") {
                return .anchor(percentDecoded(bytes[1...]))
            }
            if hasScheme(bytes) || (bytes.count > 1 && first == UInt8(ascii: "/") && bytes[1] == UInt8(ascii: "/")) {
                return .external(String(decoding: bytes, as: UTF8.self))
            }
            var pathEnd = bytes.count
            var anchor: String?
            if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
                pathEnd = hash
                anchor = hash + 1 < bytes.count ? percentDecoded(bytes[(hash + 1)...]) : nil
            }
            if let question = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) {
                pathEnd = question
            }
            guard pathEnd >= 3, bytes[pathEnd - 3] == UInt8(ascii: "."), bytes[pathEnd - 2] | 0x20 == UInt8(ascii: "m"),
                  bytes[pathEnd - 1] | 0x20 == UInt8(ascii: "d") else {
                return .external(String(decoding: bytes, as: UTF8.self))
            }
            return .contentPath(path: percentDecoded(bytes[..<pathEnd]), anchor: anchor)
        }
    }

    /// RFC 3986: a scheme is a letter followed by letters, digits, `+`, `-` or `.`, then `:`.
    static func hasScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in bytes.enumerated() {
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            if index == 0 {
                guard isLetter else { return false }
                continue
            }
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// `%XX` sequences decoded; the text is kept as it is when they do not decode to UTF-8.
    static func percentDecoded(_ text: Substring) -> String {
        var text = String(text)
        return text.withUTF8 { percentDecoded($0[...]) }
    }

    static func percentDecoded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
