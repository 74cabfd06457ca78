import Foundation

/// Render and write, whole or incremental. Every build leaves a `BuildCache` in the output folder;
/// with `incremental`, the next build renders only the entry pages whose inputs changed (and every
/// summary page), and writes only files whose bytes changed. The output is byte for byte what a
/// whole build writes (tests compare the two).
struct IncrementalBuild {
    /// The site as rendered (after the profile) and its diagnostics.
    let site: Site
    let diagnostics: [Diagnostic]
    let check: Pipeline.CheckResult
    let theme: Theme
    let options: Pipeline.BuildOptions
    let profileName: String?

    /// What the render step made: the files to write, and the entry pages kept from the last build.
    struct Plan: StageOutput {
        var files: [OutputFile]
        /// Page path → input fingerprint, for every entry page.
        var inputs: [String: String]
        /// Entry pages not rendered again: path → input fingerprint.
        var kept: [String: String] = [:]
        var previous: BuildCache?

        var stageCount: Int { files.count }
        var fileCount: Int { files.count + kept.count }
    }

    func render(with renderer: SiteRenderer, output: URL) throws -> Plan {
        let references = References(site: site)
        let dependencies = PageDependencies(site: site, references: references, contentHashes: check.contentHashes,
                                            global: globalInputs())
        var inputs: [String: String] = [:]
        for (entry, fingerprint) in zip(site.entries, dependencies.fingerprints) { inputs[PagePaths.page(for: entry)] = fingerprint }
        var skipping: Set<Int> = []
        var kept: [String: String] = [:]
        let previous = options.incremental ? BuildCache.load(for: output) : nil
        if let previous {
            for (index, entry) in site.entries.enumerated() {
                let path = PagePaths.page(for: entry)
                guard let before = previous.items[path], before.inputs == dependencies.fingerprints[index],
                      FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) else { continue }
                skipping.insert(index)
                kept[path] = dependencies.fingerprints[index]
            }
        }
        let files = try renderer.render(site, references: references, diagnostics: diagnostics, skipping: skipping)
        return Plan(files: files, inputs: inputs, kept: kept, previous: previous)
    }

    /// Writes the plan; returns the number of files of the site.
    func write(_ plan: Plan, with writer: OutputWriter) throws -> Int {
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
        let entryPaths = Set(site.entries.map(\.path))
        var fingerprint = Fingerprint()
        fingerprint.add(theme.fingerprint)
        fingerprint.add(check.asOf.description)
        fingerprint.add(options.generator)
        fingerprint.add(profileName ?? "-")
        for (path, hash) in check.contentHashes.sorted(by: { $0.key < $1.key }) where !entryPaths.contains(path) {
            fingerprint.add(path)
            fingerprint.add(hash)
        }
        return fingerprint.hex
    }
}
