import ArgumentParser
import DossierKit
import Foundation

extension PDFPrinter.Choice: ExpressibleByArgument {}

struct PdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the manual and the procedures to PDF.",
        discussion: """
        Builds the site into a temporary folder (Output/ is left as it is), then prints \
        print/manual.html to FILE and print/procedures.html to FILE-procedures.pdf beside it \
        (default: manual.pdf and manual-procedures.pdf in the site root), with WeasyPrint or \
        headless Chromium, whichever is installed (WeasyPrint first). Existing PDFs are replaced; \
        other files never are.

        Exit codes: 0 PDFs written, 1 validation failed, 2 bad usage, no PDF engine installed \
        (install chromium and fonts-noto-cjk, or weasyprint) or the engine failed.

        Examples:
          dossier pdf --as-of 2026-11-22
          dossier pdf --output print/acme-manual.pdf --engine chromium
          dossier pdf --profile customer --output customer-manual.pdf
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The manual's PDF; the procedures go to <name>-procedures.pdf beside it (default: manual.pdf in the site root).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "auto (WeasyPrint if installed, else Chromium), weasyprint or chromium.")
    var engine: PDFPrinter.Choice = .auto

    @OptionGroup var render: RenderOptions

    func validate() throws {
        if let output, !output.lowercased().hasSuffix(".pdf") {
            throw ValidationError("--output must name a .pdf file, not \(output)")
        }
    }

    func run() throws {
        let asOf = try site.resolveAsOf()
        let root = site.root.isEmpty ? "." : site.root
        let manual = URL(fileURLWithPath: output ?? root + "/manual.pdf").standardizedFileURL
        let procedures = PDFPrinter.proceduresFile(besides: manual)
        let printer = PDFPrinter()
        let chosen: PDFPrinter.Engine
        do {
            // Before the build: a missing engine or a bad target is reported at once.
            chosen = try printer.engine(engine)
            try PDFPrinter.checkTarget(manual)
            try PDFPrinter.checkTarget(procedures)
        } catch {
            throw exitForEnvironment(error)
        }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = Pipeline.BuildOptions(root: site.root, output: scratch.appendingPathComponent("Output").path, asOf: asOf)
        render.apply(to: &options)
        let result: Pipeline.BuildResult
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            result = try Pipeline.build(options)
        } catch {
            throw exitForEnvironment(error)
        }
        let report = CheckReport(diagnostics: result.check.diagnostics, asOf: asOf, fileCount: result.check.fileCount)
        print(report.human(colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        guard result.written != nil else {
            print("pdf failed: the site does not build, no PDF was written")
            throw ExitCode(1)
        }
        let built = URL(fileURLWithPath: options.output)
        do {
            for (page, pdf) in [(PagePaths.printManual, manual), (PagePaths.printProcedures, procedures)] {
                try printer.print(page: built.appendingPathComponent(page), to: pdf, engine: chosen)
                print("wrote \(pdf.path) (\(chosen.name))")
            }
        } catch {
            throw exitForEnvironment(error)
        }
    }
}
