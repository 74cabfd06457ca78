/// The fields of each type as the validators see them: the common fields of its category and the
/// type's own, merged by name (a later definition replaces an earlier one in place, so the
/// documents' required `title` replaces the optional `title` common to every file). Built once per
/// validation run and shared by the schema, reference and people rules.
struct SchemaFields: Sendable {
    struct TypeFields: Sendable {
        var specs: [FieldSpec]
        /// Field names in schema order, for "did you mean" hints.
        var orderedNames: [String]
        /// Name → index in `specs` (names are unique there; a `NameTable`, asked for the keys that
        /// are out of the schema's order), and for each spec how its value is checked without
        /// copying the spec (see `SchemaValueCheck.checkMap`).
        var positions: NameTable<Int>
        var quick: [QuickCheck]
        /// Whether each spec is optional: a missing or empty value is then never reported.
        var optional: [Bool]
        /// The names of `specs`, in order.
        var specNames: [String]

        /// `specs` merged (one per name); `orderedNames` as the schema lists them, for hints.
        init(specs: [FieldSpec], orderedNames: [String]) {
            self.specs = specs
            self.orderedNames = orderedNames
            positions = NameTable(specs.enumerated().map { ($1.name, $0) })
            quick = specs.map { QuickCheck($0.kind) }
            specNames = specs.map(\.name)
            optional = specs.map { $0.requirement == .optional }
        }
    }

    /// What the schema check needs to know of a field in its common case, a present, non-empty value:
    /// copying each `FieldSpec` (strings, kinds, conditions) for every value of every entry was a
    /// tenth of the schema rule. Anything else takes the general path with the spec.
    enum QuickCheck: Sendable {
        case leaf(Leaf)
        /// A list of such values, or one value where a list may stand.
        case list(Leaf)
        /// Maps, lists of lists or maps, numbers, booleans.
        case general

        init(_ kind: FieldKind) {
            if let leaf = Leaf(kind) {
                self = .leaf(leaf)
            } else if case let .list(inner) = kind, let leaf = Leaf(inner) {
                self = .list(leaf)
            } else {
                self = .general
            }
        }
    }

    enum Leaf: Sendable {
        /// Anything goes (`any`).
        case nothing
        /// A single value with no further test (string, text, person, reference, attachment).
        case scalar
        case date
        case datetime
        case clause
        case enumeration([String])

        init?(_ kind: FieldKind) {
            switch kind {
            case .any: self = .nothing
            case .string, .text, .person, .reference, .attachment: self = .scalar
            case .date: self = .date
            case .datetime: self = .datetime
            case .clause: self = .clause
            case let .enumeration(values): self = .enumeration(values)
            default: return nil
            }
        }
    }

    let byType: [String: TypeFields]

    init(catalog: TypeCatalog) {
        var byType: [String: TypeFields] = [:]
        for (name, type) in catalog.types {
            let specs = Self.merged(catalog.allFields(of: type))
            byType[name] = TypeFields(specs: specs, orderedNames: specs.map(\.name))
        }
        self.byType = byType
    }

    subscript(type: String) -> TypeFields? { byType[type] }

    /// `specs` with one spec per name: the last definition wins, at the position of the first.
    static func merged(_ specs: [FieldSpec]) -> [FieldSpec] {
        var result: [FieldSpec] = []
        var position: [String: Int] = [:]
        for spec in specs {
            if let index = position[spec.name] {
                result[index] = spec
            } else {
                position[spec.name] = result.count
                result.append(spec)
            }
        }
        return result
    }
}

extension FieldKind {
    /// True when this kind, or a kind nested in it (list element, map field), satisfies `test`.
    func containsLeaf(where test: (FieldKind) -> Bool) -> Bool {
        switch self {
        case let .list(inner): return inner.containsLeaf(where: test)
        case let .map(fields): return fields.contains { $0.kind.containsLeaf(where: test) }
        default: return test(self)
        }
    }
}

extension YAMLNode {
    /// The items of a list, or the value itself when a single value stands where a list may be.
    var itemsOrSelf: [YAMLNode] {
        if let items = sequence { return items }
        return isNull ? [] : [self]
    }
}
