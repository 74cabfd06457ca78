import Foundation

/// Puts scaffolded files on disk. Reading (is the folder empty? does the file exist?) goes through
/// `FileSystem`; writing is the only thing done here. Nothing is ever deleted.
public struct ScaffoldWriter: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = .local) { self.fileSystem = fileSystem }

    /// `root/path`, or `path` alone for the current folder.
    public static func join(_ root: String, _ path: String) -> String { SiteSource.join(root, path) }

    /// True when `folder` is missing or holds nothing at all (hidden files count).
    public func isEmptyFolder(_ folder: String) -> Bool {
        switch fileSystem.kind(folder) {
        case .missing: return true
        case .directory: return ((try? fileSystem.list(folder)) ?? []).isEmpty
        default: return false
        }
    }

    /// Writes `files` under `root`. Without `overwrite`, an existing file stops the write before
    /// anything is written.
    public func write(_ files: [ScaffoldFile], under root: String, overwrite: Bool) throws {
        let base = root.isEmpty ? "." : root
        if !overwrite, let clash = files.first(where: { fileSystem.exists(SiteSource.join(base, $0.path)) }) {
            throw ScaffoldError.fileExists(SiteSource.join(base, clash.path))
        }
        for file in files {
            let url = URL(fileURLWithPath: SiteSource.join(base, file.path))
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: overwrite ? [.atomic] : [.withoutOverwriting])
            } catch {
                throw DossierError.output("cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
