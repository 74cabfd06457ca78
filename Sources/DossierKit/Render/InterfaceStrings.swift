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
    /// The texts of `field.*` and `value.*` keys by the rest of the key, for `label(field:)` and
    /// `word(value:)`: asked for every field and enum value of every page, without making the key.
    private let fieldLabels: [String: String]
    private let valueWords: [String: String]

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
        fieldLabels = Self.suffixes(of: texts, prefix: "field.")
        valueWords = Self.suffixes(of: texts, prefix: "value.")
    }

    /// The entries of `texts` whose key starts with `prefix`, by the rest of the key; a text equal to
    /// its own key is left out (`self[key]` gives the key for a missing one, and callers treat both alike).
    private static func suffixes(of texts: [String: String], prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for (key, text) in texts where key.hasPrefix(prefix) && text != key {
            result[String(key.dropFirst(prefix.count))] = text
        }
        return result
    }

    /// `self["field." + name]`, or `name` when there is no such key.
    func label(field name: String) -> String { fieldLabels[name] ?? name }

    /// `self["value." + value]`, or `value` when there is no such key.
    func word(value: String) -> String { valueWords[value] ?? value }

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
        // Bytes written into one string: interpolation (several appends and number conversions) was
        // about 1 500 instructions a date, and pages show dates by the thousand (cited-by lists).
        String(unsafeUninitializedCapacity: 80) { buffer in
            var written = 0
            append(day, to: buffer, at: &written)
            return written
        }
    }

    public func format(_ time: DateTime) -> String {
        let minutes = time.minuteOfDay
        return String(unsafeUninitializedCapacity: 128) { buffer in
            var written = 0
            append(time.day, to: buffer, at: &written)
            Self.append(byte: UInt8(ascii: " "), to: buffer, at: &written)
            Self.append(minutes / 60, minimumDigits: 2, to: buffer, at: &written)
            Self.append(byte: UInt8(ascii: ":"), to: buffer, at: &written)
            Self.append(minutes % 60, minimumDigits: 2, to: buffer, at: &written)
            return written
        }
    }

    private static let months: [[UInt8]] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) }
    private static let year = Array("年".utf8), month = Array("月".utf8), dayOfMonth = Array("日".utf8)

    private func append(_ day: Day, to buffer: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        switch language {
        case .zhCN:
            Self.append(day.year, to: buffer, at: &written)
            Self.append(Self.year, to: buffer, at: &written)
            Self.append(day.month, to: buffer, at: &written)
            Self.append(Self.month, to: buffer, at: &written)
            Self.append(day.day, to: buffer, at: &written)
            Self.append(Self.dayOfMonth, to: buffer, at: &written)
        case .en:
            Self.append(day.day, to: buffer, at: &written)
            Self.append(byte: UInt8(ascii: " "), to: buffer, at: &written)
            Self.append(Self.months[day.month - 1], to: buffer, at: &written)
            Self.append(byte: UInt8(ascii: " "), to: buffer, at: &written)
            Self.append(day.year, to: buffer, at: &written)
        }
    }

    private static func append(byte: UInt8, to buffer: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        buffer[written] = byte
        written += 1
    }

    private static func append(_ bytes: [UInt8], to buffer: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        for byte in bytes { append(byte: byte, to: buffer, at: &written) }
    }

    /// `number` in decimal as `String(number)` writes it, padded with zeros to `minimumDigits`.
    private static func append(_ number: Int, minimumDigits: Int = 1, to buffer: UnsafeMutableBufferPointer<UInt8>,
                               at written: inout Int) {
        if number < 0 {
            append(byte: UInt8(ascii: "-"), to: buffer, at: &written)
            append(Array(String(number).utf8.dropFirst()), to: buffer, at: &written)
            return
        }
        var digits = 1, scale = 1
        while number / scale >= 10 { scale *= 10; digits += 1 }
        for _ in digits..<max(digits, minimumDigits) { append(byte: UInt8(ascii: "0"), to: buffer, at: &written) }
        while scale > 0 {
            append(byte: UInt8(ascii: "0") + UInt8((number / scale) % 10), to: buffer, at: &written)
            scale /= 10
        }
    }
}
