import Foundation

/// Builds the `TypeCatalog` from the built-in `types.yml` and the company's `types:` in the config.
/// Both use one format, so a company type is defined exactly like a built-in one.
public struct TypeCatalogParser: Sendable {
    public init() {}

    /// Problems in a type definition, located in `path`.
    public struct Problem: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public func parseBuiltIn(_ text: String) throws -> TypeCatalog {
        guard case let .success(root?) = YAMLReader().read(text) else {
            throw DossierError.resource("types.yml does not parse")
        }
        var reading = TypeReading(path: "builtin:types.yml")
        var common: [ContentCategory: [FieldSpec]] = [:]
        let all = reading.fields(root["common"]?["all"])
        common[.document] = all + reading.fields(root["common"]?["document"])
        common[.record] = all + reading.fields(root["common"]?["record"])
        var types: [String: TypeDefinition] = [:]
        for entry in root["documents"]?.entries ?? [] {
            types[entry.key] = reading.type(named: entry.key, category: .document, node: entry.value)
        }
        for entry in root["records"]?.entries ?? [] {
            types[entry.key] = reading.type(named: entry.key, category: .record, node: entry.value)
        }
        let genericFields = reading.fields(root["generic"]?["fields"])
        for entry in root["generic"]?["types"]?.entries ?? [] {
            var type = reading.type(named: entry.key, category: .record, node: entry.value)
            type.fields = genericFields
            type.dateField = "date"
            type.columns = ["date", "period", "result"]
            types[entry.key] = type
        }
        guard reading.diagnostics.isEmpty else {
            throw DossierError.resource(reading.diagnostics.map(\.formatted).joined(separator: "\n"))
        }
        return TypeCatalog(types: types, commonFields: common)
    }

    /// Adds the company's types (`types:` in dossier.yml) to `catalog`; problems become diagnostics.
    public func addCompanyTypes(_ node: YAMLNode?, to catalog: inout TypeCatalog) -> [Diagnostic] {
        guard let node, let entries = node.entries else { return [] }
        var reading = TypeReading(path: SiteConfig.fileName)
        for entry in entries {
            let category: ContentCategory = entry.value["category"]?.string == "document" ? .document : .record
            var type = reading.type(named: entry.key, category: category, node: entry.value)
            if catalog[entry.key] != nil {
                reading.diagnostics.append(Diagnostic(rule: Rules.configTypeRedefined.id, severity: Rules.configTypeRedefined.severity,
                    message: "type '\(entry.key)' replaces the built-in type of that name",
                    location: SourceLocation(path: SiteConfig.fileName, line: entry.line, column: entry.column)))
            }
            if type.dateField == nil, type.fields.contains(where: { $0.name == "date" }) { type.dateField = "date" }
            catalog.types[entry.key] = type
        }
        return reading.diagnostics
    }
}

/// Reads type and field definitions, collecting problems.
struct TypeReading {
    var path: String
    var diagnostics: [Diagnostic] = []

    static let typeKeys = ["category", "folder", "title", "evidences", "date", "numbering", "columns", "fields"]
    static let fieldKeys = ["kind", "required", "when", "values", "of", "types", "fields", "not_before", "min", "max"]

    mutating func problem(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(rule: Rules.configInvalidType.id, severity: Rules.configInvalidType.severity, message: message,
                                      location: SourceLocation(path: path, line: node.line, column: node.column), hint: hint))
    }

    mutating func type(named name: String, category: ContentCategory, node: YAMLNode) -> TypeDefinition {
        for entry in node.entries ?? [] where !Self.typeKeys.contains(entry.key) {
            problem(entry.value, "unknown key '\(entry.key)' in type '\(name)'",
                    hint: Suggestion.hint(for: entry.key, in: Self.typeKeys))
        }
        let defaultFolder = category == .record ? "records/\(name)" : name
        var title = LocalizedText(["en": name])
        if let titleNode = node["title"] {
            if let text = titleNode.string { title = LocalizedText(["en": text, "zh-CN": text]) } else {
                title = LocalizedText(Dictionary((titleNode.entries ?? []).compactMap { e in e.value.string.map { (e.key, $0) } },
                                                 uniquingKeysWith: { a, _ in a }))
            }
        }
        return TypeDefinition(
            name: name, category: category, title: title,
            folder: node["folder"]?.string ?? defaultFolder,
            evidences: node["evidences"]?.stringList ?? [name],
            dateField: node["date"]?.string,
            fields: fields(node["fields"]),
            numbering: node["numbering"]?.string,
            columns: node["columns"]?.stringList ?? [])
    }

    mutating func fields(_ node: YAMLNode?) -> [FieldSpec] {
        guard let node, !node.isNull else { return [] }
        guard let entries = node.entries else {
            problem(node, "fields must be a map of field name to definition")
            return []
        }
        return entries.map { field(named: $0.key, node: $0.value) }
    }

    mutating func field(named name: String, node: YAMLNode) -> FieldSpec {
        for entry in node.entries ?? [] where !Self.fieldKeys.contains(entry.key) {
            problem(entry.value, "unknown key '\(entry.key)' in field '\(name)'",
                    hint: Suggestion.hint(for: entry.key, in: Self.fieldKeys))
        }
        var requirement = Requirement.optional
        if node["required"]?.bool == true { requirement = .always }
        if let when = node["when"]?.string {
            if let parsed = Self.condition(when) { requirement = parsed } else {
                problem(node, "'when: \(when)' must read field=value, field=a|b or field!=value")
            }
        }
        return FieldSpec(name: name, kind: kind(node), requirement: requirement,
                         notBefore: node["not_before"]?.string,
                         minimum: node["min"]?.number, maximum: node["max"]?.number)
    }

    mutating func kind(_ node: YAMLNode) -> FieldKind {
        // `of: person` is shorthand for `of: { kind: person }`.
        if let name = node.string { return simpleKind(name, node: node) }
        guard let name = node["kind"]?.string else {
            problem(node, "a field needs a kind (string, text, date, datetime, number, bool, enum, ref, person, list, map)")
            return .any
        }
        switch name {
        case "enum":
            let values = node["values"]?.stringList ?? []
            if values.isEmpty { problem(node, "an enum field needs values: [...]") }
            return .enumeration(values)
        case "ref": return .reference(node["types"]?.stringList ?? [])
        case "list":
            guard let of = node["of"] else { return .list(.any) }
            return .list(kind(of))
        case "map": return .map(fields(node["fields"]))
        default: return simpleKind(name, node: node)
        }
    }

    mutating func simpleKind(_ name: String, node: YAMLNode) -> FieldKind {
        switch name {
        case "string": return .string
        case "text": return .text
        case "date": return .date
        case "datetime": return .datetime
        case "number": return .number
        case "integer": return .integer
        case "bool": return .bool
        case "ref": return .reference([])
        case "person": return .person
        case "clause": return .clause
        case "attachment": return .attachment
        case "any": return .any
        default:
            let known = ["string", "text", "date", "datetime", "number", "integer", "bool", "enum", "ref",
                         "person", "clause", "attachment", "list", "map"]
            problem(node, "unknown field kind '\(name)'", hint: Suggestion.hint(for: name, in: known))
            return .any
        }
    }

    static func condition(_ text: String) -> Requirement? {
        let negated = text.contains("!=")
        let parts = text.components(separatedBy: negated ? "!=" : "=")
        guard parts.count == 2 else { return nil }
        let field = parts[0].trimmingCharacters(in: .whitespaces)
        let values = parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !field.isEmpty, !values.isEmpty else { return nil }
        return .when(field: field, values: values, negated: negated)
    }
}
