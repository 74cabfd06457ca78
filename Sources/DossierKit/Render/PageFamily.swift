/// A group of pages of the site (clauses, audits, KPIs, calendar, search, print, data export).
/// Each family lives in its own files and returns finished output files, paths relative to the output root.
protocol PageFamily {
    init(context: RenderContext)
    func render() throws -> [OutputFile]
}
