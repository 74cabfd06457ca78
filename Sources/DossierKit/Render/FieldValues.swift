/// Turns front-matter values into what a page shows: dates in the site's language, people by name,
/// references as links, enum values translated where the theme has a word for them.
struct FieldValues {
    let context: RenderContext
    let page: String
    /// Clause links through a table made once (entry pages); `nil` finds each one in the coverage.
    var clauseTargets: ClauseTargets? = nil
    /// Every entry's page by index, made once (entry pages); `nil` makes each path when it is needed.
    var pagePaths: [String]? = nil

    /// One row per field present in the entry, in schema order, then any unknown fields.
    func rows(for entry: Entry, skipping skipped: Set<String>) -> [TemplateValue] {
        guard let type = context.site.catalog[entry.type] else { return [] }
        let specs = context.site.catalog.allFields(of: type)
        var rows: [TemplateValue] = []
        var shown: Set<String> = skipped
        for spec in specs where !shown.contains(spec.name) {
            guard let node = entry[spec.name], !node.isNull else { continue }
            shown.insert(spec.name)
            rows.append(.fields(["label": .text(label(spec.name)), "name": .text(spec.name),
                              "items": .list(itemValues(node, kind: spec.kind)), "wide": .bool(Self.isWide(node, kind: spec.kind))]))
        }
        for field in entry.frontMatter.entries ?? [] where !shown.contains(field.key) {
            rows.append(.fields(["label": .text(label(field.key)), "name": .text(field.key),
                              "items": .list(itemValues(field.value, kind: .any)), "wide": .bool(Self.isWide(field.value, kind: .any))]))
        }
        return rows
    }

    /// Long text, maps and long lists take a whole row of the field grid instead of one narrow cell.
    static func isWide(_ node: YAMLNode, kind: FieldKind) -> Bool {
        switch node.value {
        case .mapping: return true
        case let .sequence(items): return items.count > 3 || items.contains { $0.string.map { longer($0, than: 30) } ?? false }
        case let .scalar(text, _):
            if case .text = kind { return true }
            return longer(text, than: 40)
        }
    }

    /// `text.count > limit` without counting characters when the bytes are few enough (a character
    /// has at least one byte).
    private static func longer(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    func label(_ field: String) -> String { context.strings.label(field: field) }

    /// Display items for a value of `kind`; lists give one item each. Every item carries one of the
    /// flags `isLink`, `isBadge`, `isPlain` (Mustache sections need booleans, not strings).
    func items(_ node: YAMLNode, kind: FieldKind) -> [[String: Any]] {
        Self.markingLast(unmarkedItems(node, kind: kind)).map { $0.mapValues(\.plain) }
    }

    /// `items(_:kind:)` as typed view models, for pages built without `[String: Any]`.
    ///
    /// A scalar, the usual case, makes its one item directly: no intermediate arrays, and the `last`
    /// flag added in place (about 3 % of a 10k build went to the arrays and copies).
    func itemValues(_ node: YAMLNode, kind: FieldKind) -> [TemplateValue] {
        switch node.value {
        case let .scalar(text, _):
            return [.item(fieldItem(node.isNull ? "" : text, kind: kind, last: true))]
        case let .sequence(values) where values.allSatisfy(\.isScalar):
            // A list of scalars (`clauses: [a, b]`): one item each, as `unmarkedItems` makes them,
            // without an array per element and the copies of `markingLast` (6 000 instructions a list).
            let elementKind: FieldKind
            if case let .list(of) = kind { elementKind = of } else { elementKind = .any }
            var items: [TemplateValue] = []
            items.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                items.append(.item(fieldItem(value.string ?? "", kind: elementKind, last: index == values.count - 1)))
            }
            return items
        default:
            return Self.markingLast(unmarkedItems(node, kind: kind)).map(TemplateValue.fields)
        }
    }

