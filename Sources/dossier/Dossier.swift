import ArgumentParser
import DossierKit

struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns ISO service-management documentation (Markdown + YAML) into a validated evidence site.",
        discussion: "Run it in a site's root folder, the one with dossier.yml and Content/.\n\nExample:\n  dossier build --as-of 2026-11-22",
        version: DossierVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PdfCommand.self, InitCommand.self, NewCommand.self, SchemaCommand.self, ClausesCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
