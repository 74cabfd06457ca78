import XCTest
@testable import DossierKit

/// Small in-memory sites for the document-control, record and nonconformity rule tests.
enum RecordFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    /// A content file whose front matter is `lines`: the key on `lines[i]` stands on line `i + 2`.
    static func file(_ lines: [String]) -> String {
        "---\n" + lines.joined(separator: "\n") + "\n---\nBody.\n"
    }

    /// The line a key stands on in a file made by `file(_:)`.
    static func line(of key: String, in lines: [String]) -> Int {
        (lines.firstIndex { $0.hasPrefix(key + ":") } ?? -10) + 2
    }

    /// An approved procedure, with fields replaced or added by `changes` (a value of nil removes the key).
    static func procedure(_ id: String = "PR-01", _ changes: KeyValuePairs<String, String?> = [:]) -> [String] {
        edit([
            "id: \(id)",
            "title: Incident procedure",
            "version: \"1.1\"",
            "status: approved",
            "owner: Bob",
            "approved_by: Ann",
            "approved_on: 2026-03-10",
            "history:",
            "  - { version: \"1.0\", date: 2025-03-01, by: Bob, change: First issue }",
            "  - { version: \"1.1\", date: 2026-03-10, by: Bob, change: Yearly review }",
        ], changes)
    }

    static func incident(_ id: String, _ changes: KeyValuePairs<String, String?> = [:]) -> [String] {
        edit([
            "id: \(id)",
            "opened: 2026-10-01 09:00",
            "priority: P2",
            "service: Mail",
            "status: closed",
            "resolved: 2026-10-01 11:00",
        ], changes)
    }

    static func complaint(_ id: String, _ changes: KeyValuePairs<String, String?> = [:]) -> [String] {
        edit([
            "id: \(id)",
            "received: 2026-10-01 09:00",
            "channel: phone",
            "customer: { name: Acme }",
            "category: delay",
            "status: closed",
            "acknowledged: 2026-10-01 15:00",
            "closed: 2026-10-05 09:00",
            "resolution: Fixed",
        ], changes)
    }

    static func nonconformity(_ id: String, _ changes: KeyValuePairs<String, String?> = [:]) -> [String] {
        edit([
            "id: \(id)",
            "found_on: 2026-09-01",
            "source: IA-1",
            "clause: iso20000-1:8.6.1",
            "severity: minor",
            "description: Trend analysis skipped",
            "owner: Bob",
            "due: 2026-10-31",
            "status: closed",
            "root_cause: No deputy",
            "corrective_action: Deputy named",
            "closed_on: 2026-10-20",
            "verified_by: Ann",
            "verified_on: 2026-11-02",
        ], changes)
    }

    /// Replaces the value of each key in `changes` (or appends the key); nil removes it.
    static func edit(_ lines: [String], _ changes: KeyValuePairs<String, String?>) -> [String] {
        var result = lines
        for (key, value) in changes {
            if let index = result.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                if let value { result[index] = "\(key): \(value)" } else { result.remove(at: index) }
            } else if let value {
                result.append("\(key): \(value)")
            }
        }
        return result
    }

    /// Parses a site made of `files` (paths under Content/ → front-matter lines) and builds the context.
    static func context(config: String = Fixtures.minimalConfig, files: [String: [String]],
                        asOf: Day = asOf) throws -> ValidationContext {
        let fs = Fixtures.memorySite(config: config, files: files.mapValues(file))
        let parsed = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs))
        return ValidationContext(site: parsed.site, asOf: asOf)
    }

    /// The config of `Fixtures.minimalConfig` with extra top-level blocks appended.
    static func config(_ extra: String) -> String { Fixtures.minimalConfig + "\n" + extra }

    /// The diagnostics of one rule.
    static func only(_ rule: RuleInfo, in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule.id }
    }

    /// Asserts that `diagnostics` hold exactly one finding of `rule`, with `severity`, at `path`:`line`,
    /// and returns it for further checks of its message.
    @discardableResult
    static func assertOne(_ rule: RuleInfo, _ severity: Severity, in diagnostics: [Diagnostic], path: String, line: Int,
                          file: StaticString = #filePath, lineNumber: UInt = #line) -> Diagnostic? {
        let found = only(rule, in: diagnostics)
        XCTAssertEqual(found.count, 1, "\(rule.id): \(found.map(\.formatted))", file: file, line: lineNumber)
        guard let diagnostic = found.first else { return nil }
        XCTAssertEqual(diagnostic.severity, severity, file: file, line: lineNumber)
        XCTAssertEqual(diagnostic.location?.path, path, file: file, line: lineNumber)
        XCTAssertEqual(diagnostic.location?.line, line, "line of: \(diagnostic.message)", file: file, line: lineNumber)
        return diagnostic
    }
}
