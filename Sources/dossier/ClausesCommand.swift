import ArgumentParser
import DossierKit
import Foundation

struct ClausesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clauses",
        abstract: "List the checklists with their coverage, or the clauses of one checklist.",
        discussion: """
        Without an argument: each checklist under standards: with its covered, partial, missing and \
        excluded clauses (and the score and star level of a scored checklist such as gbt27922). With a \
        checklist id: every clause, its title in the site's language, its status and how many documents \
        and records answer it.

        Examples:
          dossier clauses
          dossier clauses iso20000-1 --as-of 2026-11-22
        """
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "A checklist id (iso20000-1, iso10002, iso9001, gbt27922, annex-sl, or one of the site's own).")
    var checklist: String?

    func run() throws {
        let asOf = try site.resolveAsOf()
        let result: Pipeline.CheckResult
        do {
            result = try Pipeline.check(root: site.root, asOf: asOf)
        } catch {
            throw exitForEnvironment(error)
        }
        let coverage = Coverage(site: result.site, asOf: asOf)
        let table = ClauseTable(language: result.site.config.language, colour: isatty(STDOUT_FILENO) == 1)
        let known = result.site.checklists.map(\.id).sorted()
        guard let checklist else {
            let applicable = coverage.applicable()
            if applicable.isEmpty {
                print("no checklist applies: name some under standards: in dossier.yml (known: \(known.joined(separator: ", ")))")
                return
            }
            print(table.overview(applicable), terminator: "")
            return
        }
        guard let found = result.site.checklists.first(where: { $0.id == checklist }) else {
            let hint = known.first { $0.hasPrefix(checklist) } ?? Suggestion.closest(to: checklist, in: known)
            throw ValidationError("unknown checklist '\(checklist)'\(hint.map { ": did you mean '\($0)'?" } ?? ""); known checklists: \(known.joined(separator: ", "))")
        }
        print(table.detail(coverage.coverage(of: found)), terminator: "")
    }
}
