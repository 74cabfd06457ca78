import Foundation

/// `dossier new TYPE`: the one file to write for a new record or document of a site, from the type's
/// schema, with the next free id of the type's numbering, into the type's folder (into the as-of
/// year's sub-folder when the type's records are already filed by year).
public enum NewEntry {
    public static func file(typeName: String, id requestedID: String?, title: String?, site: Site, asOf: Day,
                            root: String, fileSystem: FileSystem) throws -> ScaffoldFile {
        guard let type = site.catalog[typeName] else {
            throw ScaffoldError.unknownType(typeName, known: site.catalog.sortedNames)
        }
        let taken = Dictionary(site.entries.map { ($0.id.lowercased(), $0.path) }, uniquingKeysWith: { a, _ in a })
        let id: String
        if let requestedID {
            guard EntryParser.isSafeID(requestedID), !EntryParser.isReservedID(requestedID) else {
                throw ScaffoldError.invalidID(requestedID)
            }
            if let existing = taken[requestedID.lowercased()] { throw ScaffoldError.duplicateID(requestedID, existing: existing) }
            id = requestedID
        } else {
            let existing = site.entries.filter { $0.type == type.name }.map(\.id)
            id = IDNumbering.next(for: type, existing: existing, taken: Set(site.entries.map(\.id)), asOf: asOf)
        }
        let path = folder(of: type, root: root, asOf: asOf, fileSystem: fileSystem) + "/" + id + ".md"
        guard !fileSystem.exists(SiteSource.join(root, path)) else { throw ScaffoldError.fileExists(path) }

        let writer = EntryWriter(catalog: site.catalog, people: site.config.people, asOf: asOf,
                                 known: site.entries.map { EntryWriter.Known(id: $0.id, type: $0.type, category: $0.category,
                                                                             approved: $0.string("status") == "approved") },
                                 defaultClause: defaultClause(site))
        let strings = try ScaffoldData.strings(site.config.language)
        var values: [NewValue.Pair] = []
        if type.category == .document {
            let by = site.config.people.first.map { NewValue.text($0.name) } ?? .plain("TODO")
            values = [
                .init("version", .text("0.1")),
                .init("status", .text("draft")),
                .init("history", .list([.map([.init("version", .text("0.1")), .init("date", .plain(asOf.description)),
                                              .init("by", by), .init("change", .text(strings["history_new"] ?? "First draft"))])])),
            ]
        }
        for entry in try ScaffoldData.load().newDefaults[type.name]?.entries ?? [] {
            if let value = resolve(NewValue(entry.value), site: site, asOf: asOf) { values.append(.init(entry.key, value)) }
        }
        let documentTitle = title ?? (type.category == .document ? "TODO" : nil)
        let front = writer.frontMatter(type: type, id: id, title: documentTitle, values: values)
        let body = type.category == .document
            ? "# \(documentTitle ?? id)\n\n" + (strings["new_document_body"] ?? "TODO\n")
            : (strings["new_record_body"] ?? "TODO\n")
        return ScaffoldFile(path: path, text: "---\n" + front + "---\n\n" + body)
    }

    /// `@date+N` and `@latest:<type>` of the plan's `new:` values; nil when the token names nothing.
    static func resolve(_ value: NewValue, site: Site, asOf: Day) -> NewValue? {
        guard let text = value.scalarText, text.hasPrefix("@") else { return value }
        let token = text.dropFirst()
        if token.hasPrefix("date+"), let days = Int(token.dropFirst(5)) { return .plain(asOf.adding(days: days).description) }
        if token.hasPrefix("latest:") {
            let type = String(token.dropFirst(7))
            return site.entries.filter { $0.type == type }.map(\.id).max().map(NewValue.text)
        }
        return nil
    }

    /// `Content/<folder>`, plus `/<yyyy>` when the folder already holds year folders.
    static func folder(of type: TypeDefinition, root: String, asOf: Day, fileSystem: FileSystem) -> String {
        let folder = "Content/" + type.folder
        let names = (try? fileSystem.list(SiteSource.join(root, folder))) ?? []
        let byYear = names.contains { name in
            name.count == 4 && name.allSatisfy(\.isASCIIDigit)
                && fileSystem.kind(SiteSource.join(root, folder + "/" + name)) == .directory
        }
        return byYear ? folder + "/" + String(format: "%04d", asOf.year) : folder
    }

    /// The first clause of the first applicable checklist that is not a group.
    static func defaultClause(_ site: Site) -> String? {
        for standard in site.config.standards {
            if let checklist = site.checklists.first(where: { $0.id == standard.value }),
               let clause = checklist.clauses.first(where: { !$0.isGroup }) {
                return "\(checklist.id):\(clause.id)"
            }
        }
        return nil
    }
}
