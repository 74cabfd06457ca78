import XCTest
@testable import DossierKit

final class ClauseTableTests: XCTestCase {
    private func demoCoverage() throws -> (Site, Coverage) {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf)
        return (result.site, Coverage(site: result.site, asOf: Fixtures.demoAsOf))
    }

    func testDisplayWidthCountsCJKAsTwoColumns() {
        XCTAssertEqual(ClauseTable.displayWidth("abc"), 3)
        XCTAssertEqual(ClauseTable.displayWidth("事件管理"), 8)
        XCTAssertEqual(ClauseTable.displayWidth("ISO 服务"), 8)
        XCTAssertEqual(ClauseTable.displayWidth("e\u{301}"), 1)
    }

    func testOverviewAlignsColumnsByDisplayWidth() throws {
        let (_, coverage) = try demoCoverage()
        let text = ClauseTable(language: .zhCN, colour: false).overview(coverage.applicable())
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, text)
        XCTAssertTrue(lines[2].hasPrefix("iso20000-1"), text)
        XCTAssertTrue(lines[3].hasPrefix("iso10002"), text)
        // Both rows end with the right-aligned excluded count (no score), so in display columns they are
        // as long as each other and as the rule up to that column, though the titles mix CJK and ASCII.
        let ruleToExcluded = lines[1].split(separator: " ", omittingEmptySubsequences: false).dropLast(2).joined(separator: " ")
        XCTAssertEqual(ClauseTable.displayWidth(lines[2]), ClauseTable.displayWidth(ruleToExcluded), text)
        XCTAssertEqual(ClauseTable.displayWidth(lines[3]), ClauseTable.displayWidth(ruleToExcluded), text)
        XCTAssertNotEqual(lines[2].count, lines[3].count, "the titles differ in characters, not in columns")
        XCTAssertFalse(text.contains("\u{1B}["), "no colour when not asked for")
        XCTAssertFalse(lines.contains { $0.hasSuffix(" ") }, "no trailing blanks")
    }

    func testDetailListsEveryClauseWithStatusAndCounts() throws {
        let (site, coverage) = try demoCoverage()
        let checklist = try XCTUnwrap(site.checklists.first { $0.id == "iso20000-1" })
        let result = coverage.coverage(of: checklist)
        let text = ClauseTable(language: .en, colour: false).detail(result)
        XCTAssertTrue(text.contains("8.6.1"), text)
        XCTAssertTrue(text.contains("Incident management"), text)
        XCTAssertTrue(text.contains("excluded"), text)
        XCTAssertEqual(text.split(separator: "\n").count, result.clauses.count + 3)
        XCTAssertTrue(text.hasSuffix("56 covered, 0 partial, 0 missing, 1 excluded\n"), text)
        let coloured = ClauseTable(language: .en, colour: true).detail(result)
        XCTAssertTrue(coloured.contains("\u{1B}[32mcovered\u{1B}[0m"))
    }

    func testScoredChecklistShowsScoreAndLevel() throws {
        let files = try SiteScaffold(standards: ["gbt27922"], language: .zhCN, asOf: Fixtures.demoAsOf).files()
        var tree: [String: String] = [:]
        for file in files { tree["/site/" + file.path] = file.text }
        let result = try Pipeline.check(root: "/site", asOf: Fixtures.demoAsOf, fileSystem: .memory(tree))
        let coverage = Coverage(site: result.site, asOf: Fixtures.demoAsOf).applicable()
        let text = ClauseTable(language: .zhCN, colour: false).overview(coverage)
        let score = try XCTUnwrap(coverage.first?.score)
        XCTAssertTrue(text.contains(String((score.percent * 10).rounded() / 10)), text)
        XCTAssertTrue(text.contains(score.level?.name.text(.zhCN) ?? "未达标"), text)
    }
}
