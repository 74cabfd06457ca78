import Foundation

/// Render and write, whole or incremental. A build that keeps a cache (`BuildOptions.keepsCache`)
/// leaves a `BuildCache` in the output folder; with `incremental`, the next build renders only the
/// entry pages whose inputs changed (and every summary page), and writes only files whose bytes
/// changed. The output is byte for byte what a whole build writes (tests compare the two); a plain
/// build writes the same site without the cache.
struct IncrementalBuild {
    /// The site as rendered (after the profile) and its diagnostics.
    let site: Site
    let diagnostics: [Diagnostic]
    let check: Pipeline.CheckResult
    let theme: Theme
    let options: Pipeline.BuildOptions
    let profileName: String?
    /// `check.coverage` when the profile shows the checked site unchanged, else nil.
    let shownCoverage: [ChecklistCoverage]?

    /// What the render step made: the files to write, and the entry pages kept from the last build.
    struct Plan: StageOutput {
        var files: [OutputFile]
        /// Page path → input fingerprint, for every entry page.
        var inputs: [String: String]
        /// Entry pages not rendered again: path → input fingerprint.
        var kept: [String: String] = [:]
        var previous: BuildCache?
        /// A whole build: the files are already in the staging folder (`files` is empty), with their
        /// content fingerprints when the build keeps a cache (nil otherwise).
        var staged: (folder: StagingFolder, contents: [(path: String, made: String?)])?

        var stageCount: Int { staged?.contents.count ?? files.count }
        var fileCount: Int { stageCount + kept.count }
    }

    /// Renders the site. A whole build (no cache of an earlier build to update in place) writes each
    /// file into a staging folder as soon as it is rendered; `write` then swaps the folder in.
    func render(with renderer: SiteRenderer, writer: OutputWriter) throws -> Plan {
        let output = writer.output
        let keepsCache = options.keepsCache
        let (references, coverage, global) = prepare(asOf: renderer.asOf)
        // Every entry's page, made once on every core for the cache and all the renderers.
        let pagePaths = site.entries.parallelMap(PagePaths.page(for:))
        let dependencies = global.map {
            PageDependencies(site: site, references: references, contentHashes: check.contentHashes, global: $0)
        }
        var inputs: [String: String] = [:]
        if let dependencies {
            inputs.reserveCapacity(pagePaths.count)
            for (path, fingerprint) in zip(pagePaths, dependencies.fingerprints) { inputs[path] = fingerprint }
        }
        guard options.incremental, let dependencies, let previous = BuildCache.load(for: output) else {
            let staging = try StagingFolder(writer: writer)
            do {
                let contents = try renderer.render(site, references: references, coverage: coverage, pagePaths: pagePaths,
                                                   diagnostics: diagnostics, skipping: []) {
                    try staging.write($0, fingerprinting: keepsCache)
                }
                return Plan(files: [], inputs: inputs, staged: (staging, contents))
            } catch {
                staging.discard()
                throw error
            }
        }
        var skipping: Set<Int> = []
        var kept: [String: String] = [:]
        for (index, path) in pagePaths.enumerated() {
            guard let before = previous.items[path], before.inputs == dependencies.fingerprints[index],
                  FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) else { continue }
            skipping.insert(index)
            kept[path] = dependencies.fingerprints[index]
        }
        let files = try renderer.render(site, references: references, coverage: coverage, pagePaths: pagePaths,
                                        diagnostics: diagnostics, skipping: skipping) { $0 }
            .map(\.made).sorted { $0.path < $1.path }
        return Plan(files: files, inputs: inputs, kept: kept, previous: previous)
    }

    /// Who cites whom, the checklists' coverage and, for a build that keeps a cache, the site-wide inputs.
    private func prepare(asOf: Day) -> (References, [ChecklistCoverage], String?) {
        let keepsCache = options.keepsCache
        // Validation's coverage, when it saw this very site (a profile that shows everything): then
        // `References` spreads over the cores by itself.
        if let shownCoverage { return (References(site: site), shownCoverage, keepsCache ? globalInputs() : nil) }
        // Else three serial preparations side by side (References alone is 35 ms at 10k records on one core).
        let site = self.site
        let prepared = [0, 1, 2].parallelMap { part -> Prepared in
            switch part {
            case 0: return .references(References(site: site))
            case 1: return .coverage(Coverage(site: site, asOf: asOf).applicable())
            default: return .global(keepsCache ? globalInputs() : nil)
            }
        }
        guard case let .references(references) = prepared[0], case let .coverage(coverage) = prepared[1],
              case let .global(global) = prepared[2] else { preconditionFailure("parts in order") }
        return (references, coverage, global)
    }

    private enum Prepared: Sendable {
        case references(References)
        case coverage([ChecklistCoverage])
        case global(String?)
    }

    /// Writes the plan; returns the number of files of the site.
    func write(_ plan: Plan, with writer: OutputWriter) throws -> Int {
        if let staged = plan.staged {
            var cache: [OutputFile] = []
            if options.keepsCache {
                let contents = staged.contents.map { (path: $0.path, made: $0.made ?? "") }
                cache.append(OutputFile(path: BuildCache.fileName, data: BuildCache.data(contents: contents, inputs: plan.inputs)))
            }
            try writer.finish(staged.folder, adding: cache)
            return staged.contents.count
        }
        if let previous = plan.previous,
           let cache = try writer.update(plan.files, kept: plan.kept, inputs: plan.inputs, previous: previous) {
            try cache.save(for: writer.output)
            return plan.fileCount
        }
        // A whole build. Pages kept from a cache that cannot be used in place are missing: render them.
        var files = plan.files
        if !plan.kept.isEmpty {
            files = try SiteRenderer(theme: theme, asOf: options.asOf, generator: options.generator)
                .render(site, diagnostics: diagnostics)
        }
        let cache = OutputFile(path: BuildCache.fileName, data: BuildCache(files: files, inputs: plan.inputs).data)
        try writer.write(files + [cache])
        return files.count
    }

    /// Everything every page depends on: theme, config, checklists, attachments and files that are
    /// not entries, the as-of date, the generator line, the profile.
    private func globalInputs() -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(theme.fingerprint)
        fingerprint.add(check.asOf.description)
        fingerprint.add(options.generator)
        fingerprint.add(profileName ?? "-")
        // The few files that are not entries, then sorted (sorting all 10 000 paths first was 10 ms).
        for (path, hash) in nonEntryHashes().sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add(hash)
        }
        return fingerprint.hex
    }

    /// The content hashes of the input files that are not entries (config, checklists, attachments,
    /// Markdown files that did not parse, entries a profile leaves out).
    private func nonEntryHashes() -> [String: String] {
        let hashes = check.contentHashes
        let others = hashes.filter { !Self.isMarkdown($0.key) }
        // Every entry is a Markdown file: when there are as many entries as Markdown files, all of
        // them are entries, and the set of 10,000 entry paths (4 ms on one core) is not needed.
        if hashes.count - others.count == site.entries.count { return others }
        let entryPaths = Set(site.entries.map(\.path))
        return hashes.filter { !entryPaths.contains($0.key) }
    }

    private static func isMarkdown(_ path: String) -> Bool { path.hasSuffix(".md") || path.hasSuffix(".markdown") }
}