    private func unmarkedItems(_ node: YAMLNode, kind: FieldKind) -> [TemplateFields] {
        var result: [TemplateFields] = []
        switch (node.value, kind) {
        case let (.sequence(values), .list(of)):
            for value in values { result += unmarkedItems(value, kind: of) }
        case let (.sequence(values), _):
            for value in values { result += unmarkedItems(value, kind: .any) }
        case let (.mapping(entries), _):
            for entry in entries {
                let inner = unmarkedItems(entry.value, kind: .any).compactMap { item -> String? in
                    if case let .text(text)? = item["text"] { return text }
                    return nil
                }.joined(separator: ", ")
                result.append(Self.plainValue("\(label(entry.key)): \(inner)"))
            }
        case (.scalar, _):
            result.append(item(node.string ?? "", kind: kind))
        }
        return result
    }

    static func plain(_ text: String, missing: Bool = false, overdue: Bool = false) -> [String: Any] {
        plainValue(text, missing: missing, overdue: overdue).mapValues(\.plain)
    }

    static func plainValue(_ text: String, missing: Bool = false, overdue: Bool = false, last: Bool = false) -> TemplateFields {
        plainItem(text, missing: missing, overdue: overdue, last: last).fields
    }

    static func plainItem(_ text: String, missing: Bool = false, overdue: Bool = false, last: Bool = false) -> FieldItem {
        FieldItem(text, .plain(isMissing: missing, isOverdue: overdue), last: last)
    }

    /// Sets `last` on the final item so the template puts no separator after it.
    static func markingLast(_ items: [[String: Any]]) -> [[String: Any]] {
        var items = items
        if !items.isEmpty { items[items.count - 1]["last"] = true }
        return items
    }

    static func markingLast(_ items: [TemplateFields]) -> [TemplateFields] {
        var items = items
        if !items.isEmpty { items[items.count - 1]["last"] = .bool(true) }
        return items
    }

    /// The display item of one value as name-value pairs; `last` adds `last: true` (the final item of
    /// a field).
    func item(_ text: String, kind: FieldKind, last: Bool = false) -> TemplateFields {
        fieldItem(text, kind: kind, last: last).fields
    }

    /// The display item of one value, typed (what pages hold; see `FieldItem`).
    func fieldItem(_ text: String, kind: FieldKind, last: Bool = false) -> FieldItem {
        switch kind {
        case .reference:
            // `context.linkValue(from:id:pages:)` with its flags.
            guard let index = context.site.indexByID[text] else { return FieldItem(text, .missingReference, last: last) }
            let target = pagePaths?[index] ?? PagePaths.page(for: context.site.entries[index])
            return FieldItem(text, .reference(title: context.site.entries[index].title,
                                              href: PagePaths.relative(from: page, to: target)), last: last)
        case .clause:
            // A clause of an applicable standard links to its clause page; others stay text.
            let target = clauseTargets.map { $0.target(text) } ?? PagePaths.clauseTarget(reference: text, coverage: context.coverage)
            guard let target else { return Self.plainItem(text, last: last) }
            return FieldItem(text, .link(href: PagePaths.relative(from: page, to: target)), last: last)
        case .attachment:
            return FieldItem(text, .link(href: PagePaths.relative(from: page, to: PagePaths.attachment(text))), last: last)
        case .date:
            // A closure, not `.map(strings.format)`: a method reference captures a copy of the strings
            // (a retain and release of every table, shared by both render threads) for each date.
            return Self.plainItem(RenderDates.day(text).map { context.strings.format($0) } ?? text, last: last)
        case .datetime:
            return Self.plainItem(RenderDates.formatDateTime(text, strings: context.strings) ?? text, last: last)
        case .enumeration, .bool:
            return FieldItem(word(for: text), .badge(text), last: last)
        default:
            return Self.plainItem(text, last: last)
        }
    }

    /// The theme's word for an enum value (`value.approved` → 已批准), or the value itself.
    func word(for value: String) -> String { context.strings.word(value: value) }
}

private extension YAMLNode {
    var isScalar: Bool {
        if case .scalar = value { return true }
        return false
    }
}
