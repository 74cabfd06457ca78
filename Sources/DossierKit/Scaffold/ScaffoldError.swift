/// Bad input to `dossier init` or `dossier new`: the command stops with exit code 2 and this message,
/// and nothing is written.
public enum ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownType(String, known: [String])
    case unknownStandard(String, known: [String])
    case noStandard
    case invalidID(String)
    case duplicateID(String, existing: String)
    case fileExists(String)
    case folderNotEmpty(String)

    public var description: String {
        switch self {
        case let .unknownType(name, known):
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            return "unknown type '\(name)': \(hint)known types: \(known.joined(separator: ", "))"
        case let .unknownStandard(name, known):
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            return "unknown standard '\(name)': \(hint)built-in checklists: \(known.joined(separator: ", "))"
        case .noStandard:
            return "name at least one standard with --standard (e.g. --standard iso20000-1)"
        case let .invalidID(id) where EntryParser.isReservedID(id):
            return "'\(id)' is reserved: its page would replace the index page of its folder; choose another id"
        case let .invalidID(id):
            return "'\(id)' is not a valid id: use letters, digits, '.', '_' and '-', starting with a letter or digit"
        case let .duplicateID(id, existing):
            return "id '\(id)' is already used by \(existing)"
        case let .fileExists(path):
            return "\(path) already exists: dossier new never overwrites a file"
        case let .folderNotEmpty(path):
            return "\(path) is not empty: dossier init only writes into an empty folder (use --force to write anyway; files it would write are then replaced)"
        }
    }
}
