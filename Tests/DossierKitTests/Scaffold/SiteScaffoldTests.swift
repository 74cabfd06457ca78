import XCTest
@testable import DossierKit

/// `dossier init` in memory: every built-in standard alone, all four together, in both languages,
/// checks with no errors on the day it is created.
final class SiteScaffoldTests: XCTestCase {
    private let asOf = Day(year: 2026, month: 11, day: 22)!

    private func check(_ files: [ScaffoldFile], asOf: Day) throws -> Pipeline.CheckResult {
        var tree: [String: String] = [:]
        for file in files { tree["/site/" + file.path] = file.text }
        return try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(tree))
    }

    /// `builtInStandards()` reads the `id:` lines (init's help, built on every command): the same
    /// list as parsing the checklists.
    func testBuiltInStandardsAreTheParsedChecklistIDs() {
        let parsed = BuiltInData.parsedBuiltInChecklists().checklists.map(\.id).sorted()
        XCTAssertEqual(SiteScaffold.builtInStandards(), parsed)
        XCTAssertEqual(parsed.count, 5)
        XCTAssertEqual(SiteScaffold.topLevelID(in: "# c\nkind: x\nid: abc \nclauses:\n  - id: 1\n"), "abc")
        XCTAssertNil(SiteScaffold.topLevelID(in: "clauses:\n  - id: 1\n"))
    }

    func testEveryStandardAndLanguagePassesCheck() throws {
        let combinations = [["iso20000-1"], ["iso10002"], ["iso9001"], ["gbt27922"], ["annex-sl"],
                            ["iso20000-1", "iso10002", "iso9001", "gbt27922"]]
        for language in Language.allCases {
            for standards in combinations {
                let files = try SiteScaffold(standards: standards, language: language, asOf: asOf).files()
                let result = try check(files, asOf: asOf)
                let errors = result.diagnostics.filter { $0.severity == .error }
                XCTAssertEqual(errors.map(\.formatted), [], "\(standards) \(language)")
                XCTAssertEqual(result.site.config.language, language)
                XCTAssertEqual(result.site.config.standards.map(\.value), standards)
                // Nothing is missing: every clause is answered at least by a document.
                let missing = Coverage(site: result.site, asOf: asOf).applicable().flatMap(\.clauses).filter { $0.status == .missing }
                XCTAssertEqual(missing.map(\.clause.id), [], "\(standards) \(language)")
            }
        }
    }

    func testWritesConfigManualGitignoreWorkflowAndSamples() throws {
        let files = try SiteScaffold(standards: ["iso20000-1", "iso10002"], language: .en, asOf: asOf).files()
        let paths = Set(files.map(\.path))
        for path in ["dossier.yml", ".gitignore", ".github/workflows/dossier.yml", "Content/manual/MAN-01.md",
                     "Content/manual/MAN-08.md", "Content/records/incident/INC-2026-0001.md",
                     "Content/records/complaint/CMP-2026-001.md", "Content/records/internal-audit/IA-2026.md"] {
            XCTAssertTrue(paths.contains(path), path)
        }
        let gitignore = try XCTUnwrap(files.first { $0.path == ".gitignore" }).text
        XCTAssertTrue(gitignore.contains("Output/"))
        let workflow = try XCTUnwrap(files.first { $0.path == ".github/workflows/dossier.yml" }).text
        for step in ["dossier check --format sarif > dossier.sarif", "github/codeql-action/upload-sarif",
                     "actions/upload-pages-artifact", "actions/deploy-pages", "libcmark-dev"] {
            XCTAssertTrue(workflow.contains(step), step)
        }
        // The complaints-handling procedure exists (iso10002 expects it) and the sample complaint cites it.
        let procedure = try XCTUnwrap(files.first { $0.text.contains("kind: [complaints-handling-procedure]") })
        let id = try XCTUnwrap(procedure.path.split(separator: "/").last?.dropLast(3))
        XCTAssertTrue(try XCTUnwrap(files.first { $0.path.hasPrefix("Content/records/complaint/") }).text.contains("procedure: \(id)"))
        XCTAssertFalse(files.contains { $0.text.lowercased().contains("lorem") })
    }

    func testChineseSiteHasChineseHeadingsAndGuidance() throws {
        let files = try SiteScaffold(standards: ["iso20000-1"], language: .zhCN, asOf: asOf).files()
        let chapter = try XCTUnwrap(files.first { $0.path == "Content/manual/MAN-06.md" }).text
        XCTAssertTrue(chapter.contains("title: 运行"), chapter)
        XCTAssertTrue(chapter.contains("### 8.6.1 事件管理"), chapter)
        XCTAssertTrue(chapter.contains("审核员"), chapter)
        let config = try XCTUnwrap(files.first { $0.path == "dossier.yml" }).text
        XCTAssertTrue(config.contains("language: zh-CN"))
        XCTAssertTrue(config.contains("auditor: true"))
    }

    func testDocumentsDeclareKindAndClausesAndAreApprovedByTheQualityManager() throws {
        let files = try SiteScaffold(standards: ["iso20000-1"], language: .en, asOf: asOf).files()
        let policy = try XCTUnwrap(files.first { $0.text.contains("kind: [service-management-policy]") }).text
        XCTAssertTrue(policy.contains("clauses: [iso20000-1:5.2.1, iso20000-1:5.2.2, iso20000-1:7.5.4]"), policy)
        XCTAssertTrue(policy.contains("status: approved"))
        XCTAssertTrue(policy.contains("approved_by: Sam Taylor"))
        XCTAssertTrue(policy.contains("approved_on: 2026-11-22"))
        XCTAssertTrue(policy.contains("## 5 What an auditor looks for"))
    }

    func testUnknownOrMissingStandardIsABadRequest() {
        XCTAssertThrowsError(try SiteScaffold(standards: ["iso2000"], language: .en, asOf: asOf).files()) { error in
            guard case let ScaffoldError.unknownStandard(name, known) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "iso2000")
            XCTAssertTrue(known.contains("iso20000-1"))
            XCTAssertTrue("\(error)".contains("did you mean"), "\(error)")
        }
        XCTAssertThrowsError(try SiteScaffold(standards: [], language: .en, asOf: asOf).files()) { error in
            XCTAssertEqual(error as? ScaffoldError, .noStandard)
        }
    }

    func testSameInputGivesSameFiles() throws {
        let a = try SiteScaffold(standards: ["iso9001", "gbt27922"], language: .zhCN, asOf: asOf).files()
        let b = try SiteScaffold(standards: ["iso9001", "gbt27922"], language: .zhCN, asOf: asOf).files()
        XCTAssertEqual(a, b)
    }
}
