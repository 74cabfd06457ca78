/// A JSON Schema (draft 2020-12) of the front matter of every type a site knows, derived from the
/// type catalog (types.yml plus the company's `types:`), so editors and linters can check files as
/// they are written. Kinds become JSON types and patterns, enums `enum`, `required: true` `required`,
/// and `when:` conditions `if`/`then`. Site data narrows it where Dossier checks against it too:
/// people fields list the configured names, clause fields the clauses of the known checklists.
///
/// Front matter is YAML: a plain `period: 2026` arrives as a number, so string kinds accept any
/// scalar, as Dossier does. Unknown fields are allowed (Dossier only warns about them). A value where
/// a list is expected is accepted too (`clauses: iso20000-1:8.6.1`), as Dossier accepts it.
public struct JSONSchemaWriter: Sendable {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    public var catalog: TypeCatalog
    public var people: [String]
    public var clauses: [String]

    public init(catalog: TypeCatalog, people: [String], clauses: [String]) {
        self.catalog = catalog
        self.people = people
        self.clauses = clauses
    }

    public init(site: Site) {
        self.init(catalog: site.catalog, people: site.config.people.map(\.name),
                  clauses: site.checklists.flatMap { checklist in checklist.clauses.map { "\(checklist.id):\($0.id)" } })
    }

    /// One schema for every file: the common fields, and per type (when the file names its `type`)
    /// the type's schema from `$defs`.
    public func combined() -> String {
        let names = catalog.sortedNames
        let common = (catalog.commonFields[.record] ?? []).filter { field in
            (catalog.commonFields[.document] ?? []).contains { $0.name == field.name }
        }
        var properties = properties(of: common)
        properties = properties.map { $0.0 == "type" ? ("type", .object([("enum", .array(names.map(JSONValue.string)))])) : $0 }
        let branches: [JSONValue] = names.map { name in
            .object([
                ("if", .object([("properties", .object([("type", .object([("const", .string(name))]))])),
                                ("required", .array([.string("type")]))])),
                ("then", .object([("$ref", .string("#/$defs/\(name)"))])),
            ])
        }
        return JSONValue.object([
            ("$schema", .string(Self.draft)),
            ("title", .string("Dossier front matter")),
            ("description", .string("Front matter of Dossier content files. A file that names its type is checked against that type; a file whose type comes from its folder only against the common fields (use the per-type schemas for folders).")),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("allOf", .array(branches)),
            ("$defs", .object(names.compactMap { name in catalog[name].map { (name, schema(of: $0, standalone: false)) } })),
        ]).render() + "\n"
    }

    /// A schema of one type alone, for a folder of files of that type.
    public func standalone(_ type: TypeDefinition) -> String {
        schema(of: type, standalone: true).render() + "\n"
    }

    func schema(of type: TypeDefinition, standalone: Bool) -> JSONValue {
        let own = Set(type.fields.map(\.name))
        let common = (catalog.commonFields[type.category] ?? []).filter { !own.contains($0.name) }
        let fields = common + type.fields
        var pairs: [(String, JSONValue)] = []
        if standalone { pairs.append(("$schema", .string(Self.draft))) }
        pairs.append(("title", .string("\(type.name): \(type.title.text(.en))")))
        pairs.append(("type", .string("object")))
        var properties = properties(of: fields)
        properties = properties.map { $0.0 == "type" ? ("type", .object([("const", .string(type.name))])) : $0 }
        pairs.append(("properties", .object(properties)))
        // `id` is not required: it defaults to the file name.
        var required = fields.filter { $0.requirement == .always }.map(\.name)
        if type.category == .document, !required.contains("title") { required.insert("title", at: 0) }
        pairs.append(("required", .array(required.map(JSONValue.string))))
        let conditions = fields.compactMap(condition)
        if !conditions.isEmpty { pairs.append(("allOf", .array(conditions))) }
        return .object(pairs)
    }

    func properties(of fields: [FieldSpec]) -> [(String, JSONValue)] {
        fields.map { ($0.name, value(of: $0.kind, spec: $0)) }
    }

    /// `when: status=closed` → if status is closed then the field is required.
    func condition(_ field: FieldSpec) -> JSONValue? {
        guard case let .when(other, values, negated) = field.requirement else { return nil }
        let test: JSONValue = values.count == 1 && !negated
            ? .object([("const", .string(values[0]))])
            : negated ? .object([("not", .object([("enum", .array(values.map(JSONValue.string)))]))])
                      : .object([("enum", .array(values.map(JSONValue.string)))])
        return .object([
            ("if", .object([("properties", .object([(other, test)])), ("required", .array([.string(other)]))])),
            ("then", .object([("required", .array([.string(field.name)]))])),
        ])
    }

    static let scalar: JSONValue = .array([.string("string"), .string("number"), .string("boolean")])

    func value(of kind: FieldKind, spec: FieldSpec?) -> JSONValue {
        switch kind {
        case .string, .text:
            return .object([("type", Self.scalar)])
        case .any:
            return .object([])
        case .date:
            return .object([("type", .string("string")), ("pattern", .string(#"^\d{4}-\d{2}-\d{2}$"#))])
        case .datetime:
            return .object([("type", .string("string")),
                            ("pattern", .string(#"^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$"#))])
        case .number, .integer:
            var pairs: [(String, JSONValue)] = [("type", .string(kind == .integer ? "integer" : "number"))]
            if let minimum = spec?.minimum { pairs.append(("minimum", .number(minimum))) }
            if let maximum = spec?.maximum { pairs.append(("maximum", .number(maximum))) }
            return .object(pairs)
        case .bool:
            return .object([("type", .string("boolean"))])
        case let .enumeration(values):
            return .object([("enum", .array(values.map(JSONValue.string)))])
        case let .reference(types):
            var pairs: [(String, JSONValue)] = [("type", .string("string")), ("pattern", .string(EntryParser.idPattern))]
            if !types.isEmpty { pairs.append(("description", .string("the id of a \(types.joined(separator: " or "))"))) }
            return .object(pairs)
        case .person:
            return people.isEmpty ? .object([("type", .string("string"))]) : .object([("enum", .array(people.map(JSONValue.string)))])
        case .clause:
            return clauses.isEmpty
                ? .object([("type", .string("string")), ("pattern", .string("^[^:\\s]+:[^\\s]+$"))])
                : .object([("enum", .array(clauses.map(JSONValue.string)))])
        case .attachment:
            return .object([("type", .string("string"))])
        case let .list(inner):
            let item = value(of: inner, spec: nil)
            let array: JSONValue = .object([("type", .string("array")), ("items", item)])
            if case .map = inner { return array }
            return .object([("anyOf", .array([array, item]))])
        case let .map(fields):
            var pairs: [(String, JSONValue)] = [("type", .string("object"))]
            if !fields.isEmpty {
                pairs.append(("properties", .object(properties(of: fields))))
                let required = fields.filter { $0.requirement == .always }.map(\.name)
                if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
                let conditions = fields.compactMap(condition)
                if !conditions.isEmpty { pairs.append(("allOf", .array(conditions))) }
            }
            return .object(pairs)
        }
    }
}
