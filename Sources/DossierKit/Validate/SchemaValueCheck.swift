import Foundation

/// Checks one entry's front matter against its type's fields: required fields (with their `when:`
/// conditions), the kind of every value, enum values, number ranges and unknown keys, descending
/// into maps (`customer`) and list elements (`history[]`). Each finding points at the nested node.
struct SchemaValueCheck {
    let entry: Entry
    private(set) var diagnostics: [Diagnostic] = []

    init(entry: Entry) {
        self.entry = entry
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: entry.path, line: line, column: column)
    }

    // MARK: Maps of fields

    /// Checks the keys of a map (the front matter itself, or a nested map) against `fields`.
    /// `prefix` is how messages name the map (`""` at the top, `customer.`, `history[1].`);
    /// `at` is where a missing field is reported.
    mutating func checkMap(_ entries: [YAMLEntry], fields: SchemaFields.TypeFields, prefix: String, at mapLocation: SourceLocation) {
        // The first entry of each field's key (-1: none), one look-up per key: searching the entries
        // for every field and testing every key against the names as well was a third of this rule.
        var first = [Int](repeating: -1, count: fields.specs.count)
        var next = 0
        for (position, item) in entries.enumerated() {
            // Keys mostly follow the schema's order: the field after the last one found is tried
            // before hashing the key (a hash per key was 35 M instructions on 10 000 records).
            let index = next < fields.specNames.count && fields.specNames[next] == item.key ? next : fields.positions[item.key]
            if let index {
                if first[index] < 0 { first[index] = position }
                next = index + 1
                continue
            }
            let label = prefix + item.key
            let what = prefix.isEmpty ? "type '\(entry.type)'" : "'\(prefix.dropLast())'"
            diagnostics.append(Rules.schemaUnknownField.diagnostic(
                "unknown field '\(label)': \(what) has no field '\(item.key)'",
                at: location(item.line, item.column),
                hint: Suggestion.hint(for: item.key, in: fields.orderedNames)
                    ?? (fields.orderedNames.isEmpty ? nil : "known fields: \(fields.orderedNames.joined(separator: ", "))")))
        }
        for index in first.indices {
            let position = first[index]
            if position >= 0, !Self.isEmpty(entries[position].value) {
                // The common cases answered without the spec; the rest as `checkValue` decides.
                if Self.passes(entries[position].value, fields.quick[index]) { continue }
                let item = entries[position]
                let spec = fields.specs[index]
                // The label made here, not in the autoclosure: capturing the spec there copied it
                // at every level of `checkValue`.
                let label = prefix.isEmpty ? spec.name : prefix + spec.name
                checkValue(item.value, spec: spec, kind: spec.kind, label: label, at: location(item.line, item.column))
                continue
            }
            if fields.optional[index] { continue }
            let spec = fields.specs[index]
            let item = position >= 0 ? entries[position] : nil
            if let condition = Self.requirementText(spec.requirement, siblings: FirstByKey(entries: entries), specs: fields.specs) {
                let label = prefix.isEmpty ? spec.name : prefix + spec.name
                let message = item == nil ? "missing required field '\(label)'\(condition)"
                                          : "required field '\(label)' is empty\(condition)"
                diagnostics.append(Rules.schemaRequired.diagnostic(
                    message, at: item.map { location($0.line, $0.column) } ?? mapLocation,
                    hint: Self.requiredHint(spec)))
            }
        }
    }

    /// True when a present, non-empty value certainly passes `checkValue` for a field checked `quick`.
    static func passes(_ node: YAMLNode, _ quick: SchemaFields.QuickCheck) -> Bool {
        switch quick {
        case let .leaf(leaf):
            return passes(node, leaf)
        case let .list(leaf):
            if let items = node.sequence { return items.allSatisfy { !isEmpty($0) && passes($0, leaf) } }
            return node.entries == nil && passes(node, leaf)
        case .general:
            return false
        }
    }

    /// True when a value certainly passes `checkValue` for a leaf kind.
    static func passes(_ node: YAMLNode, _ leaf: SchemaFields.Leaf) -> Bool {
        if case .nothing = leaf { return true }
        guard case let .scalar(text, _) = node.value else { return false }
        switch leaf {
        case .nothing, .scalar:
            return true
        case .date:
            // Ten bytes that `Day(iso:)` accepts are ten ASCII characters, as `checkScalar` asks.
            return text.utf8.count == 10 && Day(iso: text) != nil
        case .datetime:
            return DateTime.commonForm(text) != nil
        case .clause:
            return isClauseForm(text)
        case let .enumeration(values):
            return values.contains(text)
        }
    }

    /// nil when the requirement does not apply; otherwise the explanation to append to the message
    /// (empty for fields that are always required). A condition on a field whose value is not one of
    /// its allowed values (a misspelt status) is not decided: that value is reported instead.
    static func requirementText(_ requirement: Requirement, siblings: FirstByKey, specs: [FieldSpec]) -> String? {
        switch requirement {
        case .optional:
            return nil
        case .always:
            return ""
        case let .when(field, values, negated):
            let actual = siblings[field]?.value.stringList ?? []
            guard !actual.isEmpty else { return nil }
            if case let .enumeration(allowed)? = specs.first(where: { $0.name == field })?.kind,
               !actual.allSatisfy(allowed.contains) {
                return nil
            }
            let matches = actual.contains { values.contains($0) }
            guard matches != negated else { return nil }
            let list = values.joined(separator: " or ")
            return negated ? " (required when \(field) is not \(list))" : " (required when \(field) is \(list))"
        }
    }

    /// A map's entries by key, the first of duplicate keys winning. A linear search: front-matter maps
    /// hold a dozen keys, and hashing them into a Dictionary per map was most of this check's time.
    struct FirstByKey {
        let entries: [YAMLEntry]
        subscript(key: String) -> YAMLEntry? { entries.first { $0.key == key } }
    }

    /// A null value, or a blank string: nothing written after the key.
    static func isEmpty(_ node: YAMLNode) -> Bool {
        if node.isNull { return true }
        guard case let .scalar(text, _) = node.value else { return false }
        // Fast path: nearly every value starts with visible ASCII or a CJK character (lead bytes
        // E4–E9: U+4000–U+9FFF, none of them white space), answered from the first byte; asking the
        // scalar's Unicode properties was 1.6 % of `dossier check`.
        guard let byte = text.utf8.first else { return true }
        if (0x21...0x7E).contains(byte) || (0xE4...0xE9).contains(byte) { return false }
        guard let first = text.unicodeScalars.first, first.properties.isWhitespace else { return text.isEmpty }
        return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    static func requiredHint(_ spec: FieldSpec) -> String {
        "add `\(spec.name):` with \(example(of: spec.kind))"
    }

    /// How to write a value of `kind`, for hints.
    static func example(of kind: FieldKind) -> String {
        switch kind {
        case .date: return "a date, YYYY-MM-DD"
        case .datetime: return "a date and time, YYYY-MM-DD HH:MM"
        case .number: return "a number"
        case .integer: return "a whole number"
        case .bool: return "true or false"
        case let .enumeration(values): return "one of \(values.joined(separator: ", "))"
        case let .reference(types):
            return types.isEmpty ? "the id of another file" : "the id of a \(types.joined(separator: " or "))"
        case .person: return "a name listed under people: in dossier.yml"
        case .clause: return "a clause as <checklist>:<clause>, e.g. iso20000-1:8.6.1"
        case .attachment: return "a path below Content/attachments/"
        case let .list(inner): return "a list of \(example(of: inner))"
        case let .map(fields):
            return fields.isEmpty ? "a map" : "a map of \(fields.map(\.name).joined(separator: ", "))"
        case .string, .text, .any: return "a value"
        }
    }

    // MARK: Values

    mutating func checkValue(_ node: YAMLNode, spec: FieldSpec, kind: FieldKind, label: @autoclosure () -> String, at here: SourceLocation) {
        switch kind {
        case .any:
            return
        case let .list(inner):
            guard let items = node.sequence else {
                // A single value is accepted where a list is expected (`clauses: iso20000-1:8.6.1`).
                if node.entries != nil, !Self.isMap(inner) {
                    wrongKind("'\(label())' must be a list of \(inner.name) values, found a map", at: here,
                              hint: "write it as [a, b] or one '- item' per line")
                    return
                }
                checkValue(node, spec: spec, kind: inner, label: label(), at: here)
                return
            }
            for (index, item) in items.enumerated() {
                // The label ("history[2]") is made only for a message: formatting it for every item
                // was a tenth of the schema rule.
                let itemLocation = location(item.line, item.column)
                if Self.isEmpty(item) {
                    wrongKind("'\(label())[\(index)]' is empty", at: itemLocation, hint: "remove the empty item or give it a value")
                    continue
                }
                checkValue(item, spec: spec, kind: inner, label: "\(label())[\(index)]", at: itemLocation)
            }
        case let .map(fields):
            guard let entries = node.entries else {
                wrongKind("'\(label())' must be a map, found \(node.kindName)", at: here, hint: "write \(Self.example(of: kind))")
                return
            }
            guard !fields.isEmpty else { return }
            checkMap(entries, fields: SchemaFields.TypeFields(specs: SchemaFields.merged(fields), orderedNames: fields.map(\.name)),
                     prefix: label() + ".", at: here)
        default:
            guard case let .scalar(text, _) = node.value else {
                let found = node.sequence != nil ? "a list" : "a map"
                wrongKind("'\(label())' must be a single \(kind.name) value, found \(found)", at: here,
                          hint: "write one value, \(Self.example(of: kind))")
                return
            }
            checkScalar(text, spec: spec, kind: kind, label: label(), at: here)
        }
    }

    static func isMap(_ kind: FieldKind) -> Bool {
        if case .map = kind { return true }
        return kind == .any
    }

    private mutating func checkScalar(_ text: String, spec: FieldSpec, kind: FieldKind, label: @autoclosure () -> String, at here: SourceLocation) {
        switch kind {
        case .date:
            if text.count != 10 || Day(iso: text) == nil {
                wrongKind("'\(label())' is not a date: '\(text)'", at: here, hint: "write the date as YYYY-MM-DD, e.g. 2026-03-01")
            }
        case .datetime:
            if DateTime(iso: text) == nil {
                wrongKind("'\(label())' is not a date and time: '\(text)'", at: here,
                          hint: "write YYYY-MM-DD HH:MM (or HH:MM:SS, 'T' and a zone like +08:00 are allowed)")
            }
        case .number:
            guard let value = Self.number(text) else {
                wrongKind("'\(label())' is not a number: '\(text)'", at: here, hint: "write digits, e.g. 4.5")
                return
            }
            checkRange(value, spec: spec, label: label(), at: here)
        case .integer:
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
                wrongKind("'\(label())' is not a whole number: '\(text)'", at: here, hint: "write digits without a decimal point, e.g. 12")
                return
            }
            checkRange(Double(value), spec: spec, label: label(), at: here)
        case .bool:
            if YAMLNode(.scalar(text, plain: true), line: 0, column: 0).bool == nil {
                wrongKind("'\(label())' is not true or false: '\(text)'", at: here, hint: "write true or false")
            }
        case let .enumeration(values):
            if !values.contains(text) {
                let allowed = "allowed: \(values.joined(separator: ", "))"
                diagnostics.append(Rules.schemaEnum.diagnostic(
                    "'\(label())' is '\(text)', not one of \(values.joined(separator: ", "))", at: here,
                    hint: Suggestion.hint(for: text, in: values).map { "\($0) (\(allowed))" } ?? allowed))
            }
        case .clause:
            if !Self.isClauseForm(text) {
                wrongKind("'\(label())' is not a clause reference: '\(text)'", at: here,
                          hint: "write <checklist>:<clause>, e.g. iso20000-1:8.6.1")
            }
        default:
            return
        }
    }

    private mutating func checkRange(_ value: Double, spec: FieldSpec, label: String, at here: SourceLocation) {
        if let minimum = spec.minimum, value < minimum {
            diagnostics.append(Rules.schemaRange.diagnostic(
                "'\(label)' is \(Self.format(value)), below the minimum \(Self.format(minimum))", at: here,
                hint: "use a value from \(Self.rangeText(spec))"))
        } else if let maximum = spec.maximum, value > maximum {
            diagnostics.append(Rules.schemaRange.diagnostic(
                "'\(label)' is \(Self.format(value)), above the maximum \(Self.format(maximum))", at: here,
                hint: "use a value from \(Self.rangeText(spec))"))
        }
    }

    private mutating func wrongKind(_ message: String, at here: SourceLocation, hint: String?) {
        diagnostics.append(Rules.schemaKind.diagnostic(message, at: here, hint: hint))
    }

    /// A finite number (YAML allows `_` as a digit separator).
    static func number(_ text: String) -> Double? {
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else { return nil }
        return value
    }

    /// `<checklist>:<clause>` with both parts present and no spaces.
    static func isClauseForm(_ text: String) -> Bool {
        // ASCII text (nearly all) on bytes: Character.isWhitespace was 2 % of `dossier check`. The
        // bytes read through one buffer: iterating `utf8` was ~1,000 instructions a value.
        let ascii = text.withUTF8Bytes { bytes -> Bool? in
            var colons = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: ":") { colons += 1 }
                if byte == 0x20 || (0x09...0x0D).contains(byte) { return false }
            }
            return colons == 1 && bytes.first != UInt8(ascii: ":") && bytes.last != UInt8(ascii: ":")
        }
        if let ascii { return ascii }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func rangeText(_ spec: FieldSpec) -> String {
        switch (spec.minimum, spec.maximum) {
        case let (min?, max?): return "\(format(min)) to \(format(max))"
        case let (min?, nil): return "\(format(min)) up"
        case let (nil, max?): return "up to \(format(max))"
        default: return "the field's range"
        }
    }
}
