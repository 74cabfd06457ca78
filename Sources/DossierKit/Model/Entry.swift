import Foundation

/// One content file after parsing: a controlled document or a record.
///
/// A value type whose fields live in one shared, copy-on-write box: rules and pages copy entries
/// freely (`for entry in entries`, grouping by type), and a copy of the ten-odd fields cost ten
/// retains and ten releases, about 5 % of `dossier check` on 10 000 records; a copy now costs one.
public struct Entry: Sendable {
    private final class Fields: @unchecked Sendable {
        // Unchecked: a box is only written through `Entry.unique()`, when no other entry shares it.
        var id: String
        var type: String
        var category: ContentCategory
        var path: String
        var title: String
        var frontMatter: YAMLNode
        var body: ParsedMarkdown
        var resolvedLinks: [ResolvedLink?]

        init(id: String, type: String, category: ContentCategory, path: String, title: String,
             frontMatter: YAMLNode, body: ParsedMarkdown, resolvedLinks: [ResolvedLink?]) {
            self.id = id
            self.type = type
            self.category = category
            self.path = path
            self.title = title
            self.frontMatter = frontMatter
            self.body = body
            self.resolvedLinks = resolvedLinks
        }

        func copy() -> Fields {
            Fields(id: id, type: type, category: category, path: path, title: title, frontMatter: frontMatter,
                   body: body, resolvedLinks: resolvedLinks)
        }
    }

    private var fields: Fields

    /// The box, copied first when another entry shares it.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var id: String {
        get { fields.id }
        _modify { let box = unique(); yield &box.id }
    }
    public var type: String {
        get { fields.type }
        _modify { let box = unique(); yield &box.type }
    }
    public var category: ContentCategory {
        get { fields.category }
        _modify { let box = unique(); yield &box.category }
    }
    /// Path relative to the site root, e.g. `Content/procedures/PR-06.md`.
    public var path: String {
        get { fields.path }
        _modify { let box = unique(); yield &box.path }
    }
    public var title: String {
        get { fields.title }
        _modify { let box = unique(); yield &box.title }
    }
    /// The front matter as written, with positions; typed access goes through the helpers below.
    public var frontMatter: YAMLNode {
        get { fields.frontMatter }
        _modify { let box = unique(); yield &box.frontMatter }
    }
    public var body: ParsedMarkdown {
        get { fields.body }
        _modify { let box = unique(); yield &box.body }
    }
    /// For each link of `body.links`, where it leads (filled in once every file is parsed).
    public var resolvedLinks: [ResolvedLink?] {
        get { fields.resolvedLinks }
        _modify { let box = unique(); yield &box.resolvedLinks }
    }

    public init(id: String, type: String, category: ContentCategory, path: String, title: String,
                frontMatter: YAMLNode, body: ParsedMarkdown) {
        fields = Fields(id: id, type: type, category: category, path: path, title: title,
                        frontMatter: frontMatter, body: body, resolvedLinks: [])
    }

    public subscript(field: String) -> YAMLNode? { frontMatter[field] }

    public func string(_ field: String) -> String? { frontMatter[field]?.string }

    public func strings(_ field: String) -> [String] { frontMatter[field]?.stringList ?? [] }

    public func day(_ field: String) -> Day? {
        guard let text = string(field) else { return nil }
        // Nearly every value is a date or a date-time in the common form, read on bytes: taking the
        // first ten Characters as a Substring and parsing a `DateTime` from it cost 2,300 instructions
        // a value (46 M of a 10k build, for the data export's and the build cache's record days).
        if let (day, _) = DateTime.commonForm(text) { return day }
        // When the first ten characters are a date they are ten ASCII bytes, so the byte count tells
        // whether anything follows (counting Characters was a visible share of `dossier check`).
        return Day(iso: text.prefix(10)).flatMap { text.utf8.count == 10 ? $0 : DateTime(iso: text)?.day }
    }

    public func dateTime(_ field: String) -> DateTime? { string(field).flatMap(DateTime.init(iso:)) }

    /// Where a field's key stands, or the top of the front matter when the field is absent.
    public func location(of field: String) -> SourceLocation {
        if let entry = frontMatter.entry(field) {
            return SourceLocation(path: path, line: entry.line, column: entry.column)
        }
        return SourceLocation(path: path, line: max(frontMatter.line, 1), column: 1)
    }

    public var location: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }

    /// Path relative to `Content/`, e.g. `procedures/PR-06.md`.
    public var contentRelativePath: String {
        path.hasPrefix("Content/") ? String(path.dropFirst("Content/".count)) : path
    }
}

/// A site after loading and parsing: the config, the types, and every entry in path order.
public struct Site: Sendable {
    public var config: SiteConfig
    public var catalog: TypeCatalog
    public var entries: [Entry]
    public var checklists: [Checklist]
    /// Files under `Content/attachments/` by their path there.
    public var attachments: [String: Data]
    /// First entry of each id (duplicates are diagnosed, and the first one in path order wins).
    /// Like `entriesOfType`, made once from `entries`: code that changes `entries` after `init` may
    /// change the entries' contents but not their order, ids or types.
    public let indexByID: [String: Int]
    /// Indices of each type's entries, in path order: the render stage asked for entries of a type
    /// about a hundred times, and filtering all entries each time was 1.3 % of a 10k build.
    private let entriesOfType: [String: [Int]]

    public init(config: SiteConfig, catalog: TypeCatalog, entries: [Entry], checklists: [Checklist] = [],
                attachments: [String: Data] = [:]) {
        self.init(config: config, catalog: catalog, entries: entries, checklists: checklists, attachments: attachments,
                  indexByID: Self.firstIndexByID(entries))
    }

    /// With `indexByID` already made from `entries` by `firstIndexByID` (the parser makes it beside
    /// other passes over the entries).
    init(config: SiteConfig, catalog: TypeCatalog, entries: [Entry], checklists: [Checklist],
         attachments: [String: Data], indexByID: [String: Int]) {
        self.config = config
        self.attachments = attachments
        self.catalog = catalog
        self.entries = entries
        self.checklists = checklists
        var ofType: [String: [Int]] = [:]
        for i in entries.indices { ofType[entries[i].type, default: []].append(i) }
        self.indexByID = indexByID
        self.entriesOfType = ofType
    }

    /// Id → position of the first entry with it.
    static func firstIndexByID(_ entries: [Entry]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for i in entries.indices where index[entries[i].id] == nil { index[entries[i].id] = i }
        return index
    }

    public func entry(id: String) -> Entry? { indexByID[id].map { entries[$0] } }

    public func entries(ofType type: String) -> [Entry] { entryIndices(ofType: type).map { entries[$0] } }

    /// Positions in `entries` of the entries of `type`, in path order.
    public func entryIndices(ofType type: String) -> [Int] { entriesOfType[type] ?? [] }

    public var documents: [Entry] { entries.filter { $0.category == .document } }
    public var records: [Entry] { entries.filter { $0.category == .record } }
}
