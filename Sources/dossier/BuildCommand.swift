import ArgumentParser
import DossierKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the site and render it into Output/.",
        discussion: "Errors fail the build (exit 1) and leave Output/ as it was.\n\nExample:\n  dossier build --as-of 2026-11-22 --output public"
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Folder to write the site into (default: Output/ in the site root).")
    var output: String?

    @Flag(name: .long, help: "Render even when validation finds errors.")
    var allowErrors = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        var options = Pipeline.BuildOptions(root: site.root, output: output, asOf: try site.resolveAsOf())
        options.allowErrors = allowErrors
        options.strict = strict
        let result: Pipeline.BuildResult
        do {
            result = try Pipeline.build(options)
        } catch {
            throw exitForEnvironment(error)
        }
        let report = CheckReport(diagnostics: result.check.diagnostics, asOf: options.asOf, fileCount: result.check.fileCount)
        print(report.human(colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        guard let written = result.written else {
            print("build failed: \(options.output) was left as it was")
            throw ExitCode(1)
        }
        print("wrote \(written) files to \(options.output)")
    }
}
