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
        var pending: [Pending] = []
        walk(root: root, relative: folder, into: &result, pending: &pending)
        // The files are read on every core once the walk has found them (reading 10 000 files one
        // after another was a tenth of `dossier check`); the first failure in walk order is thrown,
        // as when walking and reading went together.
        let fileSystem = self.fileSystem
        let read = pending.parallelMap { item -> Swift.Result<SourceFile, any Error> in
            switch item {
            case let .file(path, full): return Swift.Result { SourceFile(path: path, data: try fileSystem.read(full)) }
            case let .failure(error): return .failure(error)
            }
        }
        result.files.reserveCapacity(read.count)
        for item in read { result.files.append(try item.get()) }
        return result
    }

    /// A Markdown file to read, or the listing failure that ended the walk.
    private enum Pending: Sendable {
        case file(path: String, full: String)
        case failure(any Error)
    }

    private func walk(root: String, relative: String, into result: inout Result, pending: inout [Pending]) {
        if case .failure? = pending.last { return }
        let names: [String]
        do {
            names = try fileSystem.list(join(root, relative)).sorted()
        } catch {
            pending.append(.failure(error))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = relative + "/" + name
            let full = join(root, path)
            switch fileSystem.kind(full) {
            case .symlink:
                result.diagnostics.append(Diagnostic(rule: Rules.refSymlink.id, severity: Rules.refSymlink.severity, message: "symbolic link refused: Dossier never follows links out of Content/",
                    location: SourceLocation(path: path), hint: "copy the file into Content/ instead of linking to it"))
            case .directory:
                walk(root: root, relative: path, into: &result, pending: &pending)
                if case .failure? = pending.last { return }
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
                pending.append(.file(path: path, full: full))
            case .missing:
                continue
            }
        }
    }

    private func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
