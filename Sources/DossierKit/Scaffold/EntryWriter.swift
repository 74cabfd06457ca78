/// Writes the front matter of a new record or document from its type's schema (types.yml), as
/// `dossier new` and the sample records of `dossier init` need it: every required field, and every
/// field a `when:` condition makes required, gets a value that passes `dossier check` where one can
/// be chosen (dates: the as-of day; enums: the first value; people: the first person, or the first
/// auditor for auditor fields; references: an existing file of the right type), and `TODO` where
/// only the user knows. Fields set by the caller win over these defaults.
public struct EntryWriter: Sendable {
    /// A file already in the site, for references.
    public struct Known: Sendable, Hashable {
        public var id: String
        public var type: String
        public var category: ContentCategory
        public var approved: Bool

        public init(id: String, type: String, category: ContentCategory, approved: Bool) {
            self.id = id
            self.type = type
            self.category = category
            self.approved = approved
        }
    }

    public var catalog: TypeCatalog
    public var people: [SiteConfig.Person]
    public var asOf: Day
    public var known: [Known]
    /// A clause reference for clause fields (`iso20000-1:4.1`), nil when the site has no standard.
    public var defaultClause: String?

    public init(catalog: TypeCatalog, people: [SiteConfig.Person], asOf: Day, known: [Known], defaultClause: String?) {
        self.catalog = catalog
        self.people = people
        self.asOf = asOf
        self.known = known
        self.defaultClause = defaultClause
    }

    /// The front matter between the `---` lines (each line ending in a newline). Fields are written
    /// in the schema's order (common fields first), then any caller field the schema lacks.
    public func frontMatter(type: TypeDefinition, id: String, title: String?, values: [NewValue.Pair]) -> String {
        // The type's own spec wins over a common field of the same name (`owner` of a nonconformity is
        // required); records read best with their own fields first, documents with the common ones.
        let own = Set(type.fields.map(\.name))
        let common = (catalog.commonFields[type.category] ?? []).filter { !own.contains($0.name) }
        let fields = (type.category == .record ? type.fields + common : common + type.fields)
            .filter { !["id", "type", "title"].contains($0.name) }
        var chosen: [String: (value: NewValue, todo: Bool)] = [:]
        for pair in values { chosen[pair.key] = (pair.value, false) }
        for field in fields where chosen[field.name] == nil && field.requirement == .always {
            chosen[field.name] = defaultValue(for: field.kind, name: field.name, spec: field)
        }
        // `when:` conditions may depend on defaults just chosen; two passes settle chains of them.
        for _ in 0..<2 {
            for field in fields where chosen[field.name] == nil {
                guard case let .when(other, accepted, negated) = field.requirement,
                      let current = chosen[other]?.value.scalarText else { continue }
                if accepted.contains(current) != negated {
                    chosen[field.name] = defaultValue(for: field.kind, name: field.name, spec: field)
                }
            }
        }
        var lines = ["id: \(YAMLText.scalar(id))"]
        if let title { lines.append("title: \(YAMLText.scalar(title))") }
        let names = fields.map(\.name)
        for name in names + values.map(\.key).filter({ !names.contains($0) }) {
            guard let (value, todo) = chosen[name] else { continue }
            lines.append(value.line(name) + (todo ? "  # TODO" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value of `kind` that passes the schema, and whether the user should look at it.
    func defaultValue(for kind: FieldKind, name: String, spec: FieldSpec?) -> (value: NewValue, todo: Bool) {
        switch kind {
        case .date: return (.plain(asOf.description), false)
        case .datetime: return (.plain("\(asOf) 09:00"), false)
        case .number, .integer: return (.plain(JSONValue.format(spec?.minimum ?? 0)), true)
        case .bool: return (.plain("false"), true)
        case let .enumeration(values): return values.first.map { (.text($0), false) } ?? (.plain("TODO"), true)
        case .string, .text, .any: return (.plain("TODO"), false)
        case .person:
            let person = name.contains("auditor") ? people.first(where: \.auditor) ?? people.first : people.first
            return person.map { (.text($0.name), false) } ?? (.plain("TODO"), true)
        case let .reference(types):
            return reference(types).map { (.text($0), true) } ?? (.plain("TODO"), true)
        case .clause: return defaultClause.map { (.text($0), true) } ?? (.plain("TODO"), true)
        case .attachment: return (.plain("TODO"), true)
        case let .list(inner):
            let item = defaultValue(for: inner, name: name, spec: nil)
            return (.list([item.value]), item.todo)
        case let .map(fields):
            let pairs = fields.filter { $0.requirement == .always }.map { field in
                NewValue.Pair(field.name, defaultValue(for: field.kind, name: field.name, spec: field).value)
            }
            return (.map(pairs), false)
        }
    }

    /// An existing file a reference may name: approved documents first, then records, by id.
    func reference(_ types: [String]) -> String? {
        let candidates = known.filter { types.isEmpty || types.contains($0.type) }
        let ranked = candidates.sorted { a, b in
            let ra = a.category == .document ? (a.approved ? 0 : 2) : 1
            let rb = b.category == .document ? (b.approved ? 0 : 2) : 1
            return ra != rb ? ra < rb : a.id < b.id
        }
        // A reference to anything (a nonconformity's source) is most likely a record.
        if types.isEmpty { return candidates.filter { $0.category == .record }.map(\.id).min() ?? ranked.first?.id }
        return ranked.first?.id
    }
}
