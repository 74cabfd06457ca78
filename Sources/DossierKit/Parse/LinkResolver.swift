import Foundation

/// Where a Markdown link of an entry leads, once every file is known.
public struct ResolvedLink: Sendable, Hashable {
    public var targetID: String
    public var anchor: String?
}

/// Resolves the content links of every entry (`../procedures/PR-03.md#scope`, `[[PR-03]]`) to the
/// entry they name. Unresolvable links are diagnostics; links that climb out of `Content/` are refused.
public struct LinkResolver: Sendable {
    public init() {}

    public struct Result: Sendable {
        /// For each entry (by index), for each of its links, the target or nil.
        public var links: [[ResolvedLink?]]
        public var diagnostics: [Diagnostic]
    }

    public func resolve(_ entries: [Entry], index: [String: Int]) -> Result {
        resolve(entries, index: index, pathIndex: Self.pathIndex(entries))
    }

    /// `resolve(_:index:)` with the path index made by the caller (`SiteParser` makes it beside others).
    func resolve(_ entries: [Entry], index: [String: Int], pathIndex: [String: Int]) -> Result {
        // Each entry on its own, on every core: one after another this kept one core of two idle
        // during `dossier check` on 10 000 records; results joined in entry order, as before.
        let resolved = Array(entries.indices).parallelMap { i in
            resolve(entries[i], among: entries, index: index, pathIndex: pathIndex)
        }
        var all: [[ResolvedLink?]] = []
        var diagnostics: [Diagnostic] = []
        all.reserveCapacity(entries.count)
        for one in resolved {
            all.append(one.links)
            diagnostics += one.diagnostics
        }
        return Result(links: all, diagnostics: diagnostics)
    }

    /// `pathIndex`, or empty when no entry has a path link, so that nothing would be looked up in it:
    /// sites that link by id skip hashing every path (the longest of `SiteParser`'s side-by-side
    /// passes, 4–8 ms with the other core idle at 10,000 records).
    static func pathIndexIfLinked(_ entries: [Entry]) -> [String: Int] {
        let linksByPath = entries.contains { entry in
            entry.body.links.contains { if case .contentPath = $0.target { return true } else { return false } }
        }
        return linksByPath ? pathIndex(entries) : [:]
    }

    /// Content path (below `Content/`) → entry index: what path links are looked up in.
    static func pathIndex(_ entries: [Entry]) -> [String: Int] {
        var pathIndex: [String: Int] = [:]
        pathIndex.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() { pathIndex[entry.contentRelativePath] = i }
        return pathIndex
    }

    /// The links of one entry, against indexes of the whole site (`serve` resolves an edited file
    /// alone this way, without a pass over every other file).
    func resolve(_ entry: Entry, among entries: [Entry], index: [String: Int],
                 pathIndex: [String: Int]) -> (links: [ResolvedLink?], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var resolved: [ResolvedLink?] = []
        for link in entry.body.links {
            let location = SourceLocation(path: entry.path, line: link.line, column: link.column)
            var target: Int?
            var anchor: String?
            switch link.target {
            case let .contentID(id, a):
                target = index[id]
                anchor = a
                if target == nil {
                    diagnostics.append(Diagnostic(rule: Rules.refLink.id, severity: Rules.refLink.severity, message: "link to unknown id '\(id)'", location: location,
                                                  hint: Suggestion.hint(for: id, in: index.keys)))
                }
            case let .contentPath(path, a):
                anchor = a
                guard let normalized = Self.normalize(path, from: entry.contentRelativePath) else {
                    diagnostics.append(Diagnostic(rule: Rules.refEscape.id, severity: Rules.refEscape.severity, message: "link '\(path)' leads outside Content/",
                                                  location: location))
                    break
                }
                target = pathIndex[normalized]
                if target == nil {
                    diagnostics.append(Diagnostic(rule: Rules.refLink.id, severity: Rules.refLink.severity, message: "link to missing file '\(path)'", location: location))
                }
            case let .anchor(a):
                target = index[entry.id]
                anchor = a
            case let .external(url):
                // A relative link to a file that is no content (an image, a PDF) must not climb
                // out of Content/ either (a browser reads `%2e%2e` and `\\` as `..` and `/`).
                if let path = Self.localPath(url), Self.normalize(path, from: entry.contentRelativePath) == nil {
                    diagnostics.append(Diagnostic(rule: Rules.refEscape.id, severity: Rules.refEscape.severity, message: "link '\(url)' leads outside Content/",
                                                  location: location))
                }
            }
            guard let target else {
                resolved.append(nil)
                continue
            }
            let targetEntry = entries[target]
            if let anchor, !anchor.isEmpty, !targetEntry.body.headings.contains(where: { $0.anchor == anchor }) {
                diagnostics.append(Diagnostic(rule: Rules.refAnchor.id, severity: Rules.refAnchor.severity, message: "'\(targetEntry.id)' has no heading with anchor '#\(anchor)'", location: location,
                    hint: Suggestion.hint(for: anchor, in: targetEntry.body.headings.map(\.anchor))))
            }
            resolved.append(ResolvedLink(targetID: targetEntry.id, anchor: anchor))
        }
        return (resolved, diagnostics)
    }

    /// The path of a destination without a scheme or host (`../img/a.png?x#y` → `../img/a.png`),
    /// percent-decoded and with backslashes read as slashes; nil for URLs such as `https://...`.
    static func localPath(_ destination: String) -> String? {
        let path = String(destination.prefix { $0 != "?" && $0 != "#" })
        guard !path.isEmpty else { return nil }
        let slashed = (path.removingPercentEncoding ?? path).replacingOccurrences(of: "\\", with: "/")
        guard !slashed.hasPrefix("//") else { return nil }
        if let colon = slashed.firstIndex(of: ":"), !slashed[..<colon].contains("/"), slashed.first?.isLetter == true {
            return nil  // a scheme: `mailto:`, `tel:` (browsers read `C:/x` as one too)
        }
        return slashed
    }

    /// `link` as a path relative to Content/, seen from the file at `from` (also relative to Content/);
    /// nil when it climbs above Content/ or is absolute.
    public static func normalize(_ link: String, from: String) -> String? {
        guard !link.hasPrefix("/") else { return nil }
        var parts = from.split(separator: "/").dropLast().map(String.init)
        for piece in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
