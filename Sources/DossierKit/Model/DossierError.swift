/// Environment failures: the pipeline cannot run at all (no content folder, unreadable config,
/// broken theme, unwritable output). Content problems are `Diagnostic`s instead, never thrown.
public enum DossierError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingContent(path: String)
    case missingConfig(path: String)
    case unusableConfig([Diagnostic])
    case theme(String)
    case output(String)
    case resource(String)

    public var description: String {
        switch self {
        case let .missingContent(path):
            return "no content folder at \(path): run dossier in a site's root folder (the one with dossier.yml and Content/)"
        case let .missingConfig(path):
            return "no \(SiteConfig.fileName) at \(path): run dossier in a site's root folder, or create one with `dossier init`"
        case let .unusableConfig(diagnostics):
            return diagnostics.map(\.formatted).joined(separator: "\n")
        case let .theme(message): return "theme: \(message)"
        case let .output(message): return "output: \(message)"
        case let .resource(message): return "built-in data: \(message)"
        }
    }
}
