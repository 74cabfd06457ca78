import Foundation

/// Checks an `attachments` entry: a path below Content/attachments/ that must not be absolute or
/// climb out with `..` (`ref.escape`) and must name a file that exists there (`ref.attachment`).
enum AttachmentPath {
    static let folder = "Content/attachments/"

    /// The path with `.` and `..` resolved, or nil when it is absolute or climbs above the folder.
    static func normalize(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":\\") else { return nil }
        var parts: [Substring] = []
        for piece in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    static func problem(with value: FieldValue, attachments: [String: Data]) -> Diagnostic? {
        guard let path = normalize(value.text) else {
            if value.text.split(whereSeparator: { $0 == "/" || $0 == "\\" }).isEmpty && !value.text.hasPrefix("/") {
                return Rules.refAttachment.diagnostic("'\(value.label)' is not a file path: '\(value.text)'", at: value.location,
                                                      hint: "give a path below \(folder), e.g. surveys/SAT-2026-H1.csv")
            }
            return Rules.refEscape.diagnostic(
                "attachment '\(value.text)' leads outside \(folder)", at: value.location,
                hint: "attachments are paths relative to \(folder) without a leading '/' or '..'; copy the file there")
        }
        guard attachments[path] == nil else { return nil }
        return Rules.refAttachment.diagnostic(
            "attachment '\(value.text)' does not exist under \(folder)", at: value.location,
            hint: hint(for: path, attachments: Array(attachments.keys)))
    }

    static func hint(for path: String, attachments: [String]) -> String {
        for prefix in [folder, "attachments/"] where path.hasPrefix(prefix) {
            let stripped = String(path.dropFirst(prefix.count))
            if attachments.contains(stripped) {
                return "paths are relative to \(folder): write '\(stripped)'"
            }
        }
        if let closest = Suggestion.closest(to: path, in: attachments) { return "did you mean '\(closest)'?" }
        return "put the file under \(folder)\(path), or correct the path"
    }
}
