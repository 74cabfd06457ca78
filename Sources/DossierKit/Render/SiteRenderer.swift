import Foundation

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
        try render(site, references: references, diagnostics: diagnostics, skipping: skipping) { $0 }
            .map(\.made).sorted { $0.path < $1.path }
    }

    /// Renders every file and hands each to `emit` in the worker that rendered it (a whole build writes
    /// it there, while other pages are still rendering); returns what `emit` made, by path, in no
    /// particular order. The first error in the order the pages are listed (entry pages, then the
    /// summaries) is thrown, after every job has run.
    /// - Parameter coverage: `Coverage(site:asOf:).applicable()`, when the caller made it already.
    /// - Parameter pagePaths: every entry's `PagePaths.page(for:)` by index, when the caller made them.
    func render<Made: Sendable>(_ site: Site, references: References, coverage: [ChecklistCoverage]? = nil,
                                pagePaths: [String]? = nil, diagnostics: [Diagnostic], skipping: Set<Int>,
                                emit: @Sendable (OutputFile) throws -> Made) throws -> [(path: String, made: Made)] {
        let context = RenderContext(site: site, theme: theme, asOf: asOf, references: references,
                                    coverage: coverage ?? Coverage(site: site, asOf: asOf).applicable(),
                                    diagnostics: diagnostics, generator: generator, pagePaths: pagePaths)
        let entryPages = EntryPages(context: context)
        let indices = site.entries.indices.filter { !skipping.contains($0) }
        let summaries = Self.summaryJobs(context: context)
        // One parallel run for everything: the summary pages (heaviest first) and the entry pages after
        // them, so both cores stay busy; the summaries ran one after another on one core before
        // (0.9 s of a 10 000-record build). Each page becomes its bytes in the worker that rendered it,
        // so that the text of every page and its bytes are never held at once.
        let order = summaries.indices.sorted { summaries[$0].weight > summaries[$1].weight }
        let entryOrder = Self.interleavedHalves(indices.count)
        let rendered: [Result<[(path: String, made: Made)], Error>] = Array(0..<(order.count + indices.count)).parallelMap { slot in
            Result {
                let files = slot < order.count ? try summaries[order[slot]].render()
                    : [try entryPages.file(for: indices[entryOrder[slot - order.count]])]
                return try files.map { ($0.path, try emit($0)) }
            }
        }
        // Errors surface in the order the pages were listed before: entry pages, then the summaries.
        var made: [(path: String, made: Made)] = []
        made.reserveCapacity(rendered.count + theme.assets.count + site.attachments.count)
        for slot in Self.slots(of: entryOrder) { made += try rendered[order.count + slot].get() }
        for slot in Self.slots(of: order) { made += try rendered[slot].get() }
        for (path, data) in theme.assets { made.append((path, try emit(OutputFile(path: path, data: data)))) }
        for (name, data) in site.attachments {
            let path = PagePaths.attachment(name)
            made.append((path, try emit(OutputFile(path: path, data: data))))
        }
        return made
    }

    /// The positions `0..<count` as the first half and the second half taken in turn (0, h, 1, h + 1,
    /// ...). Entries are in path order, so neighbours share a folder: two workers taking neighbouring
    /// pages created files in the same folder at once and waited on its lock (the kernel's spinning
    /// on it was 2 % of a 10k build's samples). Pages a half apart are mostly in different folders.
    static func interleavedHalves(_ count: Int) -> [Int] {
        let half = (count + 1) / 2
        var positions: [Int] = []
        positions.reserveCapacity(count)
        for offset in 0..<half {
            positions.append(offset)
            if half + offset < count { positions.append(half + offset) }
        }
        return positions
    }

    /// The slot each item was rendered in, by item: the inverse of `order` (item by slot).
    private static func slots(of order: [Int]) -> [Int] {
        var slots = [Int](repeating: 0, count: order.count)
        for (slot, item) in order.enumerated() { slots[item] = slot }
        return slots
    }

    /// A summary page or family of pages: `weight` orders them heaviest first (samples of a
    /// 10 000-record build's profile at 500 Hz; only the order matters).
    struct SummaryJob: Sendable {
        var weight: Int
        var render: @Sendable () throws -> [OutputFile]
    }

    /// In the order their errors are reported.
    static func summaryJobs(context: RenderContext) -> [SummaryJob] {
        func page(_ weight: Int, _ make: @escaping @Sendable () throws -> (path: String, html: String)) -> SummaryJob {
            SummaryJob(weight: weight) { let page = try make(); return [OutputFile(path: page.path, text: page.html)] }
        }
        func family(_ weight: Int, _ make: @escaping @Sendable () throws -> [OutputFile]) -> SummaryJob {
            SummaryJob(weight: weight, render: make)
        }
        let registers = RegisterPages(context: context)
        // One job per record-type table: as one job they were the longest summary (0.6 s at 10k
        // records), which left a core idle at the end of the render.
        var counts: [String: Int] = [:]
        for entry in context.site.entries where entry.category == .record { counts[entry.type, default: 0] += 1 }
        let recordCount = max(1, counts.values.reduce(0, +))
        let typeTables = registers.recordTypes.map { type in
            family(max(1, 620 * (counts[type.name] ?? 0) / recordCount)) {
                [try registers.recordTypeIndex(type)]
            }
        }
        return [
            page(46) { try DashboardPage(context: context).render() },
            page(1) { try NotFoundPage(context: context).render() },
            page(1) { try ManualPages(context: context).index() },
            page(3) { try registers.documentRegister() },
            page(52) { try registers.recordsIndex() },
        ] + typeTables + [
            family(45) { try ClausePages(context: context).render() },
            family(14) { try AuditPages(context: context).render() },
            family(33) { try KPIPages(context: context).render() },
            family(5) { try CalendarPages(context: context).render() },
            family(400) { try SearchPages(context: context).render() },
            family(7) { try PrintPages(context: context).render() },
            family(280) { try DataExport(context: context).render() },
        ]
    }
}
