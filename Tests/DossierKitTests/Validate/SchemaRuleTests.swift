import XCTest
@testable import DossierKit

final class SchemaRuleTests: XCTestCase {
    typealias F = SchemaFixtures

    private func check(_ files: [String: String], config: String = Fixtures.minimalConfig) throws -> [Diagnostic] {
        try F.run(SchemaRule(), config: config, files: files)
    }

    // MARK: valid files

    func testValidDocumentAndRecordsPass() throws {
        let diagnostics = try check([
            "procedures/PR-01.md": Fixtures.procedure,
            "records/incident/INC-1.md": Fixtures.incident,
            "records/complaint/CMP-1.md": F.file([
                "id: CMP-1", "received: 2026-03-01T09:00:00+08:00", "channel: email",
                "customer: { name: Zhang San, phone: \"123\" }", "category: billing", "status: new",
            ]),
            "records/satisfaction-survey/SAT-1.md": F.file([
                "id: SAT-1", "date: 2026-06-30", "period: 2026-H1", "responses: 1_200", "score: 4.5", "confidential: true",
            ]),
        ])
        XCTAssertEqual(diagnostics.map(\.formatted), [])
    }

    // MARK: schema.required

    func testMissingRequiredFieldIsReportedAtTopOfFrontMatter() throws {
        let text = F.file(["id: INC-2", "opened: 2026-03-01 09:00", "priority: P2", "status: open"])
        let diagnostics = try check(["records/incident/INC-2.md": text])
        let found = F.assertOne(Rules.schemaRequired, in: diagnostics, path: "records/incident/INC-2.md", line: 2)
        XCTAssertEqual(found?.message, "missing required field 'service'")
        XCTAssertNotNil(found?.hint)
    }

    func testConditionalRequirementHonoursNegatedWhen() throws {
        // resolved: required when status != open.
        let closed = F.file(["id: INC-3", "opened: 2026-03-01 09:00", "priority: P2", "service: Mail", "status: closed"])
        let open = F.file(["id: INC-4", "opened: 2026-03-01 09:00", "priority: P2", "service: Mail", "status: open"])
        let diagnostics = try check(["records/incident/INC-3.md": closed, "records/incident/INC-4.md": open])
        let found = F.assertOne(Rules.schemaRequired, in: diagnostics, path: "records/incident/INC-3.md", line: 2)
        XCTAssertTrue(found?.message.contains("'resolved'") ?? false)
        XCTAssertTrue(found?.message.contains("when status is not open") ?? false, found?.message ?? "")
    }

    /// A missing approver of an approved document is doc.approval's finding (one per document),
    /// so the schema does not report it a second time.
    func testApproverIsLeftToDocumentControl() throws {
        let approved = F.file(["id: PR-02", "title: Two", "version: \"1\"", "status: approved", "owner: Bob",
                               "approved_on: 2026-01-10"])
        let diagnostics = try check(["procedures/PR-02.md": approved])
        XCTAssertEqual(F.only(Rules.schemaRequired, in: diagnostics).count, 0)
        let control = try F.run(DocumentControlRule(), files: ["procedures/PR-02.md": approved])
        XCTAssertEqual(control.map(\.rule), ["doc.approval"])
    }

    func testDocumentWithoutTitleAndEmptyValueAreMissing() throws {
        let text = F.file(["id: PR-04", "version: \"1\"", "status: draft", "owner:"])
        let diagnostics = F.only(Rules.schemaRequired, in: try check(["procedures/PR-04.md": text]))
        XCTAssertEqual(diagnostics.count, 2, diagnostics.map(\.formatted).joined(separator: "\n"))
        let title = diagnostics.first { $0.message.contains("'title'") }
        XCTAssertEqual(title?.location?.line, 2)
        XCTAssertEqual(title?.severity, .error)
        let owner = diagnostics.first { $0.message.contains("'owner'") }
        XCTAssertEqual(owner?.message, "required field 'owner' is empty")
        XCTAssertEqual(owner?.location?.line, F.line(of: "owner:", in: text))
    }

