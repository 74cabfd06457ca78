import ArgumentParser
import DossierKit
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema (draft 2020-12) of the front matter of every type, for editors and linters.",
        discussion: """
        The schema is derived from the site's types (built-in and its own), people and checklists. \
        yaml-language-server does not read Markdown front matter: see docs/commands.md for wiring it into \
        VS Code (per-folder schemas from --per-type with remark-lint-frontmatter-schema).

        Examples:
          dossier schema
          dossier schema --output .vscode/dossier.schema.json --per-type .vscode/schemas
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "File to write (default: dossier.schema.json in the site root).")
    var output: String?

    @Option(name: .customLong("per-type"), help: "Also write one schema per type, <type>.json, into this folder.")
    var perType: String?

    func run() throws {
        let asOf = try site.resolveAsOf()
        var files: [ScaffoldFile] = []
        do {
            let result = try Pipeline.check(root: site.root, asOf: asOf)
            let writer = JSONSchemaWriter(site: result.site)
            files.append(ScaffoldFile(path: output ?? ScaffoldWriter.join(site.root, "dossier.schema.json"), text: writer.combined()))
            if let perType {
                for name in result.site.catalog.sortedNames {
                    guard let type = result.site.catalog[name] else { continue }
                    files.append(ScaffoldFile(path: perType + "/" + name + ".json", text: writer.standalone(type)))
                }
            }
            // Paths are as given (relative to the current folder); a schema is regenerated, so it may be replaced.
            try ScaffoldWriter().write(files, under: "", overwrite: true)
        } catch {
            throw exitForEnvironment(error)
        }
        print("wrote \(files[0].path)" + (files.count > 1 ? " and \(files.count - 1) per-type schemas in \(perType ?? "")" : ""))
    }
}
