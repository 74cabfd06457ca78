import XCTest
@testable import DossierKit

/// Small in-memory sites for the schema, reference and people rule tests.
enum SchemaFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    /// A file from front-matter lines and an optional body.
    static func file(_ lines: [String], body: String = "Text.") -> String {
        (["---"] + lines + ["---", body]).joined(separator: "\n") + "\n"
    }

    /// The 1-based line of `text` holding the first occurrence of `needle`.
    static func line(of needle: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
            XCTFail("'\(needle)' not in fixture", file: file, line: line)
            return 0
        }
        return index + 1
    }

    /// The 1-based column of `needle` on its line.
    static func column(of needle: String, in text: String) -> Int {
        for row in text.components(separatedBy: "\n") {
            if let range = row.range(of: needle) { return row.distance(from: row.startIndex, to: range.lowerBound) + 1 }
        }
        return 0
    }

    /// Parses the site and runs `rule` as of 2026-11-22. `files` are paths under Content/.
    static func run(_ rule: some ValidationRule, config: String = Fixtures.minimalConfig,
                    files: [String: String], asOf: Day = asOf) throws -> [Diagnostic] {
        let fs = Fixtures.memorySite(config: config, files: files)
        let parsed = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs))
        return rule.check(ValidationContext(site: parsed.site, asOf: asOf))
    }

    static func only(_ rule: RuleInfo, in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule.id }
    }

    /// Asserts that exactly one diagnostic of `rule` was found, with its default severity, at
    /// `path` (under Content/) and `line` (and `column` when given); returns it.
    @discardableResult
    static func assertOne(_ rule: RuleInfo, in diagnostics: [Diagnostic], path: String, line: Int, column: Int? = nil,
                          file: StaticString = #filePath, testLine: UInt = #line) -> Diagnostic? {
        let found = only(rule, in: diagnostics)
        guard found.count == 1, let diagnostic = found.first else {
            XCTFail("expected one \(rule.id), found \(found.map(\.formatted)) among \(diagnostics.map(\.formatted))",
                    file: file, line: testLine)
            return nil
        }
        XCTAssertEqual(diagnostic.severity, rule.severity, file: file, line: testLine)
        XCTAssertEqual(diagnostic.location?.path, "Content/" + path, file: file, line: testLine)
        XCTAssertEqual(diagnostic.location?.line, line, diagnostic.formatted, file: file, line: testLine)
        if let column { XCTAssertEqual(diagnostic.location?.column, column, diagnostic.formatted, file: file, line: testLine) }
        return diagnostic
    }

    /// An approved procedure owned by `owner`.
    static func procedure(_ id: String = "PR-01", owner: String = "Bob", extra: [String] = []) -> String {
        file(["id: \(id)", "title: Procedure \(id)", "version: \"1.0\"", "status: approved", "owner: \(owner)",
              "approved_by: Ann", "approved_on: 2026-01-10"] + extra)
    }

    /// A closed incident with every required field.
    static func incident(_ id: String = "INC-1", extra: [String] = []) -> String {
        file(["id: \(id)", "opened: 2026-03-01 09:00", "priority: P2", "service: Mail", "status: closed",
              "resolved: 2026-03-01 11:30"] + extra)
    }
}
