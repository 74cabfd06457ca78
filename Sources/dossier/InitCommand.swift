import ArgumentParser
import DossierKit
import Foundation

extension Language: ExpressibleByArgument {}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: config, manual, policies, procedures and sample records for the chosen standards.",
        discussion: """
        The new site passes `dossier check` with no errors on the day it is created. Documents are written as \
        approved by the quality manager named in dossier.yml, so that they count for coverage at once: review \
        and rewrite each one. The folder must be empty unless --force is given.

        Built-in standards: \(SiteScaffold.builtInStandards().joined(separator: ", ")).

        Examples:
          dossier init my-site --standard iso20000-1 --standard iso10002 --language zh-CN
          dossier init --standard iso9001,gbt27922 --language en
        """
    )

    @Argument(help: "Folder to create the site in (default: the current folder).")
    var directory: String = "."

    @Option(name: .customLong("standard"), parsing: .singleValue,
            help: "A checklist the site must answer; repeat it or separate with commas.")
    var standards: [String] = []

    @Option(name: .long, help: "Language of the site and the templates: zh-CN or en.")
    var language: Language = .zhCN

    @Option(name: .customLong("as-of"), help: "Date the documents and sample records carry (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH, else today.")
    var asOf: String?

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing files of the same name.")
    var force = false

    func run() throws {
        let day: Day
        do { day = try AsOf.resolve(option: asOf, environment: ProcessInfo.processInfo.environment) } catch { throw ValidationError("\(error)") }
        let chosen = standards.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        let writer = ScaffoldWriter()
        let files: [ScaffoldFile]
        do {
            guard force || writer.isEmptyFolder(directory) else { throw ScaffoldError.folderNotEmpty(directory) }
            files = try SiteScaffold(standards: chosen, language: language, asOf: day).files()
            try writer.write(files, under: directory, overwrite: force)
        } catch let error as ScaffoldError {
            throw ValidationError(error.description)
        } catch {
            throw exitForEnvironment(error)
        }
        let documents = files.filter { $0.path.hasPrefix("Content/") && !$0.path.hasPrefix("Content/records/") }.count
        let records = files.filter { $0.path.hasPrefix("Content/records/") }.count
        print("wrote \(files.count) files to \(directory): dossier.yml, \(documents) documents, \(records) sample records, .gitignore, .github/workflows/dossier.yml")
        if let result = try? Pipeline.check(root: directory, asOf: day) {
            print("dossier check: \(result.errorCount) errors, \(result.warningCount) warnings")
        }
        print("next: edit dossier.yml (organisation, scope, people), then rewrite the documents under \(directory == "." ? "" : directory + "/")Content/")
    }
}
