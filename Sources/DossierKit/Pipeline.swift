import Foundation

/// Dossier's pipeline, one stage after another:
///
///     dossier.yml + Content/**  →  load  →  parse  →  validate  →  profile  →  render  →  write
///
/// `check` runs the first three stages; `build` runs them all and writes nothing when validation
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
        /// The coverage of the applicable checklists that validation worked out, for a render of the
        /// same site (`IncrementalBuild`).
        var coverage: [ChecklistCoverage]?

        public var errorCount: Int { diagnostics.errorCount }
        public var warningCount: Int { diagnostics.warningCount }
    }

    public struct BuildOptions: Sendable {
        public var root: String
        public var output: String
        public var asOf: Day
        public var allowErrors = false
        public var strict = false
        /// The profile to render with (`--profile`); nil: the config's `default_profile`, else everything.
        public var profile: String?
        public var generator = "Dossier \(DossierVersion.current)"
        /// Re-render only the entry pages whose inputs changed since the last build of this output
        /// that left a cache (`build --incremental`, `serve`); the rest of the site is rendered and
        /// compared. Such a build leaves the cache for the next one.
        public var incremental = false
        /// Leave the build cache even when this build is not incremental (`serve`'s first build, so
        /// that its next ones are). A plain `build` leaves none: working out what each page is made
        /// from and fingerprinting every written file was 5 % of a 10k build, for a file that only a
        /// later incremental build reads (and that a published site need not carry).
        public var writesCache = false

        /// Whether this build leaves `.dossier-cache` in the output.
        var keepsCache: Bool { incremental || writesCache }
        /// Parsed files kept between the builds of one process (`serve`).
        public var parseCache: ParseCache?
        /// Keep what an edited file's page needs (`BuildResult.preview`; `serve`).
        public var keepsPreview = false

        public init(root: String, output: String? = nil, asOf: Day) {
            self.root = root
            self.output = output ?? (root.isEmpty || root == "." ? "Output" : root + "/Output")
            self.asOf = asOf
        }
    }

    public struct BuildResult: Sendable {
        public var check: CheckResult
        /// The profile the site was rendered with (its name is nil when none applies).
        public var profile: ProfileChoice
        /// Pages and assets written; nil when validation stopped the build.
        public var written: Int?
        /// With `keepsPreview`, after a good build: renders edited files' pages alone.
        public var preview: PagePreview?
    }

    /// load → parse → validate. `rendersBodies`: whether the site will be rendered (bodies to HTML;
    /// `check` needs only their headings and links).
    /// `parseCache`: files parsed by an earlier build of this process (`serve`), reused when unchanged.
    /// `hashesContent`: fill `CheckResult.contentHashes` (a build that leaves a cache compares them).
    public static func check(root: String, asOf: Day, fileSystem: FileSystem = .local, rendersBodies: Bool = false,
                             hashesContent: Bool = false, parseCache: ParseCache? = nil,
                             progress: PipelineProgress.Handler? = nil) throws -> CheckResult {
        let stages = ProgressReporter(progress)
        // The built-in types and checklists (constants, parsed once per process) are parsed on the
        // other core while this one walks Content/ (~6 ms that ran alone before the walk).
        BuiltInData.prepareInBackground()
        // The files' bytes (41 MB at 10 000 records) are let go once parsed, so that validation reuses
        // their memory instead of faulting in new pages.
        let (parsed, fileCount, hashes) = try { () throws -> (SiteParser.Result, Int, [String: String]) in
            let source = try stages.run(.load) { try SiteSource.read(root: root, fileSystem: fileSystem) }
            let hashes = hashesContent || parseCache != nil ? source.contentHashes() : [:]
            let parsed = try stages.run(.parse) {
                try SiteParser(rendersBodies: rendersBodies).parse(source, cache: parseCache, contentHashes: hashes)
            }
            return (parsed, source.files.count, hashes)
        }()
        let validated = stages.run(.validate) {
            Validated(Validator().validateKeepingCoverage(parsed.site, asOf: asOf, earlier: parsed.diagnostics))
        }
        var result = CheckResult(site: parsed.site, diagnostics: validated.diagnostics, asOf: asOf, fileCount: fileCount)
        result.contentHashes = hashes
        result.coverage = validated.coverage
        return result
    }

    /// load → parse → validate → profile → render → write. Validation sees the whole site (a
    /// profile never hides an error); rendering sees only what the profile shows. Incremental builds
    /// render only the entry pages whose inputs changed (`IncrementalBuild`).
    public static func build(_ options: BuildOptions, fileSystem: FileSystem = .local,
                             progress: PipelineProgress.Handler? = nil) throws -> BuildResult {
        let stages = ProgressReporter(progress)
        let check = try check(root: options.root, asOf: options.asOf, fileSystem: fileSystem, rendersBodies: true,
                              hashesContent: options.keepsCache, parseCache: options.parseCache, progress: progress)
        let profile = try ProfileChoice.resolve(options.profile, config: check.site.config)
        let failed = check.errorCount > 0 || (options.strict && check.warningCount > 0)
        if failed && !options.allowErrors { return BuildResult(check: check, profile: profile, written: nil) }
        let theme = try Theme.load(name: check.site.config.theme, root: options.root,
                                   language: check.site.config.language, fileSystem: fileSystem)
        let shown = stages.run(.profile) { ProfileFilter(profile.profile).apply(to: check.site, diagnostics: check.diagnostics) }
        let build = IncrementalBuild(site: shown.site, diagnostics: shown.diagnostics, check: check, theme: theme,
                                     options: options, profileName: profile.name,
                                     shownCoverage: profile.profile.showsEverything ? check.coverage : nil)
        let rootURL = URL(fileURLWithPath: options.root.isEmpty ? "." : options.root)
        let writer = OutputWriter(output: URL(fileURLWithPath: options.output), siteRoot: rootURL)
        let plan = try stages.run(.render) {
            try build.render(with: SiteRenderer(theme: theme, asOf: options.asOf, generator: options.generator), writer: writer)
        }
        var written = 0
        try stages.run(.write, count: plan.fileCount) { written = try build.write(plan, with: writer) }
        let preview = options.keepsPreview
            ? PagePreview(site: shown.site, theme: theme, diagnostics: shown.diagnostics, options: options,
                          showsEverything: profile.profile.showsEverything)
            : nil
        return BuildResult(check: check, profile: profile, written: written, preview: preview)
    }
}

public enum DossierVersion {
    public static let current = "0.1.0"
}
