import ArgumentParser
import DossierKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a record or document from its type's schema, with the next free id.",
        discussion: """
        Required fields are filled with the as-of date, the first allowed value, the first person in \
        dossier.yml or an existing file of the right type; fields only you can fill say TODO. The file \
        goes into the type's folder and is never written over an existing one.

        Examples:
          dossier new incident
          dossier new procedure --title "Change management procedure"
          dossier new complaint --id CMP-2026-100 --as-of 2026-11-22
        """
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "The type, e.g. incident, complaint, procedure (an unknown one gets the list of all types).")
    var type: String

    @Option(name: .long, help: "The id (default: the next free id in the type's numbering).")
    var id: String?

    @Option(name: .long, help: "The title (documents: default TODO).")
    var title: String?

    func run() throws {
        let asOf = try site.resolveAsOf()
        let file: ScaffoldFile
        do {
            let result = try Pipeline.check(root: site.root, asOf: asOf)
            file = try NewEntry.file(typeName: type, id: id, title: title, site: result.site, asOf: asOf,
                                     root: site.root, fileSystem: .local)
            try ScaffoldWriter().write([file], under: site.root, overwrite: false)
        } catch let error as ScaffoldError {
            throw ValidationError(error.description)
        } catch {
            throw exitForEnvironment(error)
        }
        print("created \(ScaffoldWriter.join(site.root, file.path))")
        if file.text.contains("TODO") { print("fill in the fields marked TODO") }
    }
}
