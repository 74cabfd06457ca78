import Dispatch

/// The types and checklists compiled into the binary (see Embedded/generate.py). They are constants
/// of the build, so each is parsed once per process, on first use, and never changes afterwards.
enum BuiltInData {
    static func text(_ path: String) throws -> String {
        guard let text = EmbeddedResources.files[path] else { throw DossierError.resource("missing built-in file \(path)") }
        return text
    }

    private static let parsedCatalog: Result<TypeCatalog, Error> = Result {
        try TypeCatalogParser().parseBuiltIn(text("types.yml"))
    }

    /// Built-in checklist sources as (source name, text), in name order.
    private static let checklistSources: [(path: String, text: String)] =
        EmbeddedResources.files.keys.filter { $0.hasPrefix("checklists/") }.sorted().compactMap { key in
            EmbeddedResources.files[key].map { ("builtin:" + key.dropFirst("checklists/".count), $0) }
        }

    private static let parsedChecklists: ChecklistParser.Result = ChecklistParser().parseAll(builtIn: checklistSources, company: [])

    static func typeCatalog() throws -> TypeCatalog { try parsedCatalog.get() }

    static func checklists() throws -> [(path: String, text: String)] { checklistSources }

    /// Starts parsing the built-in types and checklists on another thread, so that they are ready
    /// (or nearly) when first used; a use before then waits for the same one-time parse.
    static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = parsedCatalog
            _ = parsedChecklists
        }
    }

    /// The built-in checklists, parsed, with any problems in them (a test keeps them at none).
    static func parsedBuiltInChecklists() -> ChecklistParser.Result { parsedChecklists }
}
