import Foundation

/// Dossier's own words on pages (menu items, column headings, labels), in the site's language.
/// They live in the theme's `strings.yml`, so a theme can reword them.
public struct InterfaceStrings: Sendable {
    public let language: Language
    private let table: [String: LocalizedText]
    /// Every key's text in `language`, looked up once: labels are read for every field of every page.
    private let texts: [String: String]
    /// All strings for templates, `{{t.documents}}`: converted once, since every page carries them.
    public let all: TemplateValue

    /// - Parameter yamlFiles: the texts of the theme's `strings/*.yml`; a later file's key wins.
    public init(language: Language, yamlFiles: [String]) throws {
        self.language = language
        var table: [String: LocalizedText] = [:]
        for yaml in yamlFiles {
            guard case let .success(root?) = YAMLReader().read(yaml), let entries = root.entries else {
                throw DossierError.theme("a strings/*.yml file does not parse as a map of key: { en: ..., zh-CN: ... }")
            }
            for entry in entries {
                table[entry.key] = ChecklistParser.localized(entry.value) ?? LocalizedText(["en": entry.key])
            }
        }
        self.table = table
        texts = table.mapValues { $0.text(language) }
        all = .map(texts.mapValues { .text($0) })
    }

    /// Every key, for tests that check both languages are complete.
    public var keys: [String] { table.keys.sorted() }

    /// The languages a key has a text in.
    public func languages(of key: String) -> Set<String> { Set(table[key]?.values.keys ?? [:].keys) }

    public subscript(key: String) -> String { texts[key] ?? key }

    /// The string `key` with its `{name}` placeholders replaced: `fill("kpiWindow", ["start": ...])`.
    public func fill(_ key: String, _ values: [String: String]) -> String { Self.fill(self[key], values) }

    /// Replaces `{name}` placeholders in one pass; unknown placeholders stay as written. `literal`
    /// transforms the template's own text (e.g. HTML-escapes it when the values are HTML fragments).
    public static func fill(_ template: String, _ values: [String: String],
                            literal: (String) -> String = { $0 }) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}"),
                  let value = values[String(rest[rest.index(after: open)..<close])] else {
                result += literal(String(rest[...open]))
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += literal(String(rest[..<open])) + value
            rest = rest[rest.index(after: close)...]
        }
        return result + literal(String(rest))
    }

    /// A day as people of this language write it: `2026年3月18日` or `18 Mar 2026`.
    public func format(_ day: Day) -> String {
        switch language {
        case .zhCN: return "\(day.year)年\(day.month)月\(day.day)日"
        case .en:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(day.day) \(months[day.month - 1]) \(day.year)"
        }
    }

    public func format(_ time: DateTime) -> String {
        // Padded by hand: Foundation's String(format:) cost more than the rest of the formatting.
        let minutes = time.minuteOfDay
        func twoDigits(_ number: Int) -> String { number < 10 ? "0" + String(number) : String(number) }
        return format(time.day) + " " + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }
}
