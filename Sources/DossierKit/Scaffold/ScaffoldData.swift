import Foundation

/// The init templates compiled into the binary (Resources/scaffold/, see plan.yml there), read once.
struct ScaffoldData: Sendable {
    struct Document: Sendable {
        var type: String
        var kinds: [String]
        var title: LocalizedText?
    }

    struct Chapter: Sendable {
        var title: LocalizedText
        var template: String
        var kinds: [String]
        var intro: LocalizedText?
        /// Checklist id (or `default`) → clause ids the chapter describes, with their sub-clauses.
        var clauses: [String: [String]]
    }

    struct Person: Sendable {
        var name: String
        var role: String
        var auditor: Bool
        var tag: String
    }

    struct Sample: Sendable {
        var type: String
        var title: LocalizedText?
        /// Language → front-matter values.
        var values: [String: YAMLNode]
    }

    var documents: [Document] = []
    var chapters: [Chapter] = []
    var people: [String: [Person]] = [:]
    var organization: [String: YAMLNode] = [:]
    var schedules: [(type: String, interval: String)] = []
    var targets: [(type: String, pairs: [(String, String)])] = []
    var samples: [Sample] = []
    /// `dossier new`: type → values that replace the schema's defaults.
    var newDefaults: [String: YAMLNode] = [:]

    static func load() throws -> ScaffoldData {
        let node = try yaml("scaffold/plan.yml")
        var data = ScaffoldData()
        for item in node["documents"]?.sequence ?? [] {
            guard let type = item["type"]?.string else { continue }
            data.documents.append(Document(type: type, kinds: item["kinds"]?.stringList ?? [],
                                           title: ChecklistParser.localized(item["title"])))
        }
        for item in node["manual"]?.sequence ?? [] {
            var clauses: [String: [String]] = [:]
            for entry in item["clauses"]?.entries ?? [] { clauses[entry.key] = entry.value.stringList }
            data.chapters.append(Chapter(
                title: ChecklistParser.localized(item["title"]) ?? LocalizedText(["en": "Chapter"]),
                template: item["template"]?.string ?? "manual", kinds: item["kinds"]?.stringList ?? [],
                intro: ChecklistParser.localized(item["intro"]), clauses: clauses))
        }
        for entry in node["people"]?.entries ?? [] {
            data.people[entry.key] = (entry.value.sequence ?? []).compactMap { person in
                guard let name = person["name"]?.string else { return nil }
                return Person(name: name, role: person["role"]?.string ?? "", auditor: person["auditor"]?.bool ?? false,
                              tag: person["tag"]?.string ?? "")
            }
        }
        for entry in node["organization"]?.entries ?? [] { data.organization[entry.key] = entry.value }
        data.schedules = (node["schedules"]?.entries ?? []).compactMap { entry in entry.value.string.map { (entry.key, $0) } }
        data.targets = (node["targets"]?.entries ?? []).map { entry in
            (entry.key, (entry.value.entries ?? []).compactMap { pair in pair.value.string.map { (pair.key, $0) } })
        }
        for entry in node["records"]?.entries ?? [] {
            var values: [String: YAMLNode] = [:]
            for language in entry.value["values"]?.entries ?? [] { values[language.key] = language.value }
            data.samples.append(Sample(type: entry.key, title: ChecklistParser.localized(entry.value["title"]), values: values))
        }
        for entry in node["new"]?.entries ?? [] { data.newDefaults[entry.key] = entry.value }
        return data
    }

    static func text(_ path: String) throws -> String {
        guard let text = EmbeddedResources.files[path] else { throw DossierError.resource("missing built-in file \(path)") }
        return text
    }

    static func yaml(_ path: String) throws -> YAMLNode {
        switch YAMLReader().read(try text(path)) {
        case let .success(node?): return node
        case .success(nil): throw DossierError.resource("\(path) is empty")
        case let .failure(failure): throw DossierError.resource("\(path): \(failure)")
        }
    }

    /// The phrases of `language` (strings.yml), by key.
    static func strings(_ language: Language) throws -> [String: String] {
        var strings: [String: String] = [:]
        for entry in try yaml("scaffold/\(language.rawValue)/strings.yml").entries ?? [] {
            if let text = entry.value.string { strings[entry.key] = text }
        }
        return strings
    }

    /// A template of `language`, e.g. `procedure.md`; falls back to `document.md`.
    static func template(_ name: String, _ language: Language) throws -> String {
        try EmbeddedResources.files["scaffold/\(language.rawValue)/\(name)"] ?? text("scaffold/\(language.rawValue)/document.md")
    }
}

/// Fills `{{name}}` placeholders; unknown names are left as they are.
func fillTemplate(_ template: String, _ values: [String: String]) -> String {
    var out = template
    for (key, value) in values { out = out.replacingOccurrences(of: "{{\(key)}}", with: value) }
    return out
}
