import XCTest
@testable import DossierKit

final class ConfigParserTests: XCTestCase {
    func testReadsTheDemoConfig() throws {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/dossier.yml", encoding: .utf8)
        let result = ConfigParser().parse(text)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.config.organization.name, "杭州云帆信息技术有限公司")
        XCTAssertEqual(result.config.language, .zhCN)
        XCTAssertEqual(result.config.standards.map(\.value), ["iso20000-1", "iso10002"])
        XCTAssertEqual(result.config.schedule(for: "self-check"), Interval(count: 1, unit: .months))
        XCTAssertEqual(result.config.target("complaint.close_days.max"), 15)
        XCTAssertEqual(result.config.certifications.first?.expires, Day(year: 2028, month: 6, day: 9))
        XCTAssertEqual(result.config.person(named: "李娜")?.auditor, true)
        XCTAssertEqual(result.config.profiles["public"]?.include, ["manual", "policy"])
        XCTAssertNil(try XCTUnwrap(result.config.profiles["internal"]).include)
    }

    func testUnknownKeyIsAWarningWithSuggestionAtItsLine() {
        let result = ConfigParser().parse("organization: { name: X }\nstandrds: [iso9001]\n")
        XCTAssertTrue(result.isUsable)
        XCTAssertEqual(result.diagnostics.count, 1)
        let diagnostic = result.diagnostics[0]
        XCTAssertEqual(diagnostic.rule, "config.unknown-key")
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.location, SourceLocation(path: "dossier.yml", line: 2, column: 1))
        XCTAssertEqual(diagnostic.hint, "did you mean 'standards'?")
    }

    func testUnknownNestedKeyIsReported() {
        let result = ConfigParser().parse("people:\n  - { name: A, rol: x }\n")
        XCTAssertEqual(result.diagnostics.map(\.rule), ["config.unknown-key"])
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean 'role'?")
    }

    func testWrongShapesMakeTheConfigUnusable() {
        let result = ConfigParser().parse("language: fr\nschedules:\n  self-check: monthly\n")
        XCTAssertFalse(result.isUsable)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["config.invalid", "config.invalid"])
        XCTAssertEqual(result.diagnostics.map { $0.location?.line }, [1, 3])
    }

    func testExclusionNeedsAReason() {
        let result = ConfigParser().parse("exclusions:\n  - clause: iso9001:8.3\n")
        XCTAssertFalse(result.isUsable)
        XCTAssertTrue(result.diagnostics[0].message.contains("needs a reason"))
    }

    func testYAMLErrorInConfigHasLineAndColumn() {
        let result = ConfigParser().parse("organization:\n  name: [broken\n")
        XCTAssertFalse(result.isUsable)
        XCTAssertEqual(result.diagnostics.first?.rule, "config.yaml")
        XCTAssertNotNil(result.diagnostics.first?.location)
    }
}
