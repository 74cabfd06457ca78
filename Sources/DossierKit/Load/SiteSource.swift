import Foundation

/// Everything the pipeline reads from a site folder: the config's text and the content files' bytes.
/// Reading happens here and only here; later stages work on these values.
public struct SiteSource: Sendable {
    public var root: String
    public var configText: String
    public var files: [SourceFile]
    /// Non-Markdown files under Content/ (attachments, checklists), relative to the root.
    public var otherFiles: [String]
    /// Files under `Content/attachments/`, by path below that folder: evidence that records cite.
    public var attachments: [String: Data]
    /// Company checklists (`Content/checklists/*.yml`): path and text.
    public var checklistFiles: [(path: String, text: String)]
    public var diagnostics: [Diagnostic]

    /// Fingerprint of every input file's bytes, by path relative to the site root.
    public func contentHashes() -> [String: String] {
        var hashes: [String: String] = ["dossier.yml": Fingerprint.of(Data(configText.utf8))]
        let files = self.files
        for (file, hash) in zip(files, files.parallelMap { Fingerprint.of($0.data) }) { hashes[file.path] = hash }
        for (path, text) in checklistFiles { hashes[path] = Fingerprint.of(Data(text.utf8)) }
        for (path, data) in attachments { hashes["Content/attachments/" + path] = Fingerprint.of(data) }
        return hashes
    }

    /// Reads the site at `root`. Throws when there is no config or no content folder at all.
    public static func read(root: String, fileSystem: FileSystem = .local,
                            sizeLimit: Int = ContentLoader.defaultSizeLimit) throws -> SiteSource {
        let configPath = join(root, SiteConfig.fileName)
        guard fileSystem.kind(configPath) == .file else { throw DossierError.missingConfig(path: configPath) }
        let configData = try fileSystem.read(configPath)
        guard let configText = String(data: configData, encoding: .utf8) else {
            throw DossierError.unusableConfig([Diagnostic(rule: Rules.configEncoding.id, severity: Rules.configEncoding.severity, message: "dossier.yml is not valid UTF-8",
                                                          location: SourceLocation(path: SiteConfig.fileName))])
        }
        let loaded = try ContentLoader(fileSystem: fileSystem, sizeLimit: sizeLimit).load(root: root)
        var checklists: [(String, String)] = []
        var attachments: [String: Data] = [:]
        var diagnostics = loaded.diagnostics
        let attachmentFolder = "Content/attachments/"
        for path in loaded.otherFiles where path.hasPrefix(attachmentFolder) {
            attachments[String(path.dropFirst(attachmentFolder.count))] = try fileSystem.read(Self.join(root, path))
        }
        for path in loaded.otherFiles where path.hasPrefix("Content/checklists/") && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
            guard let text = String(data: try fileSystem.read(Self.join(root, path)), encoding: .utf8) else {
                diagnostics.append(Diagnostic(rule: Rules.parseEncoding.id, severity: Rules.parseEncoding.severity, message: "checklist is not valid UTF-8",
                                              location: SourceLocation(path: path)))
                continue
            }
            checklists.append((path, text))
        }
        return SiteSource(root: root, configText: configText, files: loaded.files, otherFiles: loaded.otherFiles,
                          attachments: attachments, checklistFiles: checklists, diagnostics: diagnostics)
    }

    static func join(_ root: String, _ path: String) -> String {
        root.isEmpty || root == "." ? path : root + "/" + path
    }
}
