import XCTest
@testable import DossierKit

final class EntryParserTests: XCTestCase {
    private func parser() throws -> EntryParser {
        EntryParser(catalog: try BuiltInData.typeCatalog(), allowRawHTML: false)
    }

    private func parse(_ path: String, _ text: String) throws -> EntryParser.Result {
        try parser().parse(SourceFile(path: path, data: Data(text.utf8)))
    }

    func testTypeComesFromTheFolder() throws {
        let result = try parse("Content/records/incident/2026/INC-1.md", Fixtures.incident)
        let entry = try XCTUnwrap(result.entry)
        XCTAssertEqual(entry.type, "incident")
        XCTAssertEqual(entry.category, .record)
        XCTAssertEqual(entry.title, "Mail down")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(entry.location(of: "priority").line, 5)
    }

    func testExplicitTypeWinsAndUnknownTypeIsDiagnosedWithSuggestion() throws {
        let result = try parse("Content/policies/X.md", "---\nid: X\ntype: procedur\ntitle: T\n---\n")
        XCTAssertNil(result.entry)
        XCTAssertEqual(result.diagnostics.first?.rule, "schema.unknown-type")
        XCTAssertEqual(result.diagnostics.first?.location?.line, 3)
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean 'procedure'?")
    }

    func testRecordTitleDefaultsToID() throws {
        let entry = try XCTUnwrap(try parse("Content/records/training/T-1.md", "---\nid: T-1\ndate: 2026-01-01\n---\n").entry)
        XCTAssertEqual(entry.title, "T-1")
    }

    func testIDDefaultsToFileNameAndMismatchWarns() throws {
        let noID = try parse("Content/policies/POL-9.md", "---\ntitle: T\n---\n")
        XCTAssertEqual(noID.entry?.id, "POL-9")
        let mismatch = try parse("Content/policies/POL-9.md", "---\nid: POL-8\ntitle: T\n---\n")
        XCTAssertEqual(mismatch.diagnostics.map(\.rule), ["schema.id-filename"])
        XCTAssertEqual(mismatch.diagnostics.first?.severity, .warning)
    }

    /// `index` (any case) would overwrite the register page of its folder, from the id or the file name.
    func testIndexIsAReservedID() throws {
        for (path, text, line) in [("Content/policies/index.md", "---\nid: index\ntitle: T\n---\n", 2),
                                   ("Content/policies/INDEX.md", "---\ntitle: T\nid: INDEX\n---\n", 3),
                                   ("Content/records/incident/Index.md", "---\ntitle: T\n---\n", 2)] {
            let result = try parse(path, text)
            XCTAssertNil(result.entry, text)
            XCTAssertEqual(result.diagnostics.map(\.rule), ["schema.id"], text)
            XCTAssertEqual(result.diagnostics.first?.location?.line, line, text)
            XCTAssertTrue(result.diagnostics.first?.message.contains("reserved") == true, text)
        }
        XCTAssertNotNil(try parse("Content/policies/index-2.md", "---\nid: index-2\ntitle: T\n---\n").entry)
    }

    func testUnsafeIDsAreErrors() throws {
        for id in ["../escape", "/etc/passwd", "a/b", "-x"] {
            let result = try parse("Content/policies/P.md", "---\nid: \"\(id)\"\ntitle: T\n---\n")
            XCTAssertNil(result.entry, id)
            XCTAssertEqual(result.diagnostics.first?.rule, "schema.id", id)
            XCTAssertEqual(result.diagnostics.first?.location?.line, 2, id)
        }
    }

    func testBrokenFilesGiveParseDiagnosticsWithLines() throws {
        let cases: [(String, String, Int)] = [
            ("", "parse.empty", 1),
            ("# no front matter", "parse.no-front-matter", 1),
            ("---\nid: A\n", "parse.unterminated", 1),
            ("---\nid: A\ntitle: [x\n---\n", "parse.yaml", 3),
            ("---\n- a\n- b\n---\n", "parse.front-matter", 2),
            ("---\nid: A\0\n---\n", "parse.binary", 2),
        ]
        for (text, rule, line) in cases {
            let result = try parse("Content/policies/A.md", text)
            XCTAssertNil(result.entry, rule)
            XCTAssertEqual(result.diagnostics.first?.rule, rule)
            XCTAssertGreaterThanOrEqual(result.diagnostics.first?.location?.line ?? 0, line, rule)
        }
    }

    func testInvalidUTF8IsDiagnosedWithItsLine() throws {
        var data = Data("---\nid: A\ntitle: ".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\n---\n".utf8))
        let result = try parser().parse(SourceFile(path: "Content/policies/A.md", data: data))
        XCTAssertEqual(result.diagnostics.first?.rule, "parse.encoding")
        XCTAssertEqual(result.diagnostics.first?.location?.line, 3)
    }

    func testBodyLinesAreOffsetByTheFrontMatter() throws {
        let entry = try XCTUnwrap(try parse("Content/procedures/PR-01.md", Fixtures.procedure).entry)
        XCTAssertEqual(entry.body.headings.first?.line, 12)
        XCTAssertEqual(entry.body.links.first?.line, 14)
    }
}

extension EntryParserTests {
    func testAliasBombAndDeepNestingAreRefusedWithTheirRules() throws {
        var bomb = "---\nid: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        bomb += "---\n"
        XCTAssertEqual(try parse("Content/policies/A.md", bomb).diagnostics.map(\.rule), ["parse.yaml-too-large"])
        let deep = "---\nid: A\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n---\n"
        let result = try parse("Content/policies/A.md", deep)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["parse.yaml-too-deep"])
        XCTAssertEqual(result.diagnostics.first?.location?.line, 3)
    }

    func testEmptyFrontMatterIsItsOwnFinding() throws {
        let result = try parse("Content/policies/A.md", "---\n---\nBody\n")
        XCTAssertEqual(result.diagnostics.map(\.rule), ["parse.empty-front-matter"])
    }
}
