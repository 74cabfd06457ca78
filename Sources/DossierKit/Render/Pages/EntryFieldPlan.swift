/// The field rows of one type's entry pages, worked out once per type instead of once per entry.
///
/// Why: `FieldValues.rows(for:skipping:)` joined the common and the type's field lists, looked up
/// every field's label (`"field." + name`), built a `Set` of the skipped names and searched the front
/// matter once per field, for each of 10 000 pages (6.7 % of a 10k build with the items). Here the
/// fields come in schema order without duplicates, with their labels and names as template values
/// already, and one pass over the entry's front matter finds each field's value.
struct EntryFieldPlan: Sendable {
    struct Field: Sendable {
        let name: TemplateValue
        let label: TemplateValue
        let kind: FieldKind
    }

    /// Fields the schema lists, first occurrence of each name, skipped names left out.
    let fields: [Field]
    /// Name → index in `fields`, or `-1` for a skipped name (a `NameTable`: each page looks up
    /// every front-matter key here).
    private let slots: NameTable<Int>
    /// Every schema field's kind by name, skipped ones too (the first of a name, as `rows` takes it).
    let kinds: [String: FieldKind]

    init(type: TypeDefinition, catalog: TypeCatalog, skipping skipped: [String], values: FieldValues) {
        var slots: [String: Int] = [:]
        for name in skipped { slots[name] = -1 }
        var fields: [Field] = []
        var kinds: [String: FieldKind] = [:]
        for spec in catalog.allFields(of: type) {
            if kinds[spec.name] == nil { kinds[spec.name] = spec.kind }
            guard slots[spec.name] == nil else { continue }
            slots[spec.name] = fields.count
            fields.append(Field(name: .text(spec.name), label: .text(values.label(spec.name)), kind: spec.kind))
        }
        self.fields = fields
        self.slots = NameTable(slots.map { ($0.key, $0.value) })
        self.kinds = kinds
    }

    /// The same rows as `values.rows(for: entry, skipping:)` with the skipped names of this plan:
    /// schema fields with a value first, then the front matter's other keys in their order.
    func rows(for entry: Entry, values: FieldValues) -> [TemplateValue] {
        let pairs = entry.frontMatter.entries ?? []
        guard !pairs.isEmpty else { return [] }
        // Each schema field's value is its key's first occurrence (as `entry[name]` finds it).
        // One scratch array for the three tables (found, slot of each pair, shown): one allocation
        // per page instead of three.
        let count = fields.count
        var scratch = [Int](repeating: -1, count: 2 * count + pairs.count)
        let slotOfPairAt = 2 * count
        for (position, pair) in pairs.enumerated() {
            guard let slot = slots[pair.key] else { scratch[slotOfPairAt + position] = Int.min; continue }
            scratch[slotOfPairAt + position] = slot
            if slot >= 0, scratch[slot] < 0 { scratch[slot] = position }
        }
        var rows: [TemplateValue] = []
        rows.reserveCapacity(pairs.count)
        // `scratch[count + slot]` is 1 once the field's row is shown.
        // Through the buffer: `for field in fields` copied each field (its name and label, which all
        // render threads share, so the copies' counts moved between the cores).
        fields.withUnsafeBufferPointer { fields in
            for slot in fields.indices {
                let position = scratch[slot]
                guard position >= 0, !pairs[position].value.isNull else { continue }
                scratch[count + slot] = 1
                let node = pairs[position].value
                rows.append(.fields(["label": fields[slot].label, "name": fields[slot].name,
                                     "items": .list(values.itemValues(node, kind: fields[slot].kind)),
                                     "wide": .bool(FieldValues.isWide(node, kind: fields[slot].kind))]))
            }
        }
        for (position, pair) in pairs.enumerated() {
            let slot = scratch[slotOfPairAt + position]
            if slot == -1 || (slot >= 0 && scratch[count + slot] == 1) { continue }
            rows.append(.fields(["label": .text(values.label(pair.key)), "name": .text(pair.key),
                                 "items": .list(values.itemValues(pair.value, kind: .any)),
                                 "wide": .bool(FieldValues.isWide(pair.value, kind: .any))]))
        }
        return rows
    }
}
