/// Interface language of the site. Content is whatever the user writes; this governs Dossier's own words.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case zhCN = "zh-CN"
    case en = "en"
}

/// A short text given in several languages, e.g. a checklist title `{ en: ..., zh-CN: ... }`.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    public init(en: String, zh: String) { self.values = ["en": en, "zh-CN": zh] }

    /// The text in `language`, falling back to English, then to any text at all.
    public func text(_ language: Language) -> String {
        values[language.rawValue] ?? values["en"] ?? values.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }
}
