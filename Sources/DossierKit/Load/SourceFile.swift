import Foundation

/// A content file's bytes as read from disk, before parsing.
public struct SourceFile: Sendable {
    /// Path relative to the site root, e.g. `Content/records/incident/2026/INC-2026-0012.md`.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