    func testEmptyListSatisfiesARequiredList() throws {
        let text = F.file(["id: SC-2026-01", "date: 2026-01-31", "period: 2026-01", "checked_by: Ann", "findings: []"])
        XCTAssertEqual(try check(["records/self-check/SC-2026-01.md": text]).map(\.formatted), [])
    }

    // MARK: schema.kind

    func testBadDateAndDateTime() throws {
        let text = F.file(["id: INC-5", "opened: 2026-03-01 25:00", "priority: P2", "service: Mail", "status: closed",
                           "resolved: 2026-03-01T11:30Z"])
        let doc = F.file(["id: PR-05", "title: T", "version: \"1\"", "status: approved", "owner: Bob", "approved_by: Ann",
                          "approved_on: 2026-02-30"])
        let diagnostics = try check(["records/incident/INC-5.md": text, "procedures/PR-05.md": doc])
        let opened = F.assertOne(Rules.schemaKind, in: diagnostics.filter { $0.location?.path.hasSuffix("INC-5.md") == true },
                                 path: "records/incident/INC-5.md", line: F.line(of: "opened:", in: text), column: 1)
        XCTAssertEqual(opened?.message, "'opened' is not a date and time: '2026-03-01 25:00'")
        let approved = F.assertOne(Rules.schemaKind, in: diagnostics.filter { $0.location?.path.hasSuffix("PR-05.md") == true },
                                   path: "procedures/PR-05.md", line: F.line(of: "approved_on:", in: doc))
        XCTAssertEqual(approved?.message, "'approved_on' is not a date: '2026-02-30'")
    }

    func testDateTimeForADateFieldIsAKindError() throws {
        let text = F.file(["id: SC-2026-02", "date: 2026-02-28 10:00", "period: 2026-02", "checked_by: Ann", "findings: []"])
        let diagnostics = try check(["records/self-check/SC-2026-02.md": text])
        F.assertOne(Rules.schemaKind, in: diagnostics, path: "records/self-check/SC-2026-02.md", line: F.line(of: "date:", in: text))
    }

    func testNumbersIntegersAndBooleans() throws {
        let text = F.file(["id: SAT-2", "date: 2026-06-30", "period: H1", "responses: 12.5", "score: high", "confidential: maybe"])
        let diagnostics = F.only(Rules.schemaKind, in: try check(["records/satisfaction-survey/SAT-2.md": text]))
        XCTAssertEqual(Set(diagnostics.compactMap { $0.location?.line }), [
            F.line(of: "confidential:", in: text), F.line(of: "responses:", in: text), F.line(of: "score:", in: text),
        ])
        XCTAssertEqual(Set(diagnostics.map(\.message)), [
            "'responses' is not a whole number: '12.5'", "'score' is not a number: 'high'",
            "'confidential' is not true or false: 'maybe'",
        ])
    }

