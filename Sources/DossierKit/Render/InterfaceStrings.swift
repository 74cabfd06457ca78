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
            append(day, to: buffer.baseAddress!, at: &written)
            return written
        }
    }

    public func format(_ time: DateTime) -> String {
        let minutes = time.minuteOfDay
        return String(unsafeUninitializedCapacity: 128) { buffer in
            let out = buffer.baseAddress!
            var written = 0
            append(time.day, to: out, at: &written)
            Self.put(UInt8(ascii: " "), out, &written)
            Self.append(minutes / 60, minimumDigits: 2, to: out, at: &written)
            Self.put(UInt8(ascii: ":"), out, &written)
            Self.append(minutes % 60, minimumDigits: 2, to: out, at: &written)
            return written
        }
    }

    /// Writes through a pointer, with the bytes of 年, 月, 日 and the month names as constants: bounds-
    /// checked buffer subscripts and static `[UInt8]` tables (a lazy global's check and a retain per
    /// use) were most of a date's 1,100 instructions (75,000 dates at 10 000 records).
    private func append(_ day: Day, to out: UnsafeMutablePointer<UInt8>, at written: inout Int) {
        switch language {
        case .zhCN:
            Self.append(day.year, to: out, at: &written)
            Self.put(0xE5, 0xB9, 0xB4, out, &written) // 年
            Self.append(day.month, to: out, at: &written)
            Self.put(0xE6, 0x9C, 0x88, out, &written) // 月
            Self.append(day.day, to: out, at: &written)
            Self.put(0xE6, 0x97, 0xA5, out, &written) // 日
        case .en:
            Self.append(day.day, to: out, at: &written)
            Self.put(UInt8(ascii: " "), out, &written)
            let names: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"
            let name = names.utf8Start + 3 * (day.month - 1)
            Self.put(name[0], name[1], name[2], out, &written)
            Self.put(UInt8(ascii: " "), out, &written)
            Self.append(day.year, to: out, at: &written)
        }
    }

    @inline(__always)
    private static func put(_ byte: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ written: inout Int) {
        out[written] = byte
        written += 1
    }

    @inline(__always)
    private static func put(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ out: UnsafeMutablePointer<UInt8>,
                            _ written: inout Int) {
        out[written] = first
        out[written + 1] = second
        out[written + 2] = third
        written += 3
    }

    /// `number` in decimal as `String(number)` writes it, padded with zeros to `minimumDigits`. Numbers
    /// below 10,000 (every day, month, hour and minute, and years of four digits) by constant divisions.
    private static func append(_ number: Int, minimumDigits: Int = 1, to out: UnsafeMutablePointer<UInt8>,
                               at written: inout Int) {
        let zero = UInt8(ascii: "0")
        if number >= 0, number < 10_000 {
            let digits = number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : 4
            for _ in digits..<max(digits, minimumDigits) { put(zero, out, &written) }
            if digits == 4 { put(zero + UInt8(number / 1000), out, &written) }
            if digits >= 3 { put(zero + UInt8(number / 100 % 10), out, &written) }
            if digits >= 2 { put(zero + UInt8(number / 10 % 10), out, &written) }
            put(zero + UInt8(number % 10), out, &written)
            return
        }
        if number < 0 {
            put(UInt8(ascii: "-"), out, &written)
            for byte in String(number).utf8.dropFirst() { put(byte, out, &written) }
            return
        }
        var digits = 1, scale = 1
        while number / scale >= 10 { scale *= 10; digits += 1 }
        for _ in digits..<max(digits, minimumDigits) { put(zero, out, &written) }
        while scale > 0 {
            put(zero + UInt8((number / scale) % 10), out, &written)
            scale /= 10
        }
    }
}
