import Foundation

/// The Markdown body's HTML for a page: placeholders `href="dossier-link:N"` left by the Markdown
/// stage become relative links to the target pages, and when the body has its own `h1` its headings
/// move one level down, since the page's title is the page's one `h1`.
enum BodyHTML {
    static let marker = "href=\"dossier-link:"

    /// The body's HTML on `page`, as UTF-8 bytes: entry pages are bytes, so the body stays bytes from
    /// cmark to the file, never checked as UTF-8 again. `pages`: every entry's page by index, when the
    /// caller has made them once.
    static func bytes(of entry: Entry, on page: String, context: RenderContext, pages: [String]? = nil) -> [UInt8] {
        let html = rewrite(bytes: entry.body.htmlUTF8, attribute: marker) { digits in
            "href=\"" + href(forLink: Int(digits), of: entry, on: page, site: context.site, pages: pages)
        }
        guard entry.body.headings.contains(where: { $0.level == 1 }) else { return html }
        return html.withUnsafeBufferPointer(shiftingHeadings) ?? html
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
    /// `replacement(value)`, which writes the attribute's opening as well. One pass: Foundation's `range(of:)` on the remaining substring copied
    /// it on every call, which made a body with many links on one long line quadratic (a 2 MB line
    /// of wiki links took about a minute). `memchr` finds the attribute's last byte, and the runs
    /// between values are copied whole.
    static func rewrite(bytes html: [UInt8], attribute: String, _ replacement: (Substring) -> String) -> [UInt8] {
        let needle = Array(attribute.utf8)
        guard let last = needle.last else { return html }
        return html.withUnsafeBufferPointer { bytes -> [UInt8] in
            guard let base = bytes.baseAddress else { return html }
            let quote = UInt8(ascii: "\"")
            var output: [UInt8] = []
            var copied = 0
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
                if copied == 0 { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                // The values are ASCII digits or an anchor of valid UTF-8 (cut at a quote).
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(end + 1)..<close]), as: UTF8.self)
                output.append(contentsOf: replacement(Substring(value)).utf8)
                copied = close
                // The next attribute starts at the quote at the earliest.
                index = close + needle.count - 1
            }
            guard copied > 0 else { return html }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
    }

    /// `h1` becomes `h2`, ..., `h5` becomes `h6`; `h6` stays (cmark escapes `<` in text and code, so
    /// every `<hN` in its output is a tag); nil when there was nothing to shift. One pass (Foundation's
    /// replacingOccurrences, 15 times, was a tenth of a build): `memchr` finds each `<` and the runs
    /// between tags are copied whole (byte by byte, a long manual chapter took 250 000 instructions).
    static func shiftingHeadings(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
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
}