    func testListWhereOneValueIsExpectedAndSingleValueForAList() throws {
        let text = F.file(["id: TRN-1", "date: 2026-05-01", "topic: [a, b]", "trainer: Ann", "attendees: Bob", "hours: 2",
                           "clauses: iso20000-1:7.2"])
        let diagnostics = try check(["records/training/TRN-1.md": text])
        let found = F.assertOne(Rules.schemaKind, in: diagnostics, path: "records/training/TRN-1.md", line: F.line(of: "topic:", in: text))
        XCTAssertEqual(found?.message, "'topic' must be a single string value, found a list")
        XCTAssertEqual(diagnostics.count, 1, diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    func testMapExpectedAndNotGiven() throws {
        let text = F.file(["id: CMP-2", "received: 2026-03-01 09:00", "channel: email", "customer: Zhang San",
                           "category: billing", "status: new"])
        let diagnostics = try check(["records/complaint/CMP-2.md": text])
        let found = F.assertOne(Rules.schemaKind, in: diagnostics, path: "records/complaint/CMP-2.md", line: F.line(of: "customer:", in: text))
        XCTAssertEqual(found?.message, "'customer' must be a map, found a single value")
    }

    func testClauseMustHaveChecklistAndClause() throws {
        let text = F.incident("INC-6", extra: ["clauses: [iso20000-1:8.6.1, iso20000-1]"])
        let diagnostics = try check(["records/incident/INC-6.md": text])
        let found = F.assertOne(Rules.schemaKind, in: diagnostics, path: "records/incident/INC-6.md",
                                line: F.line(of: "clauses:", in: text), column: F.column(of: "iso20000-1]", in: text))
        XCTAssertEqual(found?.message, "'clauses[1]' is not a clause reference: 'iso20000-1'")
    }

    // MARK: nested maps and list elements

    func testNestedMapFieldsAreCheckedAtTheirNodes() throws {
        let text = F.file(["id: CMP-3", "received: 2026-03-01 09:00", "channel: email", "customer:", "  phone: \"123\"",
                           "  emal: a@b.c", "category: billing", "status: new"])
        let diagnostics = try check(["records/complaint/CMP-3.md": text])
        let missing = F.assertOne(Rules.schemaRequired, in: diagnostics, path: "records/complaint/CMP-3.md",
                                  line: F.line(of: "customer:", in: text))
        XCTAssertEqual(missing?.message, "missing required field 'customer.name'")
        let unknown = F.assertOne(Rules.schemaUnknownField, in: diagnostics, path: "records/complaint/CMP-3.md",
                                  line: F.line(of: "emal:", in: text), column: 3)
        XCTAssertEqual(unknown?.hint, "did you mean 'email'?")
    }

    func testHistoryItemsAreCheckedOneByOne() throws {
        let text = F.file(["id: PR-06", "title: Six", "version: \"2\"", "status: draft", "owner: Bob", "history:",
                           "  - { version: \"1\", date: 2026-01-10, by: Bob }",
                           "  - { date: 2026-13-01, by: [Ann, Bob], note: x }"])
        let diagnostics = try check(["procedures/PR-06.md": text])
        let itemLine = F.line(of: "note: x", in: text)
        let missing = F.assertOne(Rules.schemaRequired, in: diagnostics, path: "procedures/PR-06.md", line: itemLine,
                                  column: F.column(of: "{ date", in: text))
        XCTAssertEqual(missing?.message, "missing required field 'history[1].version'")
        let kinds = F.only(Rules.schemaKind, in: diagnostics)
        XCTAssertEqual(Set(kinds.map(\.message)), ["'history[1].date' is not a date: '2026-13-01'",
                                                   "'history[1].by' must be a single person value, found a list"])
        XCTAssertEqual(kinds.map { $0.location?.line }, [itemLine, itemLine])
        let dateKind = kinds.first { $0.message.contains("date") }
        XCTAssertEqual(dateKind?.location?.column, F.column(of: "date: 2026-13", in: text))
        let unknown = F.assertOne(Rules.schemaUnknownField, in: diagnostics, path: "procedures/PR-06.md", line: itemLine,
                                  column: F.column(of: "note:", in: text))
        XCTAssertEqual(unknown?.message, "unknown field 'history[1].note': 'history[1]' has no field 'note'")
    }

    func testEmptyListItemIsAKindError() throws {
        let text = F.file(["id: SC-2026-03", "date: 2026-03-31", "period: 2026-03", "checked_by: Ann", "findings:", "  - ok", "  -"])
        let diagnostics = try check(["records/self-check/SC-2026-03.md": text])
        let found = F.assertOne(Rules.schemaKind, in: diagnostics, path: "records/self-check/SC-2026-03.md", line: F.line(of: "- ok", in: text) + 1)
        XCTAssertEqual(found?.message, "'findings[1]' is empty")
    }

    // MARK: schema.enum and schema.range

    func testEnumValueWithDidYouMean() throws {
        let text = F.file(["id: INC-7", "opened: 2026-03-01 09:00", "priority: P2", "service: Mail", "status: clsoed"])
        let diagnostics = try check(["records/incident/INC-7.md": text])
        let found = F.assertOne(Rules.schemaEnum, in: diagnostics, path: "records/incident/INC-7.md", line: F.line(of: "status:", in: text))
        XCTAssertEqual(found?.message, "'status' is 'clsoed', not one of open, resolved, closed")
        XCTAssertEqual(found?.hint, "did you mean 'closed'? (allowed: open, resolved, closed)")
        // A condition on a misspelt status is not decided: no schema.required for `resolved` on top.
        XCTAssertTrue(F.only(Rules.schemaRequired, in: diagnostics).isEmpty)
    }

    func testNumberOutsideItsRange() throws {
        let high = F.file(["id: SAT-3", "date: 2026-06-30", "period: H1", "responses: 10", "score: 6"])
        let low = F.file(["id: SAT-4", "date: 2026-06-30", "period: H1", "responses: 10", "score: 0.5"])
        let edge = F.file(["id: SAT-5", "date: 2026-06-30", "period: H1", "responses: 10", "score: 5"])
        let diagnostics = try check(["records/satisfaction-survey/SAT-3.md": high, "records/satisfaction-survey/SAT-4.md": low,
                                     "records/satisfaction-survey/SAT-5.md": edge])
        let ranges = F.only(Rules.schemaRange, in: diagnostics)
        XCTAssertEqual(ranges.map(\.message), ["'score' is 6, above the maximum 5", "'score' is 0.5, below the minimum 1"])
        XCTAssertEqual(ranges.map { $0.location?.path }, ["Content/records/satisfaction-survey/SAT-3.md",
                                                          "Content/records/satisfaction-survey/SAT-4.md"])
        XCTAssertEqual(ranges.first?.location?.line, F.line(of: "score:", in: high))
        XCTAssertEqual(ranges.first?.severity, .error)
    }

    // MARK: schema.unknown-field

    func testUnknownFieldIsAWarningWithSuggestion() throws {
        let text = F.incident("INC-8", extra: ["servce_owner: Bob", "assignee: Bob"])
        let diagnostics = F.only(Rules.schemaUnknownField, in: try check(["records/incident/INC-8.md": text]))
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .warning })
        let assignee = diagnostics.first { $0.message.contains("assignee") }
        XCTAssertEqual(assignee?.message, "unknown field 'assignee': type 'incident' has no field 'assignee'")
        XCTAssertEqual(assignee?.location?.line, F.line(of: "assignee:", in: text))
        let typo = F.file(["id: INC-9", "opened: 2026-03-01 09:00", "priority: P2", "servce: Mail", "status: open"])
        let found = F.assertOne(Rules.schemaUnknownField, in: try check(["records/incident/INC-9.md": typo]),
                                path: "records/incident/INC-9.md", line: F.line(of: "servce:", in: typo))
        XCTAssertEqual(found?.hint, "did you mean 'service'?")
    }

    func testCompanyTypeFieldsAreKnown() throws {
        let config = Fixtures.minimalConfig + """

        types:
          site-visit:
            fields:
              date: { kind: date, required: true }
              rating: { kind: integer, min: 1, max: 3 }
        """
        let ok = F.file(["id: SV-1", "date: 2026-04-01", "rating: 2"])
        let bad = F.file(["id: SV-2", "date: 2026-04-01", "rating: 4", "ratin: 1"])
        let diagnostics = try check(["records/site-visit/SV-1.md": ok, "records/site-visit/SV-2.md": bad], config: config)
        XCTAssertEqual(Set(diagnostics.map(\.rule)), [Rules.schemaRange.id, Rules.schemaUnknownField.id],
                       diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.location?.path == "Content/records/site-visit/SV-2.md" })
    }
}
