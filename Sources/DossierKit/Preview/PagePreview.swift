import Foundation

/// What `serve` keeps of its last good build so that the page of an edited file can be shown at
/// once (docs/serve.md, "The edited page first"): the site as rendered, the theme, and the indexes
/// one page needs. `pages(for:)` reads and parses only the changed files and renders only their
/// pages — milliseconds, where the whole incremental build that follows (every file validated, every
/// summary page compared) takes seconds on a large site. Nothing here is written to disk: `serve`
/// shows these pages from memory until that build has checked the site and written it.
public struct PagePreview: Sendable {
    /// The last good build's site, after its profile, and what its pages were rendered with.
    private let context: RenderContext
    /// Its entry pages, with the layout's frames made once.
    private let entryPages: EntryPages
    private let parser: EntryParser
    private let root: String
    private let sizeLimit: Int
    /// Site-relative file path → entry index.
    private let indexByPath: [String: Int]
    /// Path below `Content/` → entry index (what path links resolve against).
    private let pathIndex: [String: Int]

    /// - Parameter showsEverything: whether the build's profile shows every entry unmasked. Only then
    ///   is a freshly parsed file what its page shows; with any other profile `pages(for:)` declines.
    init?(site: Site, theme: Theme, diagnostics: [Diagnostic], options: Pipeline.BuildOptions,
          showsEverything: Bool, sizeLimit: Int = ContentLoader.defaultSizeLimit) {
        guard showsEverything else { return nil }
        context = RenderContext(site: site, theme: theme, asOf: options.asOf, references: References(site: site),
                                coverage: Coverage(site: site, asOf: options.asOf).applicable(),
                                diagnostics: diagnostics, generator: options.generator)
        entryPages = EntryPages(context: context)
        var parser = EntryParser(catalog: site.catalog, allowRawHTML: site.config.allowRawHTML)
        parser.markdown.rendersHTML = true
        self.parser = parser
        root = options.root
        self.sizeLimit = sizeLimit
        var byPath: [String: Int] = [:]
        for (index, entry) in site.entries.enumerated() { byPath[entry.path] = index }
        indexByPath = byPath
        pathIndex = LinkResolver.pathIndex(site.entries)
    }

    /// The pages of the entries at `changed` (site-relative paths) as the next build will render
    /// them, or nil when that cannot be known from those files alone: a path that is not an existing
    /// entry (the config, a theme, a checklist, a new or deleted file), a file that no longer parses
    /// cleanly, a changed id or type (the page would move), or a link to nothing.
    public func pages(for changed: [String], fileSystem: FileSystem = .local) -> [OutputFile]? {
        guard !changed.isEmpty else { return nil }
        var site = context.site
        var indices: [Int] = []
        for path in changed {
            guard let index = indexByPath[path], let entry = parse(path, fileSystem: fileSystem) else { return nil }
            let before = site.entries[index]
            guard entry.id == before.id, entry.type == before.type, entry.category == before.category else { return nil }
            site.entries[index] = entry
            indices.append(index)
        }
        for index in indices {
            let links = LinkResolver().resolve(site.entries[index], among: site.entries, index: site.indexByID,
                                               pathIndex: pathIndex)
            guard links.diagnostics.errorCount == 0 else { return nil }
            site.entries[index].resolvedLinks = links.links
        }
        // Who cites an entry does not change when the entry itself is edited (an entry never counts
        // as citing itself), so the last build's references hold for the page of one edited file.
        // When several files change at once and one now cites another, that page's backlinks lag until
        // the build, whose different bytes then reload it (`serve` keeps only pages it wrote unchanged).
        let updated = RenderContext(site: site, theme: context.theme, asOf: context.asOf, references: context.references,
                                    coverage: context.coverage, diagnostics: context.diagnostics, generator: context.generator)
        let pages = entryPages.rendering(updated)
        return try? indices.map { try pages.file(for: $0) }
    }

    private func parse(_ path: String, fileSystem: FileSystem) -> Entry? {
        let full = root.isEmpty || root == "." ? path : root + "/" + path
        guard fileSystem.kind(full) == .file, let size = fileSystem.size(full), size <= sizeLimit,
              let data = try? fileSystem.read(full) else { return nil }
        let result = parser.parse(SourceFile(path: path, data: data))
        guard result.diagnostics.errorCount == 0 else { return nil }
        return result.entry
    }
}
