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
        // The same sort over positions, with each path ranked once: comparing two findings then
        // compares integers, where the straightforward comparator (`sortedForReportByLocation`)
        // compared and retained path strings in each of its n log n calls (11,117 findings at 10k).
        guard count > 1 else { return self }
        var rankByPath: [String: Int] = [:]
        for diagnostic in self { if let path = diagnostic.location?.path { rankByPath[path] = 0 } }
        for (rank, path) in rankByPath.keys.sorted().enumerated() { rankByPath[path] = rank }
        // A finding without a file ranks after every file, with line and column 0, so that two such
        // findings tie on the location and fall to rule and message as before.
        let keys = map { diagnostic -> (rank: Int, line: Int, column: Int) in
            guard let location = diagnostic.location else { return (rankByPath.count, 0, 0) }
            return (rankByPath[location.path]!, location.line, location.column)
        }
        let order = Array<Int>(indices).sorted { i, j in
            let l = keys[i], r = keys[j]
            if l != r { return l < r }
            let a = self[i], b = self[j]
            return (a.rule, a.message) < (b.rule, b.message)
        }
        return order.map { self[$0] }
    }

    /// `sortedForReport` as first written, the reference its equivalence test compares against.
    func sortedForReportByLocation() -> [Diagnostic] {
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
