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
        let manual = ManualPages.chapters(of: context.site).map(\.id)
        let ordered = context.site.entries.enumerated().sorted { a, b in
            Self.order(a.element, manual: manual) < Self.order(b.element, manual: manual)
        }.map(\.element)
        for entry in ordered {
            let label = context.site.catalog[entry.type]?.title.text(language) ?? entry.type
            let values = Self.frontMatterText(entry.frontMatter, strings: context.strings)
            entries.append(Entry(
                id: entry.id, title: entry.title, type: type(entry.type, label),
                url: PagePaths.relative(from: page, to: PagePaths.page(for: entry)),
                text: Self.joined([entry.body.plainText]), meta: Self.joined([values])))
        }
        for coverage in context.coverage {
            let checklist = coverage.checklist
            for clause in coverage.clauses.map(\.clause) {
                entries.append(Entry(
                    id: "\(checklist.id):\(clause.id)", title: clause.title.text(language),
                    type: type(Self.clauseTypeKey, context.strings["searchTypeClause"]),
                    url: PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: checklist.id, clause: clause.id)),
                    text: Self.joined([clause.guidance?.text(language) ?? ""]), meta: checklist.title.text(language)))
            }
        }
    }

    private static func order(_ entry: DossierKit.Entry, manual: [String]) -> (Int, Int, String, String) {
        if let chapter = manual.firstIndex(of: entry.id) { return (0, chapter, "", "") }
        return (entry.category == .document ? 1 : 2, 0, entry.type, entry.id)
    }

    /// Every scalar value of the front matter outside `skippedFields`, with the theme's word for enum
    /// values (`approved` → 已批准) so that people find records by the words the pages show.
    static func frontMatterText(_ node: YAMLNode, strings: InterfaceStrings) -> String {
        var parts: [String] = []
        var seen: Set<String> = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// Parts joined by one space, each run of whitespace collapsed to one space.
    static func joined(_ parts: [String]) -> String {
        // On bytes: splitting Characters by `isWhitespace` looked up Unicode properties per character.
        // ASCII whitespace and the ideographic space (U+3000, E3 80 80) are collapsed.
        var out: [UInt8] = []
        var pendingSpace = false
        for part in parts {
            let bytes = Array(part.utf8)
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
            pendingSpace = !out.isEmpty
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - The script

    /// `search/index.js`: assigns `window.DOSSIER_SEARCH` (a script, not JSON, so that the page works
    /// from file://, where fetch() of local files is blocked).
    func javascript() -> String {
        var out = "/* Dossier search index: generated, do not edit. */\nwindow.DOSSIER_SEARCH = {\"version\": 1,\n\"types\": ["
        out += types.map { "{\"key\": \(Self.literal($0.key)), \"label\": \(Self.literal($0.label)), \"count\": \($0.count)}" }
            .joined(separator: ",\n")
        out += "],\n\"entries\": [\n"
        out += entries.map { entry in
            "{\"id\": \(Self.literal(entry.id)), \"title\": \(Self.literal(entry.title)), \"type\": \(entry.type), "
                + "\"url\": \(Self.literal(entry.url)), \"text\": \(Self.literal(entry.text)), \"meta\": \(Self.literal(entry.meta))}"
        }.joined(separator: ",\n")
        out += "\n]};\n"
        return out
    }

    /// A JavaScript (and JSON) string literal. Besides quotes, backslashes and control characters,
    /// `<`, `>` and `&` are escaped so that no `</script>` or `<!--` can appear even if the index is
    /// ever inlined in a page, and U+2028/U+2029, which end a line in older JavaScript engines.
    static func literal(_ text: String) -> String { JSONValue.quote(text, scriptSafe: true) }
}
