/// Config values that name things Dossier does not know, each at its line in `dossier.yml`:
///
/// - `config.unknown-standard`: a `standards:` entry that is no checklist (built-in or the company's).
/// - `config.unknown-clause`: an exclusion that is not `<checklist>:<clause>`, or names an unknown
///   checklist or clause. ISO/IEC 20000-1 allows no exclusion of its requirements, which the hint says.
/// - `config.unknown-schedule`: a `schedules:` key that is neither a record type nor `document-review`.
/// - `config.unknown-target` (warning): a `targets:` key Dossier does not check (`KnownTargets`).
public struct ConfigRule: ValidationRule {
    public init() {}

    static let documentReview = "document-review"
    static let noExclusionsStandard = "iso20000-1"

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let config = context.site.config
        var diagnostics: [Diagnostic] = []
        let checklists = Dictionary(context.site.checklists.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let checklistIDs = checklists.keys.sorted()

        for standard in config.standards where checklists[standard.value] == nil {
            diagnostics.append(Rules.configUnknownStandard.diagnostic(
                "standards: names '\(standard.value)', which is not a checklist",
                at: context.configLocation(line: standard.line, column: standard.column),
                hint: Suggestion.hint(for: standard.value, in: checklistIDs)
                    ?? "known checklists: \(checklistIDs.joined(separator: ", ")); a company checklist goes in Content/checklists/"))
        }

        for exclusion in config.exclusions {
            if let diagnostic = check(exclusion, checklists: checklists, checklistIDs: checklistIDs, context) {
                diagnostics.append(diagnostic)
            }
        }

        let recordTypes = context.site.catalog.sortedNames.filter { context.site.catalog[$0]?.category == .record }
        for (key, interval) in config.schedules where key != Self.documentReview {
            let type = context.site.catalog[key]
            guard type?.category != .record else { continue }
            let message = type == nil
                ? "schedules: names '\(key)', which is not a record type"
                : "schedules: names '\(key)', a document type: schedules apply to record types"
            diagnostics.append(Rules.configUnknownSchedule.diagnostic(
                message, at: context.configLocation(line: interval.line, column: interval.column),
                hint: Suggestion.hint(for: key, in: recordTypes + [Self.documentReview])
                    ?? (type == nil ? "use a record type (e.g. self-check, internal-audit) or document-review"
                                    : "use document-review to set how often documents are reviewed")))
        }

        for (key, value) in config.targets where !KnownTargets.keys.contains(key) {
            diagnostics.append(Rules.configUnknownTarget.diagnostic(
                "targets: names '\(key)', which Dossier does not check", at: context.configLocation(line: value.line, column: value.column),
                hint: Suggestion.hint(for: key, in: KnownTargets.keys)
                    ?? "Dossier checks \(KnownTargets.keys.joined(separator: ", "))"))
        }
        return diagnostics
    }

    private func check(_ exclusion: SiteConfig.Exclusion, checklists: [String: Checklist], checklistIDs: [String],
                       _ context: ValidationContext) -> Diagnostic? {
        let location = context.configLocation(line: exclusion.line)
        guard let colon = exclusion.clause.firstIndex(of: ":") else {
            return Rules.configUnknownClause.diagnostic(
                "exclusion '\(exclusion.clause)' is not a clause reference", at: location,
                hint: "write <checklist>:<clause>, e.g. iso20000-1:8.3.4.2")
        }
        let checklistID = String(exclusion.clause[..<colon])
        let clauseID = String(exclusion.clause[exclusion.clause.index(after: colon)...])
        guard let checklist = checklists[checklistID] else {
            return Rules.configUnknownClause.diagnostic(
                "exclusion \(exclusion.clause) names unknown checklist '\(checklistID)'", at: location,
                hint: Suggestion.hint(for: checklistID, in: checklistIDs) ?? "known checklists: \(checklistIDs.joined(separator: ", "))")
        }
        guard checklist.clause(clauseID) == nil else { return nil }
        var hint = Suggestion.closest(to: clauseID, in: checklist.clauses.map(\.id)).map { "did you mean '\(checklistID):\($0)'?" }
            ?? "see the clause list with: dossier clauses \(checklistID)"
        if checklistID == Self.noExclusionsStandard {
            hint += "; note that ISO/IEC 20000-1 permits no exclusion of its requirements: exclude a clause only where the activity does not exist (e.g. no internal supplier) and say so in the reason"
        }
        return Rules.configUnknownClause.diagnostic(
            "exclusion \(exclusion.clause): \(checklistID) has no clause '\(clauseID)'", at: location, hint: hint)
    }
}
