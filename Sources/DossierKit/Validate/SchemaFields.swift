/// The fields of each type as the validators see them: the common fields of its category and the
/// type's own, merged by name (a later definition replaces an earlier one in place, so the
/// documents' required `title` replaces the optional `title` common to every file). Built once per
/// validation run and shared by the schema, reference and people rules.
struct SchemaFields: Sendable {
    struct TypeFields: Sendable {
        var specs: [FieldSpec]
        var names: Set<String>
        /// Field names in schema order, for "did you mean" hints.
        var orderedNames: [String]
    }

    let byType: [String: TypeFields]

    init(catalog: TypeCatalog) {
        var byType: [String: TypeFields] = [:]
        for (name, type) in catalog.types {
            let specs = Self.merged(catalog.allFields(of: type))
            byType[name] = TypeFields(specs: specs, names: Set(specs.map(\.name)), orderedNames: specs.map(\.name))
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
