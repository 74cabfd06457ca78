/// What a profile leaves out, in the forms it could show up in elsewhere: the ids, titles and paths
/// of the excluded entries. An id or title that an included entry shares (duplicate ids) is not
/// hidden: the included entry shows it anyway.
struct HiddenEntries: Sendable {
    var ids: Set<String> = []
    var titles: Set<String> = []
    var paths: Set<String> = []

    init(excluded: [Entry], included: [Entry]) {
        let shownIDs = Set(included.map(\.id))
        let shownTitles = Set(included.map(\.title))
        for entry in excluded {
            if !shownIDs.contains(entry.id) { ids.insert(entry.id) }
            if !shownTitles.contains(entry.title), !entry.title.isEmpty { titles.insert(entry.title) }
            paths.insert(entry.path)
        }
    }

    var isEmpty: Bool { ids.isEmpty && titles.isEmpty && paths.isEmpty }

    /// The front matter without any value that names a hidden id: a reference field (`related`,
    /// `procedure`, `source`) must neither link to nor name an entry the profile leaves out. A list
    /// loses the item, a map the key (and a list or map left empty goes too).
    func strippingReferences(from node: YAMLNode) -> YAMLNode? {
        guard !ids.isEmpty else { return node }
        switch node.value {
        case let .scalar(text, _):
            return ids.contains(text) ? nil : node
        case let .sequence(items):
            let kept = items.compactMap(strippingReferences)
            if kept.isEmpty && !items.isEmpty { return nil }
            return YAMLNode(.sequence(kept), line: node.line, column: node.column)
        case let .mapping(entries):
            let kept = entries.compactMap { entry -> YAMLEntry? in
                guard let value = strippingReferences(from: entry.value) else { return nil }
                var entry = entry
                entry.value = value
                return entry
            }
            if kept.isEmpty && !entries.isEmpty { return nil }
            return YAMLNode(.mapping(kept), line: node.line, column: node.column)
        }
    }
}
