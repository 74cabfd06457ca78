/// Masks front-matter values at dotted field paths (`customer.phone`): the value found there — a
/// single value, a list or a map alike — becomes one marker. A list met on the way passes the rest
/// of the path to each of its items, so `history.by` masks the author of every revision.
///
/// The Markdown body is not scanned: redaction is per field (docs/profiles.md, "Limits").
struct Redaction: Sendable {
    /// What every output shows instead of a masked value. It is the same in every language and
    /// every file (pages, search index, JSON, calendar), so tools can recognise it.
    static let marker = "[redacted]"

    /// Fields that name or place an entry: masking them would break pages and links, so `ProfileRule`
    /// refuses them and the filter leaves them alone.
    static let unmaskable: Set<String> = ["id", "type"]

    let paths: [[String]]

    init(_ paths: [String]) {
        self.paths = paths.map { $0.split(separator: ".").map(String.init) }
            .filter { !$0.isEmpty && !Self.unmaskable.contains($0[0]) }
    }

    var isEmpty: Bool { paths.isEmpty }

    /// What masking took away: the original values (to keep them out of diagnostics' messages) and
    /// the lines they stood on (diagnostics located there are not shown either).
    struct Hidden: Sendable {
        var values: Set<String> = []
        var lines: Set<Int> = []
    }

    /// The front matter with every path masked, and what was hidden.
    func apply(to frontMatter: YAMLNode) -> (frontMatter: YAMLNode, hidden: Hidden) {
        var hidden = Hidden()
        var node = frontMatter
        for path in paths { node = mask(node, path: path[...], hidden: &hidden) }
        return (node, hidden)
    }

    private func mask(_ node: YAMLNode, path: ArraySlice<String>, hidden: inout Hidden) -> YAMLNode {
        guard let key = path.first else {
            if node.isNull { return node }
            Self.collect(node, into: &hidden)
            return YAMLNode(.scalar(Self.marker, plain: false), line: node.line, column: node.column)
        }
        switch node.value {
        case let .mapping(entries):
            return YAMLNode(.mapping(entries.map { entry in
                guard entry.key == key else { return entry }
                var entry = entry
                if path.count == 1 { hidden.lines.insert(entry.line) }
                entry.value = mask(entry.value, path: path.dropFirst(), hidden: &hidden)
                return entry
            }), line: node.line, column: node.column)
        case let .sequence(items):
            return YAMLNode(.sequence(items.map { mask($0, path: path, hidden: &hidden) }), line: node.line, column: node.column)
        case .scalar:
            return node
        }
    }

    private static func collect(_ node: YAMLNode, into hidden: inout Hidden) {
        hidden.lines.insert(node.line)
        switch node.value {
        case let .scalar(text, _):
            if !text.isEmpty { hidden.values.insert(text) }
        case let .sequence(items):
            for item in items { collect(item, into: &hidden) }
        case let .mapping(entries):
            for entry in entries {
                hidden.lines.insert(entry.line)
                collect(entry.value, into: &hidden)
            }
        }
    }
}
