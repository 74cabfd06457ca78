/// Where a finding points: a path relative to the site root, with 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    case off
}

/// A content problem. Diagnostics are collected, never thrown, so that one run reports every file.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(rule: String, severity: Severity = .error, message: String,
                location: SourceLocation? = nil, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Compiler style: `path:line:col: error: message [rule]`.
    public var formatted: String {
        let place = location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(rule)]"
    }
}

extension Array where Element == Diagnostic {
    /// Files first in path order, then line and column; findings without a file last.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.rule, a.message) < (b.rule, b.message)
            }
        }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
