import Foundation

/// A file of the generated site: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// Renders every page of the site with the theme. Entry pages render in parallel; the result is
/// sorted by path so that output is deterministic.
public struct SiteRenderer: Sendable {
    public var theme: Theme
    public var asOf: Day
    public var generator: String

    public init(theme: Theme, asOf: Day, generator: String = "Dossier") {
        self.theme = theme
        self.asOf = asOf
        self.generator = generator
    }

    /// - Parameter diagnostics: the validation results of this build, shown on the dashboard and exported.
    /// - Parameter skipping: indices of entries whose page is not rendered (an incremental build keeps
    ///   the page of the previous build).
    public func render(_ site: Site, diagnostics: [Diagnostic] = [], skipping: Set<Int> = []) throws -> [OutputFile] {
        try render(site, references: References(site: site), diagnostics: diagnostics, skipping: skipping)
    }

    func render(_ site: Site, references: References, diagnostics: [Diagnostic], skipping: Set<Int>) throws -> [OutputFile] {
        let context = RenderContext(site: site, theme: theme, asOf: asOf, references: references,
                                    coverage: Coverage(site: site, asOf: asOf).applicable(),
                                    diagnostics: diagnostics, generator: generator)
        let entryPages = EntryPages(context: context)
        let indices = site.entries.indices.filter { !skipping.contains($0) }
        // Each page becomes its bytes in the worker that rendered it, so that the text of every page
        // and its bytes are never held at once (at 10 000 records that was a fifth of the peak memory).
        let rendered: [Result<OutputFile, Error>] = indices.parallelMap { index in
            Result { try entryPages.page(for: index) }.map { OutputFile(path: $0.path, text: $0.html) }
        }
        var files = try rendered.map { try $0.get() }
        var pages: [(path: String, html: String)] = []
        let registers = RegisterPages(context: context)
        pages.append(try DashboardPage(context: context).render())
        pages.append(try NotFoundPage(context: context).render())
        pages.append(try ManualPages(context: context).index())
        pages.append(try registers.documentRegister())
        pages.append(try registers.recordsIndex())
        pages += try registers.recordTypeIndexes()
        files += pages.map { OutputFile(path: $0.path, text: $0.html) }
        let families: [any PageFamily] = [
            ClausePages(context: context), AuditPages(context: context), KPIPages(context: context),
            CalendarPages(context: context), SearchPages(context: context), PrintPages(context: context),
            DataExport(context: context),
        ]
        for family in families { files += try family.render() }
        files += theme.assets.map { OutputFile(path: $0.key, data: $0.value) }
        files += site.attachments.map { OutputFile(path: PagePaths.attachment($0.key), data: $0.value) }
        return files.sorted { $0.path < $1.path }
    }
}
