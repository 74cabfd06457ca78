/// A file that `dossier init` or `dossier new` wants to write: a path relative to the site root and
/// its text. Scaffolding only computes these values; `ScaffoldWriter` puts them on disk, so tests can
/// check a whole scaffolded site in memory.
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
