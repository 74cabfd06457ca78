import Foundation

/// Render and write, whole or incremental. Every build leaves a `BuildCache` beside the output; with
/// `incremental`, the next build renders only the entry pages whose inputs changed (and every
/// summary page), and writes only files whose bytes changed. The output is byte for byte what a
/// whole build writes (tests compare the two).
struct IncrementalBuild {
    let check: Pipeline.CheckResult
    let theme: Theme
    let options: Pipeline.BuildOptions

    /// Returns the number of files of the site.
    func run(renderer: SiteRenderer, writer: OutputWriter) throws -> Int {
        let site = check.site
        let references = References(site: site)
        let dependencies = PageDependencies(site: site, references: references, contentHashes: check.contentHashes,
                                            global: globalInputs())
        var inputs: [String: String] = [:]
        for (entry, fingerprint) in zip(site.entries, dependencies.fingerprints) { inputs[PagePaths.page(for: entry)] = fingerprint }

        if options.incremental, let previous = BuildCache.load(for: writer.output) {
            var skipping: Set<Int> = []
            var kept: [String: String] = [:]
            for (index, entry) in site.entries.enumerated() {
                let path = PagePaths.page(for: entry)
                guard let before = previous.items[path], before.inputs == dependencies.fingerprints[index],
                      FileManager.default.fileExists(atPath: writer.output.appendingPathComponent(path).path) else { continue }
                skipping.insert(index)
                kept[path] = dependencies.fingerprints[index]
            }
            let files = try renderer.render(site, references: references, diagnostics: check.diagnostics, skipping: skipping)
            if let cache = try writer.update(files, kept: kept, inputs: inputs, previous: previous) {
                try cache.save(for: writer.output)
                return files.count + kept.count
            }
        }
        let files = try renderer.render(site, references: references, diagnostics: check.diagnostics, skipping: [])
        let cache = OutputFile(path: BuildCache.fileName, data: OutputWriter.cache(for: files, inputs: inputs).data)
        try writer.write(files + [cache])
        return files.count
    }

    /// Everything every page depends on: theme, config, checklists, attachments and files that are
    /// not entries, the as-of date, the generator line.
    private func globalInputs() -> String {
        let entryPaths = Set(check.site.entries.map(\.path))
        var fingerprint = Fingerprint()
        fingerprint.add(theme.fingerprint)
        fingerprint.add(check.asOf.description)
        fingerprint.add(options.generator)
        for (path, hash) in check.contentHashes.sorted(by: { $0.key < $1.key }) where !entryPaths.contains(path) {
            fingerprint.add(path)
            fingerprint.add(hash)
        }
        return fingerprint.hex
    }
}
