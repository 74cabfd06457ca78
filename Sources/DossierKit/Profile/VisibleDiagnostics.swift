/// Which of the build's diagnostics a profiled site may show (dashboard, `data/dossier.json`).
/// Validation ran on the whole site, so its messages can name what the profile hides; a diagnostic
/// is shown only when
///
/// - it is about an included file, the config, a company checklist, or the site as a whole;
/// - it does not stand on a masked line;
/// - its message, hint and path quote no left-out id, title or path and no masked value.
///
/// Dropping errs on the side of hiding: a short masked value (`3`) may hide unrelated diagnostics.
/// The terminal still prints every diagnostic; only the site is filtered.
struct VisibleDiagnostics: Sendable {
    let shownPaths: Set<String>
    /// Path → lines of masked values in that file.
    let hiddenLines: [String: Set<Int>]
    /// Every left-out id, title and path, and every masked value.
    let hiddenText: TextMatcher

    init(shownPaths: Set<String>, hiddenEntries: HiddenEntries, hiddenValues: Set<String>, hiddenLines: [String: Set<Int>]) {
        self.shownPaths = shownPaths
        self.hiddenLines = hiddenLines
        self.hiddenText = TextMatcher([hiddenEntries.ids, hiddenEntries.titles, hiddenEntries.paths, hiddenValues].joined())
    }

    func shows(_ diagnostic: Diagnostic) -> Bool {
        if let location = diagnostic.location {
            let path = location.path
            let aboutSite = path == SiteConfig.fileName || path.hasPrefix("Content/checklists/")
            guard aboutSite || shownPaths.contains(path) else { return false }
            if hiddenLines[path]?.contains(location.line) == true { return false }
        }
        return ![diagnostic.message, diagnostic.hint ?? "", diagnostic.location?.path ?? ""].contains(where: hiddenText.occurs)
    }
}
