/// Turns a `SiteSource` into a `Site`: reads the config and the types, parses every file in
/// parallel, diagnoses duplicate ids, and resolves links between files.
public struct SiteParser: Sendable {
    /// Whether bodies are rendered to HTML and plain text. `check` needs only their headings and links,
    /// and skipping the rest roughly halves the Markdown stage.
    public var rendersBodies: Bool

    public init(rendersBodies: Bool = true) {
        self.rendersBodies = rendersBodies
    }

    public struct Result: Sendable {
        public var site: Site
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - cache: parsed files of an earlier build in this process (`serve`); unchanged files are reused.
    ///   - contentHashes: fingerprints of the files' bytes (`SiteSource.contentHashes()`), needed with a cache.
    public func parse(_ source: SiteSource, cache: ParseCache? = nil, contentHashes: [String: String] = [:]) throws -> Result {
        let configResult = ConfigParser().parse(source.configText)
        guard configResult.isUsable else { throw DossierError.unusableConfig(configResult.diagnostics) }
        let config = configResult.config
        var diagnostics = source.diagnostics + configResult.diagnostics

        var catalog = try BuiltInData.typeCatalog()
        diagnostics += TypeCatalogParser().addCompanyTypes(config.types, to: &catalog)
        let checklists = ChecklistParser().merge(company: source.checklistFiles, into: BuiltInData.parsedBuiltInChecklists())
        diagnostics += checklists.diagnostics

        var entryParser = EntryParser(catalog: catalog, allowRawHTML: config.allowRawHTML)
        entryParser.markdown.rendersHTML = rendersBodies
        let parser = entryParser
        // The config defines the types every file is parsed against.
        cache?.begin(key: (contentHashes["dossier.yml"] ?? source.configText) + (rendersBodies ? "+bodies" : ""))
        cache?.keep(only: Set(source.files.map(\.path)))
        let parsed = source.files.parallelMap { file -> EntryParser.Result in
            guard let cache, let content = contentHashes[file.path] else { return parser.parse(file) }
            if let cached = cache.result(for: file.path, content: content) { return cached }
            let result = parser.parse(file)
            cache.store(result, for: file.path, content: content)
            return result
        }
        // Consumed, so that each entry's fields have one owner again: with the results still holding
        // them, setting the resolved links below copied every entry's fields (and freed the originals).
        var entries: [Entry] = []
        entries.reserveCapacity(parsed.count)
        for result in consume parsed {
            diagnostics += result.diagnostics
            if let entry = result.entry { entries.append(entry) }
        }
        // Three passes over every entry that need nothing from each other, side by side: one after
        // another they kept one core of two idle for about 25 ms of `check` at 10 000 records.
        let frozen = entries
        let passes = [Pass.duplicates, .ids, .paths].parallelMap { pass -> PassResult in
            switch pass {
            case .duplicates: return .duplicates(Self.duplicateIDs(frozen))
            case .ids: return .index(Site.firstIndexByID(frozen))
            case .paths: return .index(LinkResolver.pathIndexIfLinked(frozen))
            }
        }
        guard case let .duplicates(duplicates) = passes[0], case let .index(indexByID) = passes[1],
              case let .index(pathIndex) = passes[2] else { preconditionFailure("passes in order") }
        diagnostics += duplicates
        let links = LinkResolver().resolve(frozen, index: indexByID, pathIndex: pathIndex)
        _ = consume frozen
        for i in entries.indices { entries[i].resolvedLinks = links.links[i] }
        diagnostics += links.diagnostics

        let site = Site(config: config, catalog: catalog, entries: entries, checklists: checklists.checklists,
                        attachments: source.attachments, indexByID: indexByID)
        return Result(site: site, diagnostics: diagnostics)
    }

    private enum Pass: Sendable { case duplicates, ids, paths }

    private enum PassResult: Sendable {
        case duplicates([Diagnostic])
        case index([String: Int])
    }

    /// Two files with one id (or ids differing only in case, which collide on case-insensitive disks).
    static func duplicateIDs(_ entries: [Entry]) -> [Diagnostic] {
        // Indices, not entries: copying an `Entry` into the dictionary retained all its fields.
        var firstByKey: [String: Int] = [:]
        firstByKey.reserveCapacity(entries.count)
        var diagnostics: [Diagnostic] = []
        for (index, entry) in entries.enumerated() {
            let key = entry.id.lowercased()
            guard let firstIndex = firstByKey[key] else {
                firstByKey[key] = index
                continue
            }
            let first = entries[firstIndex]
            let same = first.id == entry.id
            diagnostics.append(Diagnostic(
                rule: Rules.refDuplicateID.id, severity: Rules.refDuplicateID.severity,
                message: same ? "id '\(entry.id)' is also used by \(first.path)"
                              : "id '\(entry.id)' differs only in case from '\(first.id)' in \(first.path): their pages would collide",
                location: entry.location(of: "id"),
                hint: "ids are unique across the site; rename one of the two"))
        }
        return diagnostics
    }
}
