/// What the page of each entry is made from, as one fingerprint per page: when it equals the one of the
/// previous build, the page on disk is still right and is not rendered again.
///
/// An entry's page shows its own file, the id, title, type, path and date of every entry it names
/// (reference fields, links in the body, any front-matter value that is an id) and of every entry that
/// cites it, the manual's chapter list (manual pages: previous/next), and site-wide inputs (config,
/// theme, checklists, as-of date, generator). Editing a record's body therefore re-renders its page
/// and the pages that summarise everything (indexes, dashboard, search...), not the pages that cite it.
struct PageDependencies {
    /// Entry index → fingerprint of its page's inputs.
    let fingerprints: [String]

    /// - Parameters:
    ///   - site: the site being rendered (after any profile filter).
    ///   - contentHashes: fingerprint of each input file's bytes, by path relative to the site root.
    ///   - global: fingerprint of the site-wide inputs.
    init(site: Site, references: References, contentHashes: [String: String], global: String) {
        // Each entry's summary and the site-wide inputs as fingerprints, values without references:
        // as strings, the summaries of much-cited entries and the global string were retained by
        // both threads for every page that adds them (contended reference counts), and hashed again.
        // On every core: made one after another they were 59 M instructions (6 ms) with the other core
        // idle, at 10 000 records.
        let catalog = site.catalog
        let summaries = site.entries.parallelMap { entry -> Fingerprint in
            var summary = Fingerprint()
            for part in [entry.id, entry.title, entry.type, entry.path] { summary.add(part) }
            if let day = RecordDates.day(of: entry, catalog: catalog) { summary.add(day.description) }
            return summary
        }
        let globalPrint = { var print = Fingerprint(); print.add(global); return print }()
        let chapters = ManualPages.chapters(of: site).compactMap { site.indexByID[$0.id] }
        // The index and entries by themselves: reading `site.indexByID` inside the per-scalar closure
        // copied the whole `Site` (a retain and release of each of its fields) for every front-matter
        // value, two thirds of this initialiser's 150 ms of CPU at 10 000 records.
        let indexByID = site.indexByID, entries = site.entries
        let idShapes = KeyShapes(indexByID.keys)
        fingerprints = Array(entries.indices).parallelMap { index in
            let entry = entries[index]
            var related = Set(references.citing[entry.id] ?? [])
            for link in entry.resolvedLinks { if let id = link?.targetID, let target = indexByID[id] { related.insert(target) } }
            entry.frontMatter.forEachScalar { text in
                if idShapes.admits(text), let target = indexByID[text] { related.insert(target) }
            }
            if entry.type == "manual" { related.formUnion(chapters) }
            var fingerprint = globalPrint
            fingerprint.add(contentHashes[entry.path] ?? entry.path)
            for other in related.sorted() { fingerprint.add(summaries[other]) }
            if entry.type == "manual" { for chapter in chapters { fingerprint.add(String(chapter)) } }
            return fingerprint.hex
        }
    }
}
