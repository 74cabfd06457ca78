import Foundation

/// Dossier's pipeline, one stage after another:
///
///     dossier.yml + Content/**  →  load  →  parse  →  validate  →  render  →  write
///
/// `check` runs the first three stages; `build` runs all five and writes nothing when validation
/// fails (unless errors are allowed), so `Output/` only ever holds a site from a good build.
public enum Pipeline {
    public struct CheckResult: Sendable {
        public var site: Site
        public var diagnostics: [Diagnostic]
        public var asOf: Day
        public var fileCount: Int
        /// Fingerprint of every input file's bytes by path (config, content, checklists, attachments):
        /// what incremental builds compare.
        public var contentHashes: [String: String] = [:]

        public var errorCount: Int { diagnostics.errorCount }
        public var warningCount: Int { diagnostics.warningCount }
    }

    public struct BuildOptions: Sendable {
        public var root: String
        public var output: String
        public var asOf: Day
        public var allowErrors = false
        public var strict = false
        public var generator = "Dossier \(DossierVersion.current)"
        /// Re-render only the entry pages whose inputs changed since the last build of this output
        /// (`build --incremental`, `serve`); the rest of the site is rendered and compared.
        public var incremental = false

        public init(root: String, output: String? = nil, asOf: Day) {
            self.root = root
            self.output = output ?? (root.isEmpty || root == "." ? "Output" : root + "/Output")
            self.asOf = asOf
        }
    }

    public struct BuildResult: Sendable {
        public var check: CheckResult
        /// Pages and assets written; nil when validation stopped the build.
        public var written: Int?
    }

    /// load → parse → validate. `rendersBodies`: whether the site will be rendered (bodies to HTML).
    public static func check(root: String, asOf: Day, fileSystem: FileSystem = .local,
                             rendersBodies: Bool = false) throws -> CheckResult {
        let source = try SiteSource.read(root: root, fileSystem: fileSystem)          // load
        let parsed = try SiteParser(rendersBodies: rendersBodies).parse(source)         // parse
        let diagnostics = Validator().validate(parsed.site, asOf: asOf, earlier: parsed.diagnostics)  // validate
        var result = CheckResult(site: parsed.site, diagnostics: diagnostics, asOf: asOf, fileCount: source.files.count)
        if rendersBodies { result.contentHashes = source.contentHashes() }
        return result
    }

    /// load → parse → validate → render → write.
    public static func build(_ options: BuildOptions, fileSystem: FileSystem = .local) throws -> BuildResult {
        let check = try check(root: options.root, asOf: options.asOf, fileSystem: fileSystem, rendersBodies: true)
        let failed = check.errorCount > 0 || (options.strict && check.warningCount > 0)
        if failed && !options.allowErrors { return BuildResult(check: check, written: nil) }
        let theme = try Theme.load(name: check.site.config.theme, root: options.root,
                                   language: check.site.config.language, fileSystem: fileSystem)
        let renderer = SiteRenderer(theme: theme, asOf: options.asOf, generator: options.generator)
        let rootURL = URL(fileURLWithPath: options.root.isEmpty ? "." : options.root)
        let writer = OutputWriter(output: URL(fileURLWithPath: options.output), siteRoot: rootURL)
        let written = try IncrementalBuild(check: check, theme: theme, options: options)
            .run(renderer: renderer, writer: writer)                                    // render + write
        return BuildResult(check: check, written: written)
    }
}

public enum DossierVersion {
    public static let current = "0.1.0"
}
