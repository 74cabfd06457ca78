import Foundation

/// The Markdown body's HTML for a page: placeholders `href="dossier-link:N"` left by the Markdown
/// stage become relative links to the target pages, and when the body has its own `h1` its headings
/// move one level down, since the page's title is the page's one `h1`.
enum BodyHTML {
    static let marker = "href=\"dossier-link:"

    /// `pages`: every entry's page by index, when the caller has made them once.
    static func html(of entry: Entry, on page: String, context: RenderContext, pages: [String]? = nil) -> String {
        let html = rewrite(entry.body.html, attribute: marker) { digits in
            "href=\"" + href(forLink: Int(digits), of: entry, on: page, site: context.site, pages: pages)
        }
        return entry.body.headings.contains { $0.level == 1 } ? shiftingHeadings(html) : html
    }

    /// Where link `index` of `entry` leads from `page`: the target's page and anchor, `#anchor` within
    /// the same entry, or `#` when the link did not resolve (validation reports it).
    static func href(forLink index: Int?, of entry: Entry, on page: String, site: Site, pages: [String]? = nil) -> String {
        guard let index, index >= 0, index < entry.resolvedLinks.count, let link = entry.resolvedLinks[index],
              let target = site.indexByID[link.targetID] else { return "#" }
        let anchor = link.anchor.flatMap { $0.isEmpty ? nil : "#" + $0 } ?? ""
        if site.entries[target].id == entry.id { return anchor.isEmpty ? "#" : anchor }
        return PagePaths.relative(from: page, to: pages?[target] ?? PagePaths.page(for: site.entries[target])) + anchor
    }

    /// Replaces every attribute value that follows `attribute` (up to the closing quote) with
    /// `replacement(value)`, which writes the attribute's opening as well.
    ///
    /// One pass over the UTF-8 bytes: Foundation's `range(of:)` on the remaining substring copies
    /// it on every call, which made a body with many links on one long line quadratic (a 2 MB line
    /// of wiki links took about a minute). `memchr` finds the attribute's last byte; the result is
    /// put together from slices of `html` (valid UTF-8 already) rather than rebuilt from bytes with
    /// `String(decoding:)`, which checked every byte of every body again (together 0.1 s at 10k records).
    static func rewrite(_ html: String, attribute: String, _ replacement: (Substring) -> String) -> String {
        let needle = Array(attribute.utf8)
        guard let last = needle.last else { return html }
        var html = html
        html.makeContiguousUTF8()
        // UTF-8 offsets of each value: after the attribute, up to the quote (or the end).
        let values: [Range<Int>] = html.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return [] }
            let quote = UInt8(ascii: "\"")
            var values: [Range<Int>] = []
            var index = needle.count - 1
            while index < bytes.count,
                  let found = memchr(base + index, Int32(last), bytes.count - index) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let start = end + 1 - needle.count
                guard needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) else {
                    index = end + 1
                    continue
                }
                var close = end + 1
                while close < bytes.count, bytes[close] != quote { close += 1 }
                values.append((end + 1)..<close)
                // The next attribute starts at the quote at the earliest.
                index = close + needle.count - 1
            }
            return values
        } ?? []
        guard !values.isEmpty else { return html }
        let utf8 = html.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(utf8.count + 64 * values.count)
        var copied = utf8.startIndex
        for value in values {
            let start = position(value.lowerBound), end = position(value.upperBound)
            output += html[copied..<position(value.lowerBound - needle.count)]
            output += replacement(html[start..<end])
            copied = end
        }
        output += html[copied...]
        return output
    }

    /// `h1` becomes `h2`, ..., `h5` becomes `h6`; `h6` stays. (cmark escapes `<` in text and code, so
    /// every `<hN` in its output is a tag.)
    static func shiftingHeadings(_ html: String) -> String {
        // One pass over the bytes (Foundation's replacingOccurrences, 15 times, was a tenth of a build);
        // `memchr` finds each `<` and the runs between tags are copied whole (byte by byte, a long
        // manual chapter took 250 000 instructions).
        var source = html
        let shifted: [UInt8]? = source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var output: [UInt8] = []
            var changed = false
            var copied = 0, i = 0
            while i < bytes.count, let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) {
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // `<hN` or `</hN` followed by `>` or a space, N from 1 to 5.
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
                if j + 2 < bytes.count, bytes[j] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[j + 1]),
                   bytes[j + 2] == UInt8(ascii: ">") || bytes[j + 2] == UInt8(ascii: " ") {
                    if !changed { output.reserveCapacity(bytes.count) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...j]))
                    output.append(bytes[j + 1] + 1)
                    i = j + 2
                    copied = i
                    changed = true
                    continue
                }
                i += 1
            }
            guard changed else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
        return shifted.map { String(decoding: $0, as: UTF8.self) } ?? html
    }
}
