import XCTest
@testable import DossierKit

final class ReferenceRuleTests: XCTestCase {
    typealias F = SchemaFixtures

    private func check(_ files: [String: String]) throws -> [Diagnostic] {
        try F.run(ReferenceRule(), files: files)
    }

    // MARK: ref.dangling

    func testResolvedReferencesPass() throws {
        let diagnostics = try check([
            "procedures/PR-01.md": F.procedure(extra: ["related: [INC-1]", "clauses: [iso20000-1:8.6.1]"]),
            "records/incident/INC-1.md": F.incident(extra: ["procedure: PR-01", "related: PR-01"]),
            "records/internal-audit/IA-1.md": F.file(["id: IA-1", "date: 2026-04-01", "auditors: [Ann]",
                                                      "scope: [iso20000-1:8.6.1, iso10002:4]", "result: ok", "processes: [PR-01]"]),
            "records/nonconformity/NC-1.md": F.file(["id: NC-1", "source: IA-1", "clause: iso20000-1:8.6.1"]),
            "attachments/logs/alarms.csv": "a,b\n",
            "records/incident/INC-2.md": F.incident("INC-2", extra: ["attachments: [logs/alarms.csv, ./logs/../logs/alarms.csv]"]),
        ])
        XCTAssertEqual(diagnostics.map(\.formatted), [])
    }

    func testDanglingReferenceWithSuggestion() throws {
        let text = F.incident("INC-3", extra: ["procedure: PR-1"])
        let diagnostics = try check(["procedures/PR-01.md": F.procedure(), "records/incident/INC-3.md": text])
        let found = F.assertOne(Rules.refDangling, in: diagnostics, path: "records/incident/INC-3.md", line: F.line(of: "procedure:", in: text))
        XCTAssertEqual(found?.message, "'procedure' names 'PR-1', but no file has that id")
        XCTAssertEqual(found?.hint, "did you mean 'PR-01'?")
    }

    func testReferenceOfTheWrongTypeNamesTheActualType() throws {
        let text = F.incident("INC-4", extra: ["procedure: INC-1"])
        let diagnostics = try check(["records/incident/INC-1.md": F.incident(), "records/incident/INC-4.md": text])
        let found = F.assertOne(Rules.refDangling, in: diagnostics, path: "records/incident/INC-4.md", line: F.line(of: "procedure:", in: text))
        XCTAssertEqual(found?.message, "'procedure' names 'INC-1' of type incident; it must name a procedure or instruction")
    }

    func testDanglingListElementIsLocatedAtTheElement() throws {
        let text = F.file(["id: IA-2", "date: 2026-04-01", "auditors: [Ann]", "scope: [iso20000-1:9.2]", "result: ok",
                           "processes:", "  - PR-01", "  - POL-01", "related: [NOPE]"])
        let diagnostics = try check([
            "procedures/PR-01.md": F.procedure(),
            "policies/POL-01.md": F.file(["id: POL-01", "title: Policy", "version: \"1\"", "status: draft", "owner: Ann"]),
            "records/internal-audit/IA-2.md": text,
        ])
        let found = F.only(Rules.refDangling, in: diagnostics)
        XCTAssertEqual(found.map(\.message), [
            "'related[0]' names 'NOPE', but no file has that id",
            "'processes[1]' names 'POL-01' of type policy; it must name a procedure or instruction",
        ])
        XCTAssertEqual(found.map { $0.location?.line }, [F.line(of: "related:", in: text), F.line(of: "- POL-01", in: text)])
        XCTAssertEqual(found.first?.location?.column, F.column(of: "NOPE", in: text))
        XCTAssertEqual(found.last?.location?.column, 5)
    }

    // MARK: ref.unknown-clause

    func testUnknownClauseAtListElementWithClosestClause() throws {
        let text = F.procedure("PR-02", extra: ["clauses: [iso20000-1:8.6.1, iso20000-1:8.6.9]"])
        let diagnostics = try check(["procedures/PR-02.md": text])
        let found = F.assertOne(Rules.refUnknownClause, in: diagnostics, path: "procedures/PR-02.md",
                                line: F.line(of: "clauses:", in: text), column: F.column(of: "iso20000-1:8.6.9", in: text))
        XCTAssertEqual(found?.message, "'clauses[1]' names 'iso20000-1:8.6.9', but iso20000-1 has no clause '8.6.9'")
        XCTAssertEqual(found?.hint, "did you mean 'iso20000-1:8.6.1'?")
    }

