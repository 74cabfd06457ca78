/// Human labels of the shared vocabulary (Resources/vocabulary.yml) for the clause pages: what a
/// document kind (`service-continuity-plan`) or an evidence id (`incident-record`) is called.
enum ClauseVocabulary {
    /// Document kind → label.
    static let documents: [String: LocalizedText] = labels(of: "documents")
    /// Evidence id → label.
    static let records: [String: LocalizedText] = labels(of: "records")

    private static func labels(of section: String) -> [String: LocalizedText] {
        guard let text = EmbeddedResources.files["vocabulary.yml"],
              case let .success(root?) = YAMLReader().read(text) else { return [:] }
        var labels: [String: LocalizedText] = [:]
        for item in root[section]?.sequence ?? [] {
            guard let id = item["id"]?.string, let label = ChecklistParser.localized(item["label"]) else { continue }
            labels[id] = label
        }
        return labels
    }

    /// The label of a document kind in `language`, or the kind itself when the vocabulary lacks it.
    static func documentLabel(_ kind: String, _ language: Language) -> String {
        documents[kind]?.text(language) ?? kind
    }

    /// The label of an evidence id (or, for `recommended`, of a document kind), or the id itself.
    static func recordLabel(_ id: String, _ language: Language) -> String {
        records[id]?.text(language) ?? documents[id]?.text(language) ?? id
    }

    /// The label of a `recommended` id, which may name a document kind or a kind of record.
    static func anyLabel(_ id: String, _ language: Language) -> String {
        documents[id]?.text(language) ?? records[id]?.text(language) ?? id
    }
}
