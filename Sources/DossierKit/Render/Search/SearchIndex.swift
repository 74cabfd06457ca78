import Foundation

/// What `search/index.js` holds: one entry per page with searchable content (every document and
/// record, and every clause page of the applicable checklists). Tokenising happens in the browser at
/// query time (Latin by lowercase words, Chinese by character bigrams), so the index is just the text.
struct SearchIndex {
    struct Entry: Equatable {
        var id: String
        var title: String
        /// Index into `types`.
        var type: Int
        /// Relative to the search page.
        var url: String
        /// The page's text without markup (a clause's guidance).
        var text: String
        /// Front-matter values (a clause's checklist), searched too but shown only when nothing
        /// in `text` matches.
        var meta: String
    }

    struct TypeInfo: Equatable {
        /// Stable key for `?type=`: the entry type's name, or `clause`.
        var key: String
        var label: String
        var count: Int
    }

    var types: [TypeInfo] = []
    var entries: [Entry] = []

    /// Front-matter fields that are not worth searching (the id and title are searched anyway).
    static let skippedFields: Set<String> = ["id", "title", "type", "confidential", "order"]
    static let clauseTypeKey = "clause"

    init(context: RenderContext, page: String) {
        var typeIndex: [String: Int] = [:]
        func type(_ key: String, _ label: String) -> Int {
            if let index = typeIndex[key] {
                types[index].count += 1
                return index
            }
            typeIndex[key] = types.count
            types.append(TypeInfo(key: key, label: label, count: 1))
            return types.count - 1
        }
        let language = context.strings.language
        // Documents first (manual in chapter order, then by type and id), then records by type and id.
        // Each entry's sort key is made once, not twice per comparison (it looked the id up in the
        // manual's chapter list every time).
        let manual = Dictionary(ManualPages.chapters(of: context.site).enumerated().map { ($1.id, $0) }) { first, _ in first }
        let keys = context.site.entries.map { Self.order($0, manual: manual) }
        let ordered = context.site.entries.indices.sorted { keys[$0] < keys[$1] }.map { context.site.entries[$0] }
        for entry in ordered {
            let label = context.site.catalog[entry.type]?.title.text(language) ?? entry.type
            let values = Self.frontMatterText(entry.frontMatter, strings: context.strings)
            entries.append(Entry(
                id: entry.id, title: entry.title, type: type(entry.type, label),
                url: PagePaths.relative(from: page, to: PagePaths.page(for: entry)),
                text: Self.collapsed(entry.body.plainText), meta: Self.collapsed(values)))
        }
        for coverage in context.coverage {
            let checklist = coverage.checklist
            for clause in coverage.clauses.map(\.clause) {
                entries.append(Entry(
                    id: "\(checklist.id):\(clause.id)", title: clause.title.text(language),
                    type: type(Self.clauseTypeKey, context.strings["searchTypeClause"]),
                    url: PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: checklist.id, clause: clause.id)),
                    text: Self.collapsed(clause.guidance?.text(language) ?? ""), meta: checklist.title.text(language)))
            }
        }
    }

    /// The first chapter of the manual with the entry's id, as `firstIndex(of:)` finds it.
    private static func order(_ entry: DossierKit.Entry, manual: [String: Int]) -> (Int, Int, String, String) {
        if let chapter = manual[entry.id] { return (0, chapter, "", "") }
        return (entry.category == .document ? 1 : 2, 0, entry.type, entry.id)
    }

    /// Every scalar value of the front matter outside `skippedFields`, with the theme's word for enum
    /// values (`approved` → 已批准) so that people find records by the words the pages show.
    static func frontMatterText(_ node: YAMLNode, strings: InterfaceStrings) -> String {
        var parts: [String] = []
        var seen: Set<String> = []
        func add(_ text: String) {
            let trimmed = text.trimmingWhitespace(.whitespacesAndNewlines)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { return }
            parts.append(trimmed)
        }
        func walk(_ node: YAMLNode) {
            switch node.value {
            case .scalar:
                guard let text = node.string, !node.isNull else { return }
                add(text)
                let word = strings["value." + text]
                if word != "value." + text { add(word) }
            case let .sequence(items):
                items.forEach(walk)
            case let .mapping(entries):
                for entry in entries where !skippedFields.contains(entry.key) { walk(entry.value) }
            }
        }
        walk(node)
        return parts.joined(separator: " ")
    }

    /// `text` with each run of whitespace collapsed to one space and none at either end.
    static func collapsed(_ text: String) -> String {
        // On bytes: splitting Characters by `isWhitespace` looked up Unicode properties per character.
        // ASCII whitespace and the ideographic space (U+3000, E3 80 80) are collapsed.
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let width = byte == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3
                    : (byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - The script

    /// `search/index.js`: assigns `window.DOSSIER_SEARCH` (a script, not JSON, so that the page works
    /// from file://, where fetch() of local files is blocked). Written straight into bytes: as strings
    /// joined per entry and then for the file, the 19 MB index at 10 000 records was copied four times.
    func javascript() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(4096) { $0 + 96 + $1.id.utf8.count + $1.title.utf8.count
            + $1.url.utf8.count + $1.text.utf8.count + $1.meta.utf8.count })
        func literal(_ text: String) { JSONStream.appendQuoted(text, scriptSafe: true, to: &out) }
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        append("/* Dossier search index: generated, do not edit. */\nwindow.DOSSIER_SEARCH = {\"version\": 1,\n\"types\": [")
        for (position, type) in types.enumerated() {
            if position > 0 { append(",\n") }
            append("{\"key\": "); literal(type.key)
            append(", \"label\": "); literal(type.label)
            append(", \"count\": \(type.count)}")
        }
        append("],\n\"entries\": [\n")
        for (position, entry) in entries.enumerated() {
            if position > 0 { append(",\n") }
            append("{\"id\": "); literal(entry.id)
            append(", \"title\": "); literal(entry.title)
            append(", \"type\": \(entry.type), \"url\": "); literal(entry.url)
            append(", \"text\": "); literal(entry.text)
            append(", \"meta\": "); literal(entry.meta)
            append("}")
        }
        append("\n]};\n")
        return out
    }

    /// A JavaScript (and JSON) string literal. Besides quotes, backslashes and control characters,
    /// `<`, `>` and `&` are escaped so that no `</script>` or `<!--` can appear even if the index is
    /// ever inlined in a page, and U+2028/U+2029, which end a line in older JavaScript engines.
    static func literal(_ text: String) -> String { JSONValue.quote(text, scriptSafe: true) }
}
