/// Checks the names in `profiles:` against the types the site knows (the config parser cannot: the
/// company's types are read after it). A misspelt name would quietly show less — or, in `redact:`,
/// publish the value it meant to hide — so both are errors (`config.invalid`) at their config line:
///
/// - every `include:` name is a type or one of the groups `documents` and `records`;
/// - every `redact:` path names a field of at least one type (dotted into maps and lists of maps) or
///   one that some file writes (an unknown field), and not `id` or `type`, which place an entry and
///   cannot be masked.
public struct ProfileRule: ValidationRule {
    public static let groups = ["documents", "records"]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let catalog = context.site.catalog
        let includable = Self.groups + catalog.sortedNames
        let fieldPaths = Self.fieldPaths(catalog)
        var diagnostics: [Diagnostic] = []
        for (name, profile) in context.site.config.profiles.sorted(by: { $0.key < $1.key }) {
            for item in profile.includes ?? [] where !includable.contains(item.value) {
                diagnostics.append(Rules.configInvalid.diagnostic(
                    "profile '\(name)' includes '\(item.value)', which is no type",
                    at: context.configLocation(line: item.line, column: item.column),
                    hint: Suggestion.hint(for: item.value, in: includable)
                        ?? "include all, the groups documents or records, or type names such as manual, policy, incident"))
            }
            for item in profile.redactions {
                let path = item.value
                let location = context.configLocation(line: item.line, column: item.column)
                let first = String(path.prefix { $0 != "." })
                if Redaction.unmaskable.contains(first) {
                    diagnostics.append(Rules.configInvalid.diagnostic(
                        "profile '\(name)' cannot redact '\(path)': the \(first) places an entry and stays visible", at: location,
                        hint: "leave the entry out instead: confidential: true in its front matter, or a narrower include:"))
                } else if !Self.exists(path, in: fieldPaths), !Self.isWritten(path, in: context.site.entries) {
                    diagnostics.append(Rules.configInvalid.diagnostic(
                        "profile '\(name)' redacts '\(path)', which is no field of any type: nothing would be masked", at: location,
                        hint: Suggestion.hint(for: path, in: fieldPaths.exact.sorted())
                            ?? "write a field path such as customer.phone (a field, then fields of a map)"))
                }
            }
        }
        return diagnostics
    }

    /// Every field path the schemas describe, and the prefixes below which any path is valid (fields
    /// of kind `any`, or maps without declared fields).
    struct FieldPaths: Sendable {
        var exact: Set<String> = []
        var open: Set<String> = []
    }

    static func fieldPaths(_ catalog: TypeCatalog) -> FieldPaths {
        var paths = FieldPaths()
        func add(_ specs: [FieldSpec], prefix: String) {
            for spec in specs { add(spec.kind, path: prefix + spec.name) }
        }
        func add(_ kind: FieldKind, path: String) {
            paths.exact.insert(path)
            switch kind {
            case let .list(inner): add(inner, path: path)
            case let .map(specs) where specs.isEmpty: paths.open.insert(path)
            case let .map(specs): add(specs, prefix: path + ".")
            case .any: paths.open.insert(path)
            default: break
            }
        }
        for name in catalog.sortedNames {
            guard let type = catalog[name] else { continue }
            add(catalog.allFields(of: type), prefix: "")
        }
        return paths
    }

    /// Whether some file has a value at `path` (only asked for paths no schema describes).
    static func isWritten(_ path: String, in entries: [Entry]) -> Bool {
        let redaction = Redaction([path])
        return entries.contains { !redaction.apply(to: $0.frontMatter).hidden.lines.isEmpty }
    }

    static func exists(_ path: String, in paths: FieldPaths) -> Bool {
        if paths.exact.contains(path) { return true }
        return paths.open.contains { path.hasPrefix($0 + ".") }
    }
}
