import XCTest
@testable import DossierKit

final class ChecklistParserTests: XCTestCase {
    private func builtIn() throws -> ChecklistParser.Result {
        ChecklistParser().parseAll(builtIn: try BuiltInData.checklists(), company: [])
    }

    func testAllBuiltInChecklistsLoadCleanly() throws {
        let result = try builtIn()
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.checklists.map(\.id), ["annex-sl", "gbt27922", "iso10002", "iso20000-1", "iso9001"])
        for checklist in result.checklists {
            XCTAssertFalse(checklist.title.text(.zhCN).isEmpty, checklist.id)
            XCTAssertFalse(checklist.title.text(.en).isEmpty, checklist.id)
            for clause in checklist.clauses {
                XCTAssertNotNil(clause.title.values["zh-CN"], "\(checklist.id):\(clause.id) has no Chinese title")
                XCTAssertNotNil(clause.title.values["en"], "\(checklist.id):\(clause.id) has no English title")
            }
        }
    }

    func testISO20000HasEveryOperationalClause() throws {
        let iso = try XCTUnwrap(try builtIn().checklists.first { $0.id == "iso20000-1" })
        for id in ["4.1", "5.2.1", "6.3", "7.5.4", "8.1", "8.2.6", "8.3.4.1", "8.4.3", "8.5.1.3", "8.5.3", "8.6.1", "8.7.3.3", "9.4", "10.2"] {
            XCTAssertNotNil(iso.clause(id), id)
        }
        XCTAssertEqual(iso.clause("8.6.1")?.isGroup, false)
        XCTAssertEqual(iso.clause("8.5")?.isGroup, true)
        XCTAssertEqual(iso.clause("8.6.1")?.records.contains("incident-record"), true)
    }

    func testGBT27922IsScoredAndPointsAddUp() throws {
        let gbt = try XCTUnwrap(try builtIn().checklists.first { $0.id == "gbt27922" })
        XCTAssertEqual(gbt.kind, .scored)
        XCTAssertEqual(gbt.pass?.min, 70)
        XCTAssertEqual(gbt.levels.map(\.min), [95, 90, 80])
        let indicators = gbt.clauses.filter { !$0.isGroup }
        XCTAssertEqual(indicators.count, 15)
        XCTAssertEqual(indicators.compactMap(\.points).reduce(0, +), 100)
        for group in gbt.clauses.filter(\.isGroup) {
            let children = indicators.filter { $0.id.hasPrefix(group.id + ".") }
            XCTAssertEqual(children.compactMap(\.points).reduce(0, +), group.points, group.id)
        }
    }

    func testCompanyChecklistLoadsAndCanReplaceABuiltIn() throws {
        let own = """
        id: iso9001
        title: { en: Our ISO 9001 subset, zh-CN: 我们的 ISO 9001 }
        clauses:
          - id: "8.5"
            title: { en: Service provision, zh-CN: 服务提供 }
            records: [service-work-order]
            window: 6 months
        """
        let result = ChecklistParser().parseAll(builtIn: try BuiltInData.checklists(),
                                                company: [("Content/checklists/iso9001.yml", own)])
        let replaced = try XCTUnwrap(result.checklists.first { $0.id == "iso9001" })
        XCTAssertEqual(replaced.clauses.count, 1)
        XCTAssertEqual(replaced.clauses[0].window, Interval(count: 6, unit: .months))
        XCTAssertEqual(replaced.source, "Content/checklists/iso9001.yml")
    }

    func testMalformedCompanyChecklistGivesLocatedDiagnostics() {
        let text = "id: mine\nclauses:\n  - id: \"1\"\n    titel: Typo\n    window: sometimes\n  - id: \"1\"\n"
        let (checklist, diagnostics) = ChecklistParser().parse(text, path: "Content/checklists/mine.yml")
        XCTAssertNotNil(checklist)
        XCTAssertEqual(diagnostics.map(\.rule), ["schema.checklist", "schema.checklist", "schema.checklist"])
        XCTAssertEqual(diagnostics.map { $0.location?.line }, [4, 3, 6])
        XCTAssertEqual(diagnostics.first?.hint, "did you mean 'title'?")
    }

    func testCompanyChecklistFromContentFolderReachesTheSite() throws {
        let fs = Fixtures.memorySite(files: [:]).adding([
            "/site/Content/checklists/own.yml": "id: own\ntitle: Own\nclauses:\n  - { id: \"1\", title: One, documents: [sla] }\n",
        ])
        let parsed = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs))
        XCTAssertEqual(parsed.site.checklists.first { $0.id == "own" }?.clauses.first?.documents, ["sla"])
    }
}

extension FileSystem {
    /// The in-memory tree with more files; only for trees made by `FileSystem.memory`.
    func adding(_ files: [String: String]) -> FileSystem {
        let base = self
        let extra = FileSystem.memory(files)
        return FileSystem(
            read: { path in try (try? extra.read(path)) ?? base.read(path) },
            list: { path in Array(Set(((try? base.list(path)) ?? []) + ((try? extra.list(path)) ?? []))) },
            kind: { path in extra.kind(path) != .missing ? extra.kind(path) : base.kind(path) },
            size: { path in extra.size(path) ?? base.size(path) })
    }
}
