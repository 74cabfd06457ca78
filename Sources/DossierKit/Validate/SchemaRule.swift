/// `schema.*`: every entry's front matter against its type's fields (the common fields of its
/// category plus the type's own): missing required fields (`schema.required`, honouring `when:`),
/// values of the wrong kind (`schema.kind`), values outside an enum (`schema.enum`) or a number range
/// (`schema.range`), and keys the type does not define (`schema.unknown-field`, a warning). Maps and
/// list elements are checked recursively. Unknown types and bad ids are diagnosed by the parser.
public struct SchemaRule: ValidationRule {
    public init() {}

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 40 }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let fieldsBySlot = context.bySlot(context.schema.byType)
        let entries = context.site.entries, slots = context.typeSlots
        return Array(entries.indices).parallelMap { index in
            Self.check(entries[index], fields: fieldsBySlot[slots[index]])
        }.flatMap { $0 }
    }

    static func check(_ entry: Entry, schema: SchemaFields) -> [Diagnostic] {
        check(entry, fields: schema[entry.type])
    }

    /// - Parameter fields: the fields of the entry's type (nil: a type the catalog does not know).
    static func check(_ entry: Entry, fields: SchemaFields.TypeFields?) -> [Diagnostic] {
        guard let fields, let top = entry.frontMatter.entries else { return [] }
        var check = SchemaValueCheck(entry: entry)
        check.checkMap(top, fields: fields, prefix: "", at: SourceLocation(path: entry.path, line: max(entry.frontMatter.line, 1), column: 1))
        return check.diagnostics
    }
}
