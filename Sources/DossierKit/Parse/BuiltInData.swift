/// The types and checklists compiled into the binary (see Embedded/generate.py).
enum BuiltInData {
    static func text(_ path: String) throws -> String {
        guard let text = EmbeddedResources.files[path] else { throw DossierError.resource("missing built-in file \(path)") }
        return text
    }

    static func typeCatalog() throws -> TypeCatalog {
        try TypeCatalogParser().parseBuiltIn(text("types.yml"))
    }

    /// Built-in checklists as (source name, text), in name order.
    static func checklists() throws -> [(path: String, text: String)] {
        EmbeddedResources.files.keys.filter { $0.hasPrefix("checklists/") }.sorted().compactMap { key in
            EmbeddedResources.files[key].map { ("builtin:" + key.dropFirst("checklists/".count), $0) }
        }
    }
}
