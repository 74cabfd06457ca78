import ArgumentParser
import DossierKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the site and render it into Output/.",
        discussion: """
        Errors fail the build (exit 1) and leave Output/ as it was. A profile (profiles: in dossier.yml) \
        chooses who the site is for: which types it shows, with confidential files left out and some \
        fields masked; validation always covers the whole site.

        Examples:
          dossier build --as-of 2026-11-22 --output public
          dossier build --profile public --output Output-public --quiet
        """
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("output"), help: "Folder to write the site into (default: Output/ in the site root).")
    var outputFolder: String?

    @Flag(name: .long, help: "Render even when validation finds errors.")
    var allowErrors = false

    @Flag(name: .long, help: "Render again only the pages whose inputs changed since the last incremental build of this output (same result as a whole build); leaves a cache file for the next one.")
    var incremental = false

    @OptionGroup var render: RenderOptions

    func run() throws {
        var options = Pipeline.BuildOptions(root: site.root, output: outputFolder, asOf: try site.resolveAsOf())
        options.allowErrors = allowErrors
        options.incremental = incremental
        render.apply(to: &options)
        let display = ProgressDisplay(verbosity: output.verbosity, stages: PipelineProgress.Stage.allCases)
        let result: Pipeline.BuildResult
        do {
            result = try Pipeline.build(options, progress: display.handler)
            display.finish()
        } catch {
            display.finish()
            throw exitForEnvironment(error)
        }
        let failure = "\(options.output) was left as it was"
        // Exits without freeing the parsed site and the build's model (`exitKeepingMemory`).
        if output.quiet {
            print(CommandOutput.quietReport(result.check.diagnostics, strict: render.strict, command: "build", failure: failure),
                  terminator: "")
            exitKeepingMemory(result.written == nil ? 1 : 0)
        }
        let report = CheckReport(diagnostics: result.check.diagnostics, asOf: options.asOf, fileCount: result.check.fileCount)
        print(report.human(colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        guard let written = result.written else {
            print("build failed: \(failure)")
            exitKeepingMemory(1)
        }
        print(CommandOutput.buildSummary(written: written, output: options.output, profile: result.profile.name))
        exitKeepingMemory(0)
    }
}
