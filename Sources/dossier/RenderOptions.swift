import ArgumentParser
import DossierKit

/// What every command that renders the site shares (`build`, `serve`, `pdf`): the profile to render
/// with and whether warnings fail the build.
struct RenderOptions: ParsableArguments {
    @Option(name: .long, help: "Profile to render with (see profiles: in dossier.yml; default: default_profile, else everything).")
    var profile: String?

    @Flag(name: .long, help: "Treat warnings as errors (serve keeps the last good site).")
    var strict = false

    func validate() throws {
        if let profile, profile.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--profile needs a profile name, e.g. --profile public")
        }
    }

    func apply(to options: inout Pipeline.BuildOptions) {
        options.profile = profile
        options.strict = strict
    }
}
