/// The profile a build renders with: the one `--profile` names, else the config's `default_profile`,
/// else none (everything is shown, nothing masked).
public struct ProfileChoice: Sendable, Equatable {
    /// nil when no profile applies.
    public var name: String?
    public var profile: SiteConfig.Profile

    public static let everything = ProfileChoice(name: nil, profile: .everything)

    /// - Throws: `UnknownProfile` when `requested` names no profile of the config.
    public static func resolve(_ requested: String?, config: SiteConfig) throws -> ProfileChoice {
        guard let name = requested ?? config.defaultProfile else { return .everything }
        guard let profile = config.profiles[name] else {
            throw UnknownProfile(name: name, known: config.profiles.keys.sorted())
        }
        return ProfileChoice(name: name, profile: profile)
    }
}

/// `--profile` names a profile the config does not define: bad usage (exit 2).
public struct UnknownProfile: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var known: [String]

    public var description: String {
        guard !known.isEmpty else {
            return "no profile '\(name)': \(SiteConfig.fileName) defines no profiles (add them under profiles:, see docs/profiles.md)"
        }
        let suggestion = Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
        return "no profile '\(name)' in \(SiteConfig.fileName)\(suggestion): profiles are \(known.joined(separator: ", "))"
    }
}
