import Foundation

/// Checks every internal link of a built site: each `href` and `src` of every page (and each `url()`
/// of every stylesheet) is resolved relative to its file (or to the page's `<base href>`), the file it
/// names must exist inside the site, and a `#fragment` must name an element `id` of the target page.
/// Links with a scheme (`https:`, `mailto:`, `data:`...) are outside the site and not followed.
struct SiteLinkChecker {
    let root: URL

    struct Problem: CustomStringConvertible, Equatable {
        var page: String
        var link: String
        var reason: String
        var description: String { "\(page): \(link) → \(reason)" }
    }

    /// What the checker looked at, so tests can tell a real check from an empty one.
    struct Report {
        var problems: [Problem] = []
        var pages = 0
        var links = 0
        var fragments = 0
    }

    func check() throws -> Report {
        let files = Set(SiteDemoBuild.files(under: root))
        var idCache: [String: Set<String>] = [:]
        var report = Report()
        for page in files.sorted() {
            let isHTML = page.hasSuffix(".html"), isCSS = page.hasSuffix(".css")
            guard isHTML || isCSS else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            var base: String?
            let links: [String]
            if isHTML {
                report.pages += 1
                var markup = Self.withoutScriptsAndStyles(text)
                let baseTags = Self.tags(named: "base", in: markup)
                base = Self.values(of: "href", in: baseTags.joined()).first.map(Self.decodeEntities)
                // `<base href>` sets where links start; it is not a link itself.
                for tag in baseTags { markup = markup.replacingOccurrences(of: tag, with: "") }
                links = Self.values(of: "href", in: markup) + Self.values(of: "src", in: markup)
            } else {
                links = Self.cssURLs(in: text)
            }
            for raw in links {
                let link = isHTML ? Self.decodeEntities(raw) : raw
                if Self.hasScheme(link) || link.hasPrefix("//") { continue }
                report.links += 1
                if let problem = resolve(link, from: page, base: base, files: files, idCache: &idCache, report: &report) {
                    report.problems.append(Problem(page: page, link: link, reason: problem))
                }
            }
        }
        return report
    }

    /// nil when the link is good, else why not.
    private func resolve(_ link: String, from page: String, base: String?, files: Set<String>,
                         idCache: inout [String: Set<String>], report: inout Report) -> String? {
        var reference = link
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = String(reference[reference.index(after: hash)...])
            reference = String(reference[..<hash])
        }
        if let query = reference.firstIndex(of: "?") { reference = String(reference[..<query]) }
        guard let path = reference.removingPercentEncoding else { return "bad percent-encoding" }
        let target: String
        if path.isEmpty {
            target = page
        } else {
            var directory: [String]
            var relative = path
            if let base, base.hasPrefix("/") {
                // `<base href="/">` (404.html): links start at the site's root as deployed.
                directory = base.split(separator: "/").map(String.init)
            } else if path.hasPrefix("/") {
                return "absolute link: the site links relatively so that it works from the file system"
            } else {
                directory = page.split(separator: "/").dropLast().map(String.init)
            }
            if relative.hasPrefix("/") { relative.removeFirst() }
            for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
                switch part {
                case "", ".": continue
                case "..":
                    if directory.isEmpty { return "leads outside the site" }
                    directory.removeLast()
                default: directory.append(String(part))
                }
            }
            target = directory.joined(separator: "/")
            if path.hasSuffix("/") { return "links to a folder, not a file (from file:// a browser shows a listing)" }
            guard files.contains(target) else { return "no such file: \(target)" }
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        guard target.hasSuffix(".html") else { return nil }
        report.fragments += 1
        let id = fragment.removingPercentEncoding ?? fragment
        if idCache[target] == nil {
            let html = (try? String(contentsOf: root.appendingPathComponent(target), encoding: .utf8)) ?? ""
            idCache[target] = Set(Self.values(of: "id", in: Self.withoutScriptsAndStyles(html)).map(Self.decodeEntities))
        }
        return idCache[target]?.contains(id) == true ? nil : "no element with id \"\(id)\" in \(target)"
    }

    // MARK: - Scanning markup

    static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The markup with the contents of `<script>` and `<style>` elements blanked out: text there may
    /// hold `href="` in strings that are not attributes.
    static func withoutScriptsAndStyles(_ html: String) -> String {
        var output = html
        for element in ["script", "style"] {
            guard let expression = try? NSRegularExpression(pattern: "(<\(element)\\b[^>]*>).*?(</\(element)>)",
                                                            options: [.caseInsensitive, .dotMatchesLineSeparators]) else { continue }
            output = expression.stringByReplacingMatches(in: output, range: NSRange(output.startIndex..., in: output),
                                                         withTemplate: "$1$2")
        }
        return output
    }

    /// The start tags `<name ...>` in `html`.
    static func tags(named name: String, in html: String) -> [String] {
        matches(of: "<\(name)\\b[^>]*>", in: html, group: 0)
    }

    /// Values of attribute `name` on any element (double- or single-quoted), still HTML-escaped.
    static func values(of name: String, in html: String) -> [String] {
        matches(of: "[\\s\"']\(name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", in: html, group: 1, alternative: 2)
    }

    static func cssURLs(in css: String) -> [String] {
        matches(of: "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"\\s]+))\\s*\\)", in: css, group: 1, alternative: 2, third: 3)
    }

    private static func matches(of pattern: String, in text: String, group: Int, alternative: Int? = nil, third: Int? = nil) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            for index in [group, alternative, third].compactMap({ $0 }) where match.range(at: index).location != NSNotFound {
                return Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            return nil
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                output += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let decoded {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }
}
