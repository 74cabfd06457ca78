import Foundation
import XCTest
@testable import DossierKit

final class DataExportTests: XCTestCase {
    static let config = Fixtures.minimalConfig + """

    scope: "Desk support \\"and\\" <repairs>"
    standards: [iso10002]
    exclusions:
      - { clause: iso10002:7.9, reason: No appeals }
    schedules:
      satisfaction-survey: 12 months
    targets:
      satisfaction.score.min: 4.2
      complaint.close_days.max: 15
    certifications:
      - { standard: iso10002, body: Cert Body, number: C-1, issued: 2025-01-10, expires: 2028-01-09 }
    """

    static let survey = """
    ---
    id: SAT-1
    title: "Survey \\"H1\\"\\n</script>"
    date: 2026-06-30
    period: "2026"
    responses: 42
    score: 4.35
    procedure: PR-01
    clauses: [iso10002:7.2]
    weather: sunny
    nps: 31.5
    reviewed: true
    note: "007"
    ---
    ## Findings

    Better than last year, see [[PR-01#purpose]].
    """

    private func export(diagnostics: [Diagnostic] = []) throws -> (text: String, json: [String: Any]) {
        let fs = Fixtures.memorySite(config: Self.config, files: [
            "procedures/PR-01.md": Fixtures.procedure,
            "records/incident/INC-1.md": Fixtures.incident,
            "records/satisfaction-survey/SAT-1.md": Self.survey,
        ])
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf, generator: "Dossier test")
            .render(site, diagnostics: diagnostics)
        let file = try XCTUnwrap(files.first { $0.path == PagePaths.dataExport })
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: file.data) as? [String: Any], "data/dossier.json parses")
        return (String(decoding: file.data, as: UTF8.self), json)
    }

    private func entry(_ id: String, in json: [String: Any]) throws -> [String: Any] {
        let entries = try XCTUnwrap(json["entries"] as? [[String: Any]])
        return try XCTUnwrap(entries.first { $0["id"] as? String == id }, id)
    }

    func testTopLevelKeysInDocumentedOrder() throws {
        let (text, json) = try export()
        XCTAssertEqual(json["asOf"] as? String, "2026-11-22")
        XCTAssertEqual(json["format"] as? String, "dossier")
        XCTAssertEqual(json["formatVersion"] as? Int, 1)
        XCTAssertEqual(json["generator"] as? String, "Dossier test")
        let keys = ["\"format\"", "\"formatVersion\"", "\"generator\"", "\"asOf\"", "\"config\"", "\"summary\"",
                    "\"entries\"", "\"coverage\"", "\"diagnostics\""]
        let positions = try keys.map { try XCTUnwrap(text.range(of: "\n  \($0): ")?.lowerBound, $0) }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testConfigSummary() throws {
        let config = try XCTUnwrap(try export().json["config"] as? [String: Any])
        XCTAssertEqual((config["organization"] as? [String: Any])?["name"] as? String, "Test Co")
        XCTAssertEqual(config["scope"] as? String, "Desk support \"and\" <repairs>")
        XCTAssertEqual(config["language"] as? String, "en")
        XCTAssertEqual(config["standards"] as? [String], ["iso10002"])
        XCTAssertEqual(config["exclusions"] as? [[String: String]], [["clause": "iso10002:7.9", "reason": "No appeals"]])
        let people = try XCTUnwrap(config["people"] as? [[String: Any]])
        XCTAssertEqual(people.map { $0["name"] as? String }, ["Ann", "Bob"])
        XCTAssertEqual(people.map { $0["auditor"] as? Bool }, [true, false])
        XCTAssertEqual(people.first?["role"] as? String, "Quality manager")
        XCTAssertEqual(config["schedules"] as? [String: String], ["satisfaction-survey": "12 months"])
        let targets = try XCTUnwrap(config["targets"] as? [String: Double])
        XCTAssertEqual(targets["satisfaction.score.min"], 4.2)
        XCTAssertEqual(targets["complaint.close_days.max"], 15)
        let cert = try XCTUnwrap((config["certifications"] as? [[String: Any]])?.first)
        XCTAssertEqual(cert["number"] as? String, "C-1")
        XCTAssertEqual(cert["issued"] as? String, "2025-01-10")
        XCTAssertEqual(cert["expires"] as? String, "2028-01-09")
    }

    func testEntryCarriesFrontMatterAsTypedJSONInKeyOrder() throws {
        let (text, json) = try export()
        let survey = try entry("SAT-1", in: json)
        XCTAssertEqual(survey["type"] as? String, "satisfaction-survey")
        XCTAssertEqual(survey["category"] as? String, "record")
        XCTAssertEqual(survey["path"] as? String, "Content/records/satisfaction-survey/SAT-1.md")
        XCTAssertEqual(survey["url"] as? String, "records/satisfaction-survey/SAT-1.html")
        XCTAssertEqual(survey["title"] as? String, "Survey \"H1\"\n</script>")
        XCTAssertEqual(survey["date"] as? String, "2026-06-30")
        let fields = try XCTUnwrap(survey["fields"] as? [String: Any])
        XCTAssertEqual(fields["responses"] as? Int, 42, "integer field")
        XCTAssertEqual(fields["score"] as? Double, 4.35, "number field")
        XCTAssertEqual(fields["period"] as? String, "2026", "quoted stays text")
        XCTAssertEqual(fields["date"] as? String, "2026-06-30")
        XCTAssertEqual(fields["clauses"] as? [String], ["iso10002:7.2"])
        XCTAssertEqual(fields["weather"] as? String, "sunny", "unknown field kept")
        XCTAssertEqual(fields["nps"] as? Double, 31.5, "unknown number typed as YAML reads it")
        XCTAssertEqual(fields["reviewed"] as? Bool, true)
        XCTAssertEqual(fields["note"] as? String, "007")
        // Key order as written in the file.
        let order = ["\"id\": \"SAT-1\"", "\"title\": ", "\"date\": \"2026-06-30\"", "\"period\"", "\"responses\": 42",
                     "\"score\": 4.35", "\"procedure\"", "\"clauses\"", "\"weather\"", "\"nps\": 31.5", "\"reviewed\": true"]
        let fieldsStart = try XCTUnwrap(text.range(of: "\"fields\": {\n        \"id\": \"SAT-1\"")).lowerBound
        let positions = try order.map { try XCTUnwrap(text.range(of: $0, range: fieldsStart..<text.endIndex)?.lowerBound, $0) }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(text.contains("\"title\": \"Survey \\\"H1\\\"\\n</script>\""), "JSON escaping of quotes and newlines")
    }

    func testDateTimesAreISO8601AndMapsAreObjects() throws {
        let fields = try XCTUnwrap(try entry("INC-1", in: try export().json)["fields"] as? [String: Any])
        XCTAssertEqual(fields["opened"] as? String, "2026-03-01T09:00")
        XCTAssertEqual(fields["resolved"] as? String, "2026-03-01T11:30")
        XCTAssertEqual(fields["priority"] as? String, "P2")
        let procedure = try XCTUnwrap(try entry("PR-01", in: try export().json)["fields"] as? [String: Any])
        let history = try XCTUnwrap(procedure["history"] as? [[String: Any]])
        XCTAssertEqual(history.first?["version"] as? String, "1.0")
        XCTAssertEqual(history.first?["change"] as? String, "First issue")
    }

    func testReferencesLinksCitationsAndHeadings() throws {
        let json = try export().json
        let survey = try entry("SAT-1", in: json)
        let references = try XCTUnwrap(survey["references"] as? [[String: Any]])
        XCTAssertEqual(references.first?["field"] as? String, "procedure")
        XCTAssertEqual(references.first?["id"] as? String, "PR-01")
        XCTAssertEqual(references.first?["resolved"] as? Bool, true)
        let links = try XCTUnwrap(survey["links"] as? [[String: Any]])
        XCTAssertEqual(links.first?["id"] as? String, "PR-01")
        XCTAssertEqual(links.first?["anchor"] as? String, "purpose")
        let headings = try XCTUnwrap(survey["headings"] as? [[String: Any]])
        XCTAssertEqual(headings.first?["text"] as? String, "Findings")
        XCTAssertEqual(headings.first?["level"] as? Int, 2)
        XCTAssertEqual(headings.first?["anchor"] as? String, "findings")
        let procedure = try entry("PR-01", in: json)
        XCTAssertEqual(procedure["citedBy"] as? [String], ["INC-1", "SAT-1"])
        XCTAssertEqual(procedure["nextReview"] as? String, "2027-01-10")
        XCTAssertEqual(procedure["reviewOverdue"] as? Bool, false)
        XCTAssertEqual(procedure["url"] as? String, "documents/PR-01.html")
    }

    func testCoveragePerStandardAndClause() throws {
        let coverage = try XCTUnwrap(try export().json["coverage"] as? [[String: Any]])
        XCTAssertEqual(coverage.map { $0["checklist"] as? String }, ["iso10002"])
        let standard = try XCTUnwrap(coverage.first)
        XCTAssertEqual((standard["title"] as? [String: String])?["en"], "ISO 10002:2018 Complaints handling")
        let clauses = try XCTUnwrap(standard["clauses"] as? [[String: Any]])
        let counts = try XCTUnwrap(standard["counts"] as? [String: Int])
        XCTAssertEqual(counts.values.reduce(0, +), clauses.count)
        let excluded = try XCTUnwrap(clauses.first { $0["reference"] as? String == "iso10002:7.9" })
        XCTAssertEqual(excluded["status"] as? String, "excluded")
        XCTAssertEqual(excluded["exclusion"] as? String, "No appeals")
        let claimed = try XCTUnwrap(clauses.first { $0["reference"] as? String == "iso10002:7.2" })
        XCTAssertEqual(claimed["records"] as? [String], ["SAT-1"], "the survey lists the clause")
        XCTAssertEqual((claimed["latestRecord"] as? [String: Any])?["date"] as? String, "2026-06-30")
        XCTAssertNotEqual(claimed["status"] as? String, "covered", "no document answers it")
        XCTAssertFalse((claimed["reasons"] as? [String] ?? []).isEmpty, "says why")
        XCTAssertEqual(claimed["window"] as? String, "12 months")
    }

    func testDiagnosticsOfTheBuildAreExported() throws {
        let diagnostics = [
            Diagnostic(rule: "record.target", severity: .warning, message: "SAT-1 misses its target",
                       location: SourceLocation(path: "Content/records/satisfaction-survey/SAT-1.md", line: 7, column: 1), hint: "Say why"),
            Diagnostic(rule: "cert.surveillance-due", severity: .error, message: "surveillance audit overdue"),
            Diagnostic(rule: "schema.unknown-field", severity: .off, message: "switched off"),
        ]
        let json = try export(diagnostics: diagnostics).json
        let exported = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(exported.count, 2, "rules switched off are left out")
        XCTAssertEqual(exported[0]["rule"] as? String, "record.target")
        XCTAssertEqual(exported[0]["line"] as? Int, 7)
        XCTAssertEqual(exported[0]["hint"] as? String, "Say why")
        XCTAssertEqual(exported[1]["severity"] as? String, "error")
        XCTAssertTrue(exported[1]["file"] is NSNull, "site-wide findings carry no file")
        let summary = try XCTUnwrap(json["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["documents": 1, "records": 2, "errors": 1, "warnings": 1])
    }

    func testValueTypingRules() {
        XCTAssertEqual(DataExportValues.number("1_000"), 1000)
        XCTAssertEqual(DataExportValues.number("-2.5e3"), -2500)
        XCTAssertNil(DataExportValues.number("0x1F"))
        XCTAssertNil(DataExportValues.number("2026-06-30"))
        XCTAssertNil(DataExportValues.number(".inf"))
        XCTAssertNil(DataExportValues.number("1e"))
        XCTAssertEqual(DataExportValues.isoDateTime("2026-03-01 09:00"), "2026-03-01T09:00")
        XCTAssertEqual(DataExportValues.isoDateTime("2026-03-01T09:00+08:00"), "2026-03-01T09:00+08:00")
        XCTAssertEqual(DataExportValues.isoDateTime("soon"), "soon")
        XCTAssertEqual(JSONValue.number(8).render(), "8")
        XCTAssertEqual(JSONValue.number(4.35).render(), "4.35")
        XCTAssertEqual(JSONValue.number(.nan).render(), "null")
    }
}
