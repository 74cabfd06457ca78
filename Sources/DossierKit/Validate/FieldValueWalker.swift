/// One scalar value of an entry's front matter, found through the type's schema: a top-level field
/// (`owner`), a list element (`clauses[2]`) or a field nested in a map (`history[1].by`).
struct FieldValue: Sendable {
    /// How messages name the value: `owner`, `clauses[2]`, `history[1].by`. Made only when a message
    /// asks: formatting `clauses[2]` for every list item was a third of the walk.
    var label: String { index.map { FieldValueWalker.itemLabel(parentLabel, $0) } ?? parentLabel }
    /// The label, or for a list item the list's label (`clauses` of `clauses[2]`).
    var parentLabel: String
    /// The position in that list, for a list item.
    var index: Int?
    /// The top-level field the value belongs to (`history` for `history[1].by`).
    var field: String
    /// The leaf kind that describes the value (never a list or a map).
    var kind: FieldKind
    var text: String
    var location: SourceLocation

    init(label: String, index: Int? = nil, field: String, kind: FieldKind, text: String, location: SourceLocation) {
        self.parentLabel = label
        self.index = index
        self.field = field
        self.kind = kind
        self.text = text
        self.location = location
    }
}

/// Finds the scalar values of some kinds (references, persons, clauses...) in an entry, following
/// lists and maps as the schema describes them. Values of the wrong shape are skipped: reporting
/// them is the schema rule's job.
struct FieldValueWalker: Sendable {
    let schema: SchemaFields
    /// With `init(schema:keeping:)`: the test, and each type's fields that may hold such a value.
    private let test: (@Sendable (FieldKind) -> Bool)?
    /// Each type's fields that may hold such a value, by name and kind only: copying whole specs
    /// (requirements, ranges) for every entry retained and released what the walk never reads.
    private let relevant: [String: [(name: String, kind: FieldKind)]]

    init(schema: SchemaFields) {
        self.schema = schema
        test = nil
        relevant = [:]
    }

    /// A walker for one test (`values(in:)`), which finds each type's fields that may hold such a value
    /// once: copying and testing every field of every entry (a retain of each spec's strings and
    /// kinds, on both cores at once) was most of the reference and people rules' walk.
    init(schema: SchemaFields, keeping test: @escaping @Sendable (FieldKind) -> Bool) {
        self.schema = schema
        self.test = test
        relevant = schema.byType.mapValues { $0.specs.filter { $0.kind.containsLeaf(where: test) }.map { ($0.name, $0.kind) } }
    }

    /// Each entry's relevant fields by its type slot (`ValidationContext.typeSlots`): the walk then
    /// indexes an array instead of hashing every entry's type (7 M instructions of `dossier check`).
    func relevantBySlot(_ context: ValidationContext) -> [[(name: String, kind: FieldKind)]?] {
        context.bySlot(relevant)
    }

    /// `values(in:where:)` with the test the walker was made for.
    func values(in entry: Entry) -> [FieldValue] {
        values(in: entry, specs: relevant[entry.type])
    }

    /// `values(in:)` with the entry's relevant fields already found (`relevantBySlot`).
    func values(in entry: Entry, specs: [(name: String, kind: FieldKind)]?) -> [FieldValue] {
        guard let test else { return [] }
        guard let specs, !specs.isEmpty, let top = entry.frontMatter.entries else { return [] }
        var found: [FieldValue] = []
        for spec in specs {
            guard let item = top.first(where: { $0.key == spec.name }) else { continue }
            let location = SourceLocation(path: entry.path, line: item.line, column: item.column)
            visit(item.value, kind: spec.kind, label: spec.name, field: spec.name, location: location,
                  path: entry.path, test: test, into: &found)
        }
        return found
    }

    /// Every value of the entry whose leaf kind satisfies `test`, in front-matter order of the schema.
    func values(in entry: Entry, where test: (FieldKind) -> Bool) -> [FieldValue] {
        guard let fields = schema[entry.type], let top = entry.frontMatter.entries else { return [] }
        var found: [FieldValue] = []
        for spec in fields.specs where spec.kind.containsLeaf(where: test) {
            guard let item = top.first(where: { $0.key == spec.name }) else { continue }
            let location = SourceLocation(path: entry.path, line: item.line, column: item.column)
            visit(item.value, kind: spec.kind, label: spec.name, field: spec.name, location: location,
                  path: entry.path, test: test, into: &found)
        }
        return found
    }

    /// `label` names the node; for an item of a list (`index`), the list.
    private func visit(_ node: YAMLNode, kind: FieldKind, label: String, index: Int? = nil, field: String,
                       location: SourceLocation, path: String, test: (FieldKind) -> Bool, into found: inout [FieldValue]) {
        switch kind {
        case let .list(inner):
            let label = index.map { Self.itemLabel(label, $0) } ?? label
            guard let items = node.sequence else {
                // A single value stands for a one-element list.
                visit(node, kind: inner, label: label, field: field, location: location, path: path, test: test, into: &found)
                return
            }
            for (index, item) in items.enumerated() {
                let itemLocation = SourceLocation(path: path, line: item.line, column: item.column)
                visit(item, kind: inner, label: label, index: index, field: field, location: itemLocation,
                      path: path, test: test, into: &found)
            }
        case let .map(specs):
            guard let entries = node.entries else { return }
            let label = index.map { Self.itemLabel(label, $0) } ?? label
            for spec in specs where spec.kind.containsLeaf(where: test) {
                guard let item = entries.first(where: { $0.key == spec.name }) else { continue }
                let itemLocation = SourceLocation(path: path, line: item.line, column: item.column)
                visit(item.value, kind: spec.kind, label: "\(label).\(spec.name)", field: field, location: itemLocation,
                      path: path, test: test, into: &found)
            }
        default:
            guard test(kind), let text = node.string else { return }
            found.append(FieldValue(label: label, index: index, field: field, kind: kind, text: text, location: location))
        }
    }

    /// `clauses[2]`.
    static func itemLabel(_ list: String, _ index: Int) -> String { "\(list)[\(index)]" }
}
