import Foundation

/// Applies a profile to a validated site before it is rendered: a pure function of the site, the
/// build's diagnostics and the profile (docs/profiles.md).
///
/// - **Selection**: entries of the types the profile includes; `confidential: true` ones only when
///   it includes `all`. The rest vanish: no page, row, backlink, link target, search entry, export,
///   calendar event or aggregate — the renderer never sees them.
/// - **References** to a left-out entry are removed from the included entries' front matter, and
///   body links to it become their plain label.
/// - **Redaction**: values at the profile's field paths become `Redaction.marker`.
/// - **Config**: schedules and targets of types the profile leaves out are dropped, so the calendar
///   does not report as missed an activity whose records are simply not shown.
/// - **Attachments**: only files an included entry names (in its front matter, a body link or image).
/// - **Diagnostics**: only those about included files or the site as a whole, and none that quotes
///   a left-out id, title or path or a masked value.
public struct ProfileFilter: Sendable {
    public let profile: SiteConfig.Profile
    /// `profile.include`, made once.
    private let include: Set<String>?

    public init(_ profile: SiteConfig.Profile) {
        self.profile = profile
        self.include = profile.include
    }

    public struct Result: Sendable {
        public var site: Site
        public var diagnostics: [Diagnostic]
    }

    /// Whether the profile shows `entry` at all.
    public func includes(_ entry: Entry) -> Bool {
        guard let include else { return true }
        if Self.isConfidential(entry) { return false }
        let group = entry.category == .document ? "documents" : "records"
        return include.contains(entry.type) || include.contains(group)
    }

    /// `confidential: true`. Any value that is not clearly false counts, so that a typo hides
    /// rather than publishes.
    static func isConfidential(_ entry: Entry) -> Bool {
        guard let node = entry["confidential"], !node.isNull else { return false }
        return node.bool != false
    }

    public func apply(to site: Site, diagnostics: [Diagnostic]) -> Result {
        if profile.showsEverything { return Result(site: site, diagnostics: diagnostics) }
        var included: [Entry] = [], excluded: [Entry] = []
        for entry in site.entries {
            if includes(entry) { included.append(entry) } else { excluded.append(entry) }
        }
        let hiddenEntries = HiddenEntries(excluded: excluded, included: included)
        let redaction = Redaction(profile.redact)
        var masked: [String: Redaction.Hidden] = [:]
        let entries = included.map { entry in
            var entry = Self.unlinking(hiddenEntries, from: entry)
            if !redaction.isEmpty { entry = Self.redacting(entry, with: redaction, hidden: &masked[entry.path, default: .init()]) }
            return entry
        }
        let filtered = Site(config: config(of: site), catalog: site.catalog, entries: entries,
                            checklists: site.checklists, attachments: Self.attachments(named: entries, in: site.attachments))
        let visible = VisibleDiagnostics(shownPaths: Set(entries.map(\.path)), hiddenEntries: hiddenEntries,
                                         hiddenValues: masked.values.reduce(into: Set()) { $0.formUnion($1.values) },
                                         hiddenLines: masked.mapValues(\.lines))
        return Result(site: filtered, diagnostics: diagnostics.filter(visible.shows))
    }

    /// The entry without references to left-out entries: in its front matter, and as body links
    /// (which keep their label as plain text).
    static func unlinking(_ hidden: HiddenEntries, from original: Entry) -> Entry {
        guard !hidden.ids.isEmpty else { return original }
        var entry = original
        entry.frontMatter = hidden.strippingReferences(from: entry.frontMatter)
            ?? YAMLNode(.mapping([]), line: entry.frontMatter.line, column: entry.frontMatter.column)
        let unlinked = Set(entry.resolvedLinks.indices.filter { i in
            entry.resolvedLinks[i].map { hidden.ids.contains($0.targetID) } ?? false
        })
        guard !unlinked.isEmpty else { return entry }
        for i in unlinked {
            entry.resolvedLinks[i] = nil
            // The written target (a path or id naming the left-out file) goes too.
            if i < entry.body.links.count { entry.body.links[i].target = .contentID(id: "", anchor: nil) }
        }
        entry.body.html = UnlinkedBody.removingLinks(unlinked, from: entry.body.html)
        return entry
    }

    /// The entry with its masked fields, adding what was hidden to `hidden`.
    static func redacting(_ original: Entry, with redaction: Redaction, hidden: inout Redaction.Hidden) -> Entry {
        var entry = original
        let (frontMatter, found) = redaction.apply(to: entry.frontMatter)
        entry.frontMatter = frontMatter
        if frontMatter["title"]?.string == Redaction.marker, original["title"]?.string != Redaction.marker {
            hidden.values.insert(entry.title)
            entry.title = Redaction.marker
        }
        hidden.values.formUnion(found.values)
        hidden.lines.formUnion(found.lines)
        return entry
    }

    /// The config without schedules and targets of record types the profile leaves out
    /// (`document-review` stays: it sets the documents' review dates).
    func config(of site: Site) -> SiteConfig {
        guard let include else { return site.config }
        func shows(_ type: String) -> Bool {
            guard let definition = site.catalog[type] else { return true }
            let group = definition.category == .document ? "documents" : "records"
            return include.contains(type) || include.contains(group)
        }
        var config = site.config
        config.schedules = config.schedules.filter { $0.type == "document-review" || shows($0.type) }
        config.targets = config.targets.filter { shows(String($0.key.prefix { $0 != "." })) }
        return config
    }

    /// The attachments that included entries name: a front-matter value that is a path under
    /// `Content/attachments/` (the `attachments` field, or any other), or a body link or image into it.
    static func attachments(named entries: [Entry], in attachments: [String: Data]) -> [String: Data] {
        guard !attachments.isEmpty else { return [:] }
        var kept: [String: Data] = [:]
        func keep(_ path: String?) {
            if let path, let data = attachments[path] { kept[path] = data }
        }
        for entry in entries {
            for text in Self.scalars(in: entry.frontMatter) { keep(AttachmentPath.normalize(text)) }
            var destinations = entry.body.links.compactMap { link -> String? in
                if case let .external(url) = link.target { return url }
                return nil
            }
            if entry.body.html.contains("<img") { destinations += imageSources(in: entry.body.html) }
            for url in destinations {
                guard let local = LinkResolver.localPath(url),
                      let path = LinkResolver.normalize(local, from: entry.contentRelativePath),
                      path.hasPrefix("attachments/") else { continue }
                keep(String(path.dropFirst("attachments/".count)))
            }
        }
        return kept
    }

    /// The `src` of every image in cmark's HTML (which escapes `"` inside attribute values).
    static func imageSources(in html: String) -> [String] {
        var sources: [String] = []
        var rest = html[...]
        while let tag = rest.range(of: "<img src=\"") {
            let value = rest[tag.upperBound...].prefix { $0 != "\"" }
            sources.append(String(value).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[value.endIndex...]
        }
        return sources
    }

    static func scalars(in node: YAMLNode) -> [String] {
        switch node.value {
        case let .scalar(text, _): return [text]
        case let .sequence(items): return items.flatMap(scalars)
        case let .mapping(entries): return entries.flatMap { scalars(in: $0.value) }
        }
    }
}
