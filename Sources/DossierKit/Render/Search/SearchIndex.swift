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
        /// The page's text without markup (a clause's guidance), as UTF-8: it goes to the script as
        /// bytes (making a `String` of it validated 2 MB of text again at 10 000 records).
        var textUTF8: [UInt8]
        /// Front-matter values (a clause's checklist), searched too but shown only when nothing
        /// in `text` matches.
        var metaUTF8: [UInt8]

        var text: String { String(decoding: textUTF8, as: UTF8.self) }
        var meta: String { String(decoding: metaUTF8, as: UTF8.self) }
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

    /// `skippedFields.contains(key)`, hashing only keys of a skipped name's length (hashing every key
    /// of every front matter was a tenth of the search index's walk). Exact: no other spelling of
    /// these ASCII names is canonically equal to them.
    static func isSkipped(_ key: String) -> Bool {
        switch key.utf8.count {
        case 2, 4, 5, 12: return skippedFields.contains(key)
        default: return false
        }
    }

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
        let ordered = context.site.entries.indices.sorted { keys[$0] < keys[$1] }
        let words = ValueWords(context.strings)
        entries.reserveCapacity(ordered.count)
        for index in ordered {
            let entry = context.site.entries[index]
            let label = context.site.catalog[entry.type]?.title.text(language) ?? entry.type
            entries.append(Entry(
                id: entry.id, title: entry.title, type: type(entry.type, label),
                url: PagePaths.relative(from: page, to: context.pagePath(of: index)),
                // Collapsed as `collapsedUTF8` collapses, by `ParsedMarkdown`'s rule: taken as it is.
                textUTF8: entry.body.plainTextUTF8,
                metaUTF8: Self.frontMatterUTF8(entry.frontMatter, words: words)))
        }
        for coverage in context.coverage {
            let checklist = coverage.checklist
            for clause in coverage.clauses.map(\.clause) {
                entries.append(Entry(
                    id: "\(checklist.id):\(clause.id)", title: clause.title.text(language),
                    type: type(Self.clauseTypeKey, context.strings["searchTypeClause"]),
                    url: PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: checklist.id, clause: clause.id)),
                    textUTF8: Self.collapsedUTF8(clause.guidance?.text(language) ?? ""),
                    metaUTF8: Array(checklist.title.text(language).utf8)))
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
        String(decoding: frontMatterUTF8(node, words: ValueWords(strings)), as: UTF8.self)
    }

    /// `frontMatterText`, collapsed (`collapsed`), as UTF-8: the values are collapsed into one buffer
    /// instead of joined and collapsed again, and enum values' words come from `ValueWords` instead
    /// of a `"value." + text` key made and hashed per value (the walk was 3 % of a 10k build).
    static func frontMatterUTF8(_ node: YAMLNode, words: ValueWords) -> [UInt8] {
        var parts: [(text: String, plain: Bool)] = []
        parts.reserveCapacity(16)
        var seen: Set<String>?
        var out: [UInt8] = []
        func add(_ text: String) {
            // Most values are simple (`isSimpleValue`): trimmed, plain and collapsed as they are, found
            // in one pass instead of three (the three were 80 M instructions of a 10k build).
            let simple = text.withUTF8Bytes(Self.isSimpleValue)
            let trimmed = simple ? text : Self.trimmed(text)
            guard !trimmed.isEmpty else { return }
            // A handful of values per entry: a linear search is cheaper than hashing each one. Texts
            // of ASCII and CJK ideographs only are equal only byte for byte, so a different length
            // rules them out before `==` (a Chinese text's `==` normalises: 11 M instructions of 29 M).
            let plain = simple || KeyShapes.isCanonicallyPlain(trimmed)
            if parts.count < 16 {
                let count = trimmed.utf8.count
                guard !parts.contains(where: { part in
                    (plain && part.plain && part.text.utf8.count != count) ? false : part.text == trimmed
                }) else { return }
            } else {
                if seen == nil { seen = Set(parts.map(\.text)) }
                guard seen!.insert(trimmed).inserted else { return }
            }
            parts.append((trimmed, plain))
            // Parts are trimmed of every white space `collapsed` knows, so collapsing each part and
            // joining with one space equals collapsing the joined text.
            if !out.isEmpty { out.append(0x20) }
            if simple {
                text.withUTF8Bytes { out.append(contentsOf: $0) }
            } else {
                appendCollapsed(trimmed, to: &out)
            }
        }
        func walk(_ node: YAMLNode) {
            switch node.value {
            case .scalar:
                guard let text = node.string, !node.isNull else { return }
                add(text)
                if let word = words[text] { add(word) }
            // Through the buffers: `for entry in entries` copied (retained) each entry on the way.
            case let .sequence(items):
                items.withUnsafeBufferPointer { items in for index in items.indices { walk(items[index]) } }
            case let .mapping(entries):
                entries.withUnsafeBufferPointer { entries in
                    for index in entries.indices where !isSkipped(entries[index].key) { walk(entries[index].value) }
                }
            }
        }
        walk(node)
        return out
    }

    /// Whether a value is its own trimmed (`trimmed`), canonically plain (`KeyShapes.isCanonicallyPlain`)
    /// and collapsed (`WhiteSpaceRuns.isCollapsed`) form: not empty, only visible ASCII, single spaces
    /// between other bytes, and characters led by E4–E9 (CJK ideographs, U+4000–U+9FFF) with their
    /// continuation bytes. A valid string does not start with a continuation byte, and one at the end
    /// belongs to such a character, so both ends are visible.
    static func isSimpleValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var afterSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
                continue
            }
            afterSpace = false
            guard (byte > 0x20 && byte < 0x7F) || (byte >= 0x80 && byte < 0xC0) || (byte >= 0xE4 && byte <= 0xE9) else {
                return false
            }
        }
        return true
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when both ends are
    /// visible ASCII or CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9: no white space there), as
    /// nearly every value of a Chinese site's front matter is.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let lastByte = utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { (byte > 0x20 && byte < 0x7F) || (0xE4...0xE9).contains(byte) }
        var last = lastByte
        if last >= 0x80 {
            // The lead byte of the last character: at most three continuation bytes back.
            var index = utf8.index(before: utf8.endIndex)
            for _ in 0..<3 where utf8[index] & 0xC0 == 0x80 && index > utf8.startIndex {
                index = utf8.index(before: index)
            }
            last = utf8[index]
        }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` with each run of whitespace collapsed to one space and none at either end.
    static func collapsed(_ text: String) -> String {
        String(decoding: collapsedUTF8(text), as: UTF8.self)
    }

    static func collapsedUTF8(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendCollapsed(text, to: &out)
        return out
    }

    /// Appends `text` collapsed (`WhiteSpaceRuns.appendCollapsed`).
    static func appendCollapsed(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { WhiteSpaceRuns.appendCollapsed($0, to: &out) }
    }

    // MARK: - The script

    /// `search/index.js`: assigns `window.DOSSIER_SEARCH` (a script, not JSON, so that the page works
    /// from file://, where fetch() of local files is blocked). Written straight into bytes: as strings
    /// joined per entry and then for the file, the 19 MB index at 10 000 records was copied four times.
    func javascript() -> ByteBuffer {
        var out = ByteBuffer(capacity: entries.reduce(4096) { $0 + 96 + $1.id.utf8.count + $1.title.utf8.count
            + $1.url.utf8.count + $1.textUTF8.count + $1.metaUTF8.count })
        write(into: &out)
        return out
    }

    private func write(into out: inout ByteBuffer) {
        func literal(_ text: String) { JSONStream.appendQuoted(text, scriptSafe: true, to: &out) }
        func literal(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { JSONStream.appendQuoted(utf8: $0, scriptSafe: true, to: &out) }
        }
        func append(_ text: String) { out.append(utf8: text) }
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
            append(", \"text\": "); literal(entry.textUTF8)
            append(", \"meta\": "); literal(entry.metaUTF8)
            append("}")
        }
        append("\n]};\n")
    }

    /// A JavaScript (and JSON) string literal. Besides quotes, backslashes and control characters,
    /// `<`, `>` and `&` are escaped so that no `</script>` or `<!--` can appear even if the index is
    /// ever inlined in a page, and U+2028/U+2029, which end a line in older JavaScript engines.
    static func literal(_ text: String) -> String { JSONValue.quote(text, scriptSafe: true) }
}

/// The theme's words for enum values (`value.approved` → 已批准) by value: what
/// `strings["value." + text]` finds when it differs from its key.
struct ValueWords {
    private var words: [String: String] = [:]
    /// Rules out most values before hashing them (dates, names, sentences are no enum value).
    private let shapes: KeyShapes

    init(_ strings: InterfaceStrings) {
        for key in strings.keys where key.hasPrefix("value.") {
            let word = strings[key]
            if word != key { words[String(key.dropFirst("value.".count))] = word }
        }
        shapes = KeyShapes(words.keys)
    }

    subscript(value: String) -> String? { shapes.admits(value) ? words[value] : nil }
}
