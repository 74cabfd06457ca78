/// `schema.*`: every entry's front matter against its type's fields (the common fields of its
/// category plus the type's own): missing required fields (`schema.required`, honouring `when:`),
/// values of the wrong kind (`schema.kind`), values outside an enum (`schema.enum`) or a number range
/// (`schema.range`), and keys the type does not define (`schema.unknown-field`, a warning). Maps and
/// list elements are checked recursively. Unknown types and bad ids are diagnosed by the parser.
public struct SchemaRule: ValidationRule {
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let schema = SchemaFields(catalog: context.site.catalog)
        return context.site.entries.parallelMap { entry in
            Self.check(entry, schema: schema)
        }.flatMap { $0 }
    }

    static func check(_ entry: Entry, schema: SchemaFields) -> [Diagnostic] {
        guard let fields = schema[entry.type], let top = entry.frontMatter.entries else { return [] }
        var check = SchemaValueCheck(entry: entry)
        check.checkMap(top, fields: fields, prefix: "", at: SourceLocation(path: entry.path, line: max(entry.frontMatter.line, 1), column: 1))
        return check.diagnostics
    }
}