    func testUnknownChecklistInASingleClauseField() throws {
        let text = F.file(["id: NC-2", "clause: iso2000-1:8.6.1"])
        let diagnostics = try check(["records/nonconformity/NC-2.md": text])
        let found = F.assertOne(Rules.refUnknownClause, in: diagnostics, path: "records/nonconformity/NC-2.md",
                                line: F.line(of: "clause:", in: text))
        XCTAssertEqual(found?.message, "'clause' names 'iso2000-1:8.6.1', but there is no checklist 'iso2000-1'")
        XCTAssertTrue(found?.hint?.hasPrefix("did you mean 'iso20000-1'?") ?? false, found?.hint ?? "")
    }

    func testSubclauseOfAWholeClauseSuggestsTheClause() throws {
        let text = F.file(["id: IA-3", "date: 2026-04-01", "auditors: [Ann]", "scope:", "  - iso10002:4.14", "result: ok"])
        let diagnostics = try check(["records/internal-audit/IA-3.md": text])
        let found = F.assertOne(Rules.refUnknownClause, in: diagnostics, path: "records/internal-audit/IA-3.md",
                                line: F.line(of: "4.14", in: text), column: 5)
        XCTAssertTrue(found?.hint?.hasPrefix("did you mean 'iso10002:4'?") ?? false, found?.hint ?? "")
    }

    func testMalformedClauseIsLeftToTheSchemaRule() throws {
        let text = F.procedure("PR-03", extra: ["clauses: [iso20000-1]"])
        XCTAssertTrue(F.only(Rules.refUnknownClause, in: try check(["procedures/PR-03.md": text])).isEmpty)
    }

    // MARK: ref.attachment and ref.escape

    func testMissingAttachment() throws {
        let text = F.incident("INC-5", extra: ["attachments:", "  - logs/alarm.csv", "  - attachments/logs/alarms.csv"])
        let diagnostics = try check(["attachments/logs/alarms.csv": "a\n", "records/incident/INC-5.md": text])
        let found = F.only(Rules.refAttachment, in: diagnostics)
        XCTAssertEqual(found.count, 2, diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(found.map(\.severity), [.error, .error])
        XCTAssertEqual(found.map { $0.location?.line }, [F.line(of: "logs/alarm.csv", in: text), F.line(of: "- attachments/", in: text)])
        XCTAssertEqual(found.first?.message, "attachment 'logs/alarm.csv' does not exist under Content/attachments/")
        XCTAssertEqual(found.first?.hint, "did you mean 'logs/alarms.csv'?")
        XCTAssertEqual(found.last?.hint, "paths are relative to Content/attachments/: write 'logs/alarms.csv'")
    }

    func testAttachmentThatEscapes() throws {
        let text = F.incident("INC-6", extra: ["attachments: [../procedures/PR-01.md, /etc/passwd, logs/../../x.csv]"])
        let diagnostics = try check(["records/incident/INC-6.md": text])
        let found = F.only(Rules.refEscape, in: diagnostics)
        XCTAssertEqual(found.count, 3, diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(found.allSatisfy { $0.severity == .error && $0.location?.line == F.line(of: "attachments:", in: text) })
        XCTAssertEqual(found.map { $0.location?.column }, [
            F.column(of: "../procedures", in: text), F.column(of: "/etc/passwd", in: text), F.column(of: "logs/../..", in: text),
        ])
        XCTAssertTrue(F.only(Rules.refAttachment, in: diagnostics).isEmpty)
    }

    func testMarkdownLinksAreNotCheckedHere() throws {
        let text = F.incident("INC-7").replacingOccurrences(of: "Text.", with: "See [[MISSING]] and [x](../nowhere.md).")
        XCTAssertEqual(try check(["records/incident/INC-7.md": text]).map(\.formatted), [])
    }
}
