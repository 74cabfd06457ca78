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

    /// load → parse → validate.
    public static func check(root: String, asOf: Day, fileSystem: FileSystem = .local) throws -> CheckResult {
        let source = try SiteSource.read(root: root, fileSystem: fileSystem)          // load
        let parsed = try SiteParser().parse(source)                                     // parse
        let diagnostics = Validator().validate(parsed.site, asOf: asOf, earlier: parsed.diagnostics)  // validate
        return CheckResult(site: parsed.site, diagnostics: diagnostics, asOf: asOf,
                           fileCount: source.files.count)
    }

    /// load → parse → validate → render → write.
    public static func build(_ options: BuildOptions, fileSystem: FileSystem = .local) throws -> BuildResult {
        let check = try check(root: options.root, asOf: options.asOf, fileSystem: fileSystem)
        let failed = check.errorCount > 0 || (options.strict && check.warningCount > 0)
        if failed && !options.allowErrors { return BuildResult(check: check, written: nil) }
        let theme = try Theme.load(name: check.site.config.theme, root: options.root,
                                   language: check.site.config.language, fileSystem: fileSystem)
        let files = try SiteRenderer(theme: theme, asOf: options.asOf, generator: options.generator)
            .render(check.site, diagnostics: check.diagnostics)                         // render
        let rootURL = URL(fileURLWithPath: options.root.isEmpty ? "." : options.root)
        try OutputWriter(output: URL(fileURLWithPath: options.output), siteRoot: rootURL).write(files)  // write
        return BuildResult(check: check, written: files.count)
    }
}

public enum DossierVersion {
    public static let current = "0.1.0"
}
