import ArgumentParser
import DossierKit
import Foundation

extension CheckReport.Format: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site without rendering it.",
        discussion: """
        Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 bad usage or unusable config.
        With --quiet the human format prints nothing on success, only what fails the run otherwise.

        Examples:
          dossier check
          dossier check --quiet && echo ready
          dossier check --format sarif > dossier.sarif
          dossier check --as-of 2026-12-31 --strict
        """
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Output format: human, json, sarif or junit.")
    var format: CheckReport.Format = .human

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let asOf = try site.resolveAsOf()
        let display = ProgressDisplay(verbosity: output.verbosity, stages: [.load, .parse, .validate])
        let result: Pipeline.CheckResult
        do {
            result = try Pipeline.check(root: site.root, asOf: asOf, progress: display.handler)
            display.finish()
        } catch {
            display.finish()
            throw exitForEnvironment(error)
        }
        let report = CheckReport(diagnostics: result.diagnostics, asOf: asOf, fileCount: result.fileCount,
                                 files: result.site.entries.map(\.path))
        if output.quiet && format == .human {
            print(CommandOutput.quietReport(report.diagnostics, strict: strict, command: "check", failure: ""), terminator: "")
        } else {
            print(report.render(format, colour: format == .human && isatty(STDOUT_FILENO) == 1), terminator: "")
        }
        exitKeepingMemory(report.errorCount > 0 || (strict && report.warningCount > 0) ? 1 : 0)
    }
}
