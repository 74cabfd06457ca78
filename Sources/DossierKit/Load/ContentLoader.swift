import Foundation

/// Walks `Content/` in sorted order and reads every Markdown file. Refuses symlinks (they could lead
/// outside `Content/`) and files over the size limit, reporting each as a diagnostic.
public struct ContentLoader: Sendable {
    public static let defaultSizeLimit = 5 * 1024 * 1024

    public var fileSystem: FileSystem
    public var sizeLimit: Int

    public init(fileSystem: FileSystem, sizeLimit: Int = ContentLoader.defaultSizeLimit) {
        self.fileSystem = fileSystem
        self.sizeLimit = sizeLimit
    }

    public struct Result: Sendable {
        public var files: [SourceFile] = []
        /// Every non-Markdown file under `Content/` (attachments, checklists), relative to the site root.
        public var otherFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// - Parameters:
    ///   - root: the site root folder (absolute or relative).
    ///   - folder: the content folder inside it, normally `Content`.
    public func load(root: String, folder: String = "Content") throws -> Result {
        var result = Result()
        let top = join(root, folder)
        guard fileSystem.kind(top) == .directory else {
            throw DossierError.missingContent(path: top)
        }
        try walk(root: root, relative: folder, into: &result)
        return result
    }

    private func walk(root: String, relative: String, into result: inout Result) throws {
        let names = try fileSystem.list(join(root, relative)).sorted()
        for name in names where !name.hasPrefix(".") {
            let path = relative + "/" + name
            let full = join(root, path)
            switch fileSystem.kind(full) {
            case .symlink:
                result.diagnostics.append(Diagnostic(rule: Rules.refSymlink.id, severity: Rules.refSymlink.severity, message: "symbolic link refused: Dossier never follows links out of Content/",
                    location: SourceLocation(path: path), hint: "copy the file into Content/ instead of linking to it"))
            case .directory:
                try walk(root: root, relative: path, into: &result)
            case .file:
                guard name.hasSuffix(".md") || name.hasSuffix(".markdown") else {
                    result.otherFiles.append(path)
                    continue
                }
                if let size = fileSystem.size(full), size > sizeLimit {
                    result.diagnostics.append(Diagnostic(
                        rule: Rules.parseTooLarge.id, severity: Rules.parseTooLarge.severity,
                        message: "file is \(size / 1024) KiB, over the \(sizeLimit / 1024 / 1024) MiB limit",
                        location: SourceLocation(path: path), hint: "split it, or move large data into Content/attachments/"))
                    continue
                }
                result.files.append(SourceFile(path: path, data: try fileSystem.read(full)))
            case .missing:
                continue
            }
        }
    }

    private func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
