import XCTest
@testable import DossierKit

/// Small in-memory sites for the site-wide rules: coverage, schedules, certifications and config.
enum SiteWideFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    /// The minimal config followed by `extra` lines (top-level keys).
    static func config(_ extra: String = "") -> String {
        Fixtures.minimalConfig + "\n" + extra
    }

    /// The 1-based line of the first config line that contains `text`.
    static func configLine(of text: String, in config: String) -> Int {
        (config.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -10) + 1
    }

    static func context(config: String = config(), files: [String: String] = [:], asOf: Day = asOf) throws -> ValidationContext {
        // A site needs a Content/ folder: an attachment stands in for "no content" (it answers nothing).
        let fileSystem = Fixtures.memorySite(config: config, files: files.isEmpty ? ["attachments/readme.txt": "empty"] : files)
        let parsed = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fileSystem))
        return ValidationContext(site: parsed.site, asOf: asOf)
    }

    static func run(_ rule: some ValidationRule, config: String = config(), files: [String: String] = [:],
                    asOf: Day = asOf) throws -> [Diagnostic] {
        rule.check(try context(config: config, files: files, asOf: asOf))
    }

    static func only(_ rule: RuleInfo, in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule.id }
    }

    /// Asserts one diagnostic of `rule` with its default severity at `dossier.yml:line` and returns it.
    @discardableResult
    static func assertOne(_ rule: RuleInfo, in diagnostics: [Diagnostic], line: Int?,
                          file: StaticString = #filePath, sourceLine: UInt = #line) -> Diagnostic? {
        let found = only(rule, in: diagnostics)
        XCTAssertEqual(found.count, 1, "\(rule.id): \(diagnostics.map(\.formatted))", file: file, line: sourceLine)
        guard let diagnostic = found.first else { return nil }
        XCTAssertEqual(diagnostic.severity, rule.severity, file: file, line: sourceLine)
        if let line {
            XCTAssertEqual(diagnostic.location?.path, "dossier.yml", file: file, line: sourceLine)
            XCTAssertEqual(diagnostic.location?.line, line, file: file, line: sourceLine)
        }
        return diagnostic
    }

    /// A content file whose front matter is `lines`.
    static func file(_ lines: [String]) -> String {
        "---\n" + lines.joined(separator: "\n") + "\n---\nBody.\n"
    }

    /// A controlled document (path under Content/, text). `status` approved gives approver and date.
    static func document(_ id: String, folder: String = "plans", kind: String? = nil, clauses: [String] = [],
                         status: String = "approved", approvedOn: String = "2026-03-01",
                         extra: [String] = []) -> (String, String) {
        var lines = ["id: \(id)", "title: Document \(id)", "version: \"1.0\"", "status: \(status)", "owner: Bob"]
        if status == "approved" { lines += ["approved_by: Ann", "approved_on: \(approvedOn)"] }
        if let kind { lines.append("kind: \(kind)") }
        if !clauses.isEmpty { lines.append("clauses: [\(clauses.joined(separator: ", "))]") }
        return ("\(folder)/\(id).md", file(lines + extra))
    }

    /// A record of `type` dated by `date:` (the generic date field), with extra lines.
    static func record(_ type: String, _ id: String, date: String, _ extra: [String] = []) -> (String, String) {
        ("records/\(type)/\(id).md", file(["id: \(id)", "date: \(date)"] + extra))
    }

    static func files(_ items: (String, String)...) -> [String: String] {
        Dictionary(items, uniquingKeysWith: { a, _ in a })
    }

    /// A company checklist `demo` (requirements) exercising every kind of expectation.
    static let demoChecklist = """
    id: demo
    title: { en: Demo standard, zh-CN: 演示标准 }
    kind: requirements
    clauses:
      - id: "1"
        title: { en: Operation, zh-CN: 运行 }
      - id: "1.1"
        title: { en: Continuity, zh-CN: 连续性 }
        documents: [service-continuity-plan]
        records: [continuity-test-report]
        window: 12 months
      - id: "1.2"
        title: { en: Policy, zh-CN: 方针 }
        documents: [management-policy]
        records: []
      - id: "1.3"
        title: { en: Leadership, zh-CN: 领导作用 }
        documents: []
        records: []
      - id: "1.4"
        title: { en: Internal audit, zh-CN: 内部审核 }
        documents: []
        records: [internal-audit-report]
        window: 6 months
    """

    /// A company scored checklist: 60 + 25 + 15 points, pass at 70, stars at 80/90/95.
    static let scoredChecklist = """
    id: scored
    title: { en: Scored standard, zh-CN: 评分标准 }
    kind: scored
    clauses:
      - id: "5"
        title: { en: Service, zh-CN: 服务 }
        points: 100
      - id: "5.1"
        title: { en: Manual, zh-CN: 手册 }
        documents: [after-sales-service-manual]
        records: []
        points: 60
      - id: "5.2"
        title: { en: Warranty, zh-CN: 三包 }
        documents: [warranty-policy]
        records: []
        points: 25
      - id: "5.3"
        title: { en: Take-back, zh-CN: 回收 }
        documents: [recycling-policy]
        records: []
        points: 15
    scoring:
      pass: { min: 70, name: { en: Compliant, zh-CN: 达标 } }
      levels:
        - { min: 95, name: { en: Five stars, zh-CN: 五星 } }
        - { min: 90, name: { en: Four stars, zh-CN: 四星 } }
        - { min: 80, name: { en: Three stars, zh-CN: 三星 } }
    """
}
