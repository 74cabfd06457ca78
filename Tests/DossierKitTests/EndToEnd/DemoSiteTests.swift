import XCTest
@testable import DossierKit

/// Builds the demo organisation of this repository (Content/ and dossier.yml) into a temporary folder.
final class DemoSiteTests: XCTestCase {
    nonisolated(unsafe) private static var built: (result: Pipeline.BuildResult, output: URL)?

    private func build() throws -> (result: Pipeline.BuildResult, output: URL) {
        if let built = Self.built { return built }
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Output")
        let options = Pipeline.BuildOptions(root: Fixtures.repositoryRoot, output: output.path, asOf: Fixtures.demoAsOf)
        let result = try Pipeline.build(options)
        Self.built = (result, output)
        return (result, output)
    }

    override class func tearDown() {
        if let output = built?.output { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        super.tearDown()
    }

    private func page(_ path: String) throws -> String {
        try String(contentsOf: try build().output.appendingPathComponent(path), encoding: .utf8)
    }

    func testDemoBuildsWithoutErrors() throws {
        let (result, _) = try build()
        let errors = result.check.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.formatted), [])
        XCTAssertNotNil(result.written)
        XCTAssertGreaterThanOrEqual(result.check.fileCount, 150, "the demo should hold at least 150 content files")
    }

    func testEveryContentFileHasItsPageWithItsTitle() throws {
        let (result, output) = try build()
        XCTAssertEqual(result.check.site.entries.count, result.check.fileCount)
        for entry in result.check.site.entries {
            let path = output.appendingPathComponent(PagePaths.page(for: entry)).path
            guard let html = try? String(contentsOfFile: path, encoding: .utf8) else {
                XCTFail("no page for \(entry.path)")
                continue
            }
            XCTAssertTrue(html.contains("<title>\(entry.id) \(entry.title.htmlEscaped) · "), "title of \(entry.path)")
            XCTAssertTrue(html.contains(entry.path), "source path on \(entry.path)")
        }
    }

    func testDocumentPageShowsItsControlPanelAndHistory() throws {
        let html = try page("documents/PR-06.html")
        XCTAssertTrue(html.contains("文件控制"))
        XCTAssertTrue(html.contains("事件管理程序"))
        XCTAssertTrue(html.contains("赵磊"), "owner")
        XCTAssertTrue(html.contains("修订记录"), "revision history")
        XCTAssertTrue(html.contains("下次评审"), "next review")
        XCTAssertTrue(html.contains("引用本文件的记录与文件"), "records citing the procedure")
        XCTAssertTrue(html.contains("../records/incident/"), "a citing incident links back")
    }

    func testRecordPageShowsFieldsAndLinksToItsProcedure() throws {
        let (result, _) = try build()
        let incident = try XCTUnwrap(result.check.site.entries(ofType: "incident").first { $0.string("procedure") == "PR-06" })
        let html = try page(PagePaths.page(for: incident))
        XCTAssertTrue(html.contains("优先级"), "priority label")
        XCTAssertTrue(html.contains(incident.string("priority") ?? "?"))
        XCTAssertTrue(html.contains("href=\"../../documents/PR-06.html\""), "link to the procedure")
    }

    func testManualIsABookInOrder() throws {
        let index = try page("manual/index.html")
        let first = try XCTUnwrap(index.range(of: "MAN-01.html")), second = try XCTUnwrap(index.range(of: "MAN-02.html"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        let chapter = try page("manual/MAN-02.html")
        XCTAssertTrue(chapter.contains("href=\"MAN-01.html\""), "previous chapter")
        XCTAssertTrue(chapter.contains("href=\"MAN-03.html\""), "next chapter")
    }

    func testRegistersAndIndexesExist() throws {
        let register = try page("documents/index.html")
        XCTAssertTrue(register.contains("PR-01"))
        let records = try page("records/index.html")
        XCTAssertTrue(records.contains("incident/index.html"))
        let incidents = try page("records/incident/index.html")
        XCTAssertTrue(incidents.contains("INC-2026-0031"))
        XCTAssertTrue(try page("index.html").contains("杭州云帆信息技术有限公司"))
        XCTAssertTrue(try page("404.html").contains("页面不存在"))
    }

    func testNoUnresolvedLinkPlaceholdersRemain() throws {
        let (result, output) = try build()
        for entry in result.check.site.entries {
            let html = try String(contentsOf: output.appendingPathComponent(PagePaths.page(for: entry)), encoding: .utf8)
            XCTAssertFalse(html.contains("dossier-link:"), entry.path)
        }
    }
}

extension String {
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

extension DemoSiteTests {
    func testClauseReferencesLinkToTheirClausePages() throws {
        let html = try page("documents/PR-06.html")
        XCTAssertTrue(html.contains("href=\"../clauses/iso20000-1/8.6.1.html\">iso20000-1:8.6.1</a>"), "clauses answered link to their pages")
    }
}
