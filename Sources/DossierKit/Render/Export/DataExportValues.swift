import Foundation

/// Front-matter values as JSON, typed by the field's kind in the schema: numbers and booleans where
/// the schema says so, date-times in ISO 8601 (`2026-03-01T09:00`), every other scalar as the text
/// written, lists as arrays, maps as objects in key order. Fields the schema does not know are typed
/// as YAML's core schema would (`null`, `true`/`false`, decimal numbers, else text); a quoted scalar
/// always stays text.
enum DataExportValues {
    static func write(_ node: YAMLNode, kind: FieldKind, to json: inout JSONStream) {
        switch node.value {
        case let .sequence(items):
            let element: FieldKind
            if case let .list(of) = kind { element = of } else { element = .any }
            json.array { json in
                for item in items {
                    json.item()
                    write(item, kind: element, to: &json)
                }
            }
        case let .mapping(entries):
            var specs: [FieldSpec] = []
            if case let .map(fields) = kind { specs = fields }
            json.object { json in
                for entry in entries {
                    json.key(entry.key)
                    write(entry.value, kind: specs.first { $0.name == entry.key }?.kind ?? .any, to: &json)
                }
            }
        case let .scalar(text, plain):
            if node.isNull { return json.null() }
            guard plain else { return json.string(text) }
            // Text kinds straight to the stream: most fields are, and wrapping each in a `JSONValue`
            // to switch on it again was a third of the export's per-field cost.
            if kind.isWrittenAsText { return json.string(text) }
            json.value(scalar(text, kind: kind))
        }
    }

    private static func scalar(_ text: String, kind: FieldKind) -> JSONValue {
        if kind.isWrittenAsText { return .string(text) }
        switch kind {
        case .number, .integer:
            return number(text).map(JSONValue.number) ?? .string(text)
        case .bool:
            return YAMLNode(.scalar(text, plain: true), line: 0, column: 0).bool.map(JSONValue.bool) ?? .string(text)
        case .datetime:
            return .string(isoDateTime(text))
        case let .list(of):
            // A single value where a list is expected (`kind: a` reads as `[a]`) is exported as written.
            return scalar(text, kind: of)
        case .map, .any:
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return number(text).map(JSONValue.number) ?? .string(text)
            }
        case .string, .text, .date, .enumeration, .reference, .person, .clause, .attachment:
            return .string(text)  // `isWrittenAsText`, above
        }
    }

    /// A decimal number as YAML's core schema writes it (`12`, `-3`, `4.35`, `1e3`, `1_000` for numbers
    /// the schema asks for); nil for anything else (`0x1F`, `.inf`, `1.2.3`, dates).
    static func number(_ text: String) -> Double? {
        // Most values asked (names, sentences, dates of fields the schema does not know) start with
        // no byte a number can start with: ruled out before Foundation's replacing and the walk over
        // Characters (about 900 instructions a field of the 10k site's export).
        guard let first = text.utf8.first, Self.numberStart.contains(first) else { return nil }
        return decimal(text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text)
    }

    /// `digits` (no underscores) as a decimal number: an optional sign, digits with at most one dot,
    /// and an optional exponent; nil for anything else.
    static func decimal(_ digits: String) -> Double? {
        var index = digits.startIndex
        if index < digits.endIndex, digits[index] == "-" || digits[index] == "+" { index = digits.index(after: index) }
        var mantissa = 0, seenDot = false, seenExponent = false
        while index < digits.endIndex {
            let c = digits[index]
            if c.isASCII, c.isNumber {
                mantissa += 1
            } else if c == ".", !seenDot, !seenExponent {
                seenDot = true
            } else if c == "e" || c == "E", !seenExponent, mantissa > 0 {
                seenExponent = true
                let next = digits.index(after: index)
                if next < digits.endIndex, digits[next] == "-" || digits[next] == "+" { index = next }
                let rest = digits[digits.index(after: index)...]
                guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                break
            } else {
                return nil
            }
            index = digits.index(after: index)
        }
        guard mantissa > 0, let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// Bytes a number may start with, `_` included (`_1` is `1` once the underscores are dropped).
    private static let numberStart = Set("+-._0123456789".utf8)

    /// `2026-03-01 09:00` → `2026-03-01T09:00`; text that is not a date-time is kept as written.
    static func isoDateTime(_ text: String) -> String {
        // The common forms (ASCII, nothing around them) on bytes: only the separator changes. The
        // general path below walks Characters three times (about 4,000 instructions a value).
        if DateTime.commonForm(text) != nil {
            guard text.utf8.count > 10 else { return text }
            var bytes = Array(text.utf8)
            bytes[10] = UInt8(ascii: "T")
            return String(decoding: bytes, as: UTF8.self)
        }
        // Foundation's trimming only when there is something to trim (1 % of a 10k build).
        let trimmed = text.hasVisibleASCIIEnds ? text : text.trimmingCharacters(in: .whitespaces)
        guard DateTime(iso: trimmed) != nil, trimmed.count > 11 else { return text }
        let separator = trimmed.index(trimmed.startIndex, offsetBy: 10)
        guard trimmed[separator] == " " || trimmed[separator] == "t" else { return trimmed }
        let clock = trimmed[trimmed.index(after: separator)...].drop { $0 == " " }
        return String(trimmed[..<separator]) + "T" + clock
    }
}

extension FieldKind {
    /// Kinds whose plain scalars are exported as the text written (`DataExportValues.scalar`).
    var isWrittenAsText: Bool {
        switch self {
        case .string, .text, .date, .enumeration, .reference, .person, .clause, .attachment: return true
        case .number, .integer, .bool, .datetime, .list, .map, .any: return false
        }
    }
}
