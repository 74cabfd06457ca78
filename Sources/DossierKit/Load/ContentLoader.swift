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
        let top = Self.join(root, folder)
        guard fileSystem.kind(top) == .directory else {
            throw DossierError.missingContent(path: top)
        }
        var found: [Found] = []
        walk(folder, listed: listFolders(root: root, top: folder), into: &result, found: &found)
        // The files are read by `readThreads` threads once the walk has found them (reading 10 000
        // files one after another was a tenth of `dossier check`; one thread per core left a disk
        // reading uncached files idle between requests), and the size limit is checked by the read's
        // own `fstat`. Diagnostics keep walk order, and the first failure in walk order is thrown, as
        // when walking and reading went together.
        let fileSystem = self.fileSystem
        let sizeLimit = self.sizeLimit
        let read = found.parallelMap(threads: Self.readThreads) { item -> Swift.Result<FileSystem.LimitedRead?, any Error> in
            switch item {
            // The full path is joined here, on every core, rather than in the walk (serial).
            case let .file(path): return Swift.Result { try fileSystem.readUnlessLarger(Self.join(root, path), sizeLimit) }
            case .diagnostic: return .success(nil)
            case let .failure(error): return .failure(error)
            }
        }
        result.files.reserveCapacity(read.count)
        for (item, outcome) in zip(found, read) {
            switch (item, try outcome.get()) {
            case let (.file(path), .data(data)?):
                result.files.append(SourceFile(path: path, data: data))
            case let (.file(path), .tooLarge(size)?):
                result.diagnostics.append(Diagnostic(
                    rule: Rules.parseTooLarge.id, severity: Rules.parseTooLarge.severity,
                    message: "file is \(size / 1024) KiB, over the \(sizeLimit / 1024 / 1024) MiB limit",
                    location: SourceLocation(path: path), hint: "split it, or move large data into Content/attachments/"))
            case let (.diagnostic(diagnostic), _):
                result.diagnostics.append(diagnostic)
            default:
                break
            }
        }
        return result
    }

    /// Reads in flight at once: enough to keep a disk busy when the files are not cached, few enough
    /// that threads cost nothing worth measuring when they are.
    static let readThreads = 8

    /// What the walk found, in walk order: a Markdown file to read, a refused item, or the listing
    /// failure that ended the walk.
    private enum Found: Sendable {
        case file(path: String)
        case diagnostic(Diagnostic)
        case failure(any Error)
    }

    /// What a folder holds that the walk acts on, in name order.
    private enum Item: Sendable {
        case file(path: String)
        case otherFile(path: String)
        case folder(path: String)
        case diagnostic(Diagnostic)
    }

    /// Every folder under `top` (relative to `root`), listed and sorted, the folders of each depth on
    /// every core: listed one after another during the walk, this was 10 ms of a 10,000-file site
    /// with the other core idle. A folder whose listing failed holds the error.
    private func listFolders(root: String, top: String) -> [String: Swift.Result<[Item], any Error>] {
        var listed: [String: Swift.Result<[Item], any Error>] = [:]
        var depth = [top]
        while !depth.isEmpty {
            let listings = depth.parallelMap { folder in (folder, Swift.Result { try items(in: folder, root: root) }) }
            depth = []
            for (folder, listing) in listings {
                listed[folder] = listing
                guard case let .success(items) = listing else { continue }
                for case let .folder(path) in items { depth.append(path) }
            }
        }
        return listed
    }

    private func items(in relative: String, root: String) throws -> [Item] {
        let entries = try fileSystem.listKinds(Self.join(root, relative)).sorted { $0.name < $1.name }
        var items: [Item] = []
        items.reserveCapacity(entries.count)
        for (name, kind) in entries where !name.hasPrefix(".") {
            let path = relative + "/" + name
            if Self.lostInDecoding(name, at: Self.join(root, path), fileSystem: fileSystem) {
                items.append(.diagnostic(Diagnostic(rule: Rules.parseEncoding.id, severity: Rules.parseEncoding.severity,
                    message: "file name is not valid UTF-8 (the path shows \u{FFFD} where its bytes are not)",
                    location: SourceLocation(path: path),
                    hint: "rename it in UTF-8 (names from Windows or old archives are often GBK)")))
                continue
            }
            switch kind {
            case .symlink:
                items.append(.diagnostic(Diagnostic(rule: Rules.refSymlink.id, severity: Rules.refSymlink.severity, message: "symbolic link refused: Dossier never follows links out of Content/",
                    location: SourceLocation(path: path), hint: "copy the file into Content/ instead of linking to it")))
            case .directory:
                items.append(.folder(path: path))
            case .file:
                items.append(name.hasSuffix(".md") || name.hasSuffix(".markdown") ? .file(path: path) : .otherFile(path: path))
            case .missing:
                continue
            }
        }
        return items
    }

    /// Depth first in name order, from the listings: the first listing that failed ends the walk.
    private func walk(_ relative: String, listed: [String: Swift.Result<[Item], any Error>],
                      into result: inout Result, found: inout [Found]) {
        let items: [Item]
        switch listed[relative] {
        case let .success(listing)?: items = listing
        case let .failure(error)?:
            found.append(.failure(error))
            return
        case nil: return
        }
        for item in items {
            switch item {
            case let .file(path): found.append(.file(path: path))
            case let .otherFile(path): result.otherFiles.append(path)
            case let .diagnostic(diagnostic): found.append(.diagnostic(diagnostic))
            case let .folder(path):
                walk(path, listed: listed, into: &result, found: &found)
                if case .failure? = found.last { return }
            }
        }
    }

    /// Whether `name` came from bytes that are not UTF-8: listing decodes such a name with U+FFFD in
    /// place of the bad bytes, so the decoded path names nothing, and reading it would fail with a
    /// bare "no such file" error. A name that really holds U+FFFD still exists, and is kept.
    private static func lostInDecoding(_ name: String, at path: String, fileSystem: FileSystem) -> Bool {
        name.unicodeScalars.contains("\u{FFFD}") && fileSystem.kind(path) == .missing
    }

    private static func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
