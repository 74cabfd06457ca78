import Foundation
import XCTest
@testable import DossierKit

final class SearchPagesTests: XCTestCase {
    static let config = Fixtures.minimalConfig + "\nstandards: [iso10002]\n"

    static let chineseProcedure = """
    ---
    id: PR-06
    title: 事件管理程序
    version: "2.0"
    status: approved
    owner: Bob
    approved_by: Ann
    approved_on: 2026-01-10
    ---
    ## 目的

    尽快恢复正常服务，将事件对客户业务的影响降至最低。Restore **service** fast.
    """

    static let hostileRecord = """
    ---
    id: INC-9
    title: "Break </script><script>alert(1)</script> \\u2028 line \\"quoted\\" back\\\\slash"
    opened: 2026-03-01 09:00
    priority: P1
    service: Mail & Web
    status: open
    ---
    Body with <b>raw</b> & a tab\there.
    """

    private func render(language: Language = .en) throws -> [String: Data] {
        let fs = Fixtures.memorySite(config: Self.config, files: [
            "procedures/PR-01.md": Fixtures.procedure,
            "procedures/PR-06.md": Self.chineseProcedure,
            "records/incident/INC-1.md": Fixtures.incident,
            "records/incident/INC-9.md": Self.hostileRecord,
        ])
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.data) })
    }

    private func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(files[path], path), as: UTF8.self)
    }

    /// The object assigned to `window.DOSSIER_SEARCH`, parsed as JSON (the script's literal is JSON).
    private func index(_ files: [String: Data]) throws -> [String: Any] {
        let script = try text(files, "search/index.js")
        let prefix = try XCTUnwrap(script.range(of: "window.DOSSIER_SEARCH = "))
        var literal = String(script[prefix.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(literal.hasSuffix(";"))
        literal.removeLast()
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String: Any])
    }

    private func entries(_ index: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(index["entries"] as? [[String: Any]])
    }

    private func entry(_ index: [String: Any], id: String) throws -> [String: Any] {
        try XCTUnwrap(try entries(index).first { $0["id"] as? String == id }, id)
    }

    func testIndexHasEveryPageWithRelativeURLsAndTypeLabels() throws {
        let index = try index(try render())
        let types = try XCTUnwrap(index["types"] as? [[String: Any]])
        func typeLabel(_ entry: [String: Any]) -> String? { (entry["type"] as? Int).map { types[$0]["label"] as? String ?? "" } }

        let procedure = try entry(index, id: "PR-06")
        XCTAssertEqual(procedure["title"] as? String, "事件管理程序")
        XCTAssertEqual(procedure["url"] as? String, "../documents/PR-06.html")
        XCTAssertEqual(typeLabel(procedure), "Procedures")
        XCTAssertEqual(procedure["text"] as? String, "目的 尽快恢复正常服务，将事件对客户业务的影响降至最低。Restore service fast.",
                       "the body's plain text, without markup")
        let meta = try XCTUnwrap(procedure["meta"] as? String)
        XCTAssertTrue(meta.contains("Bob") && meta.contains("2026-01-10"), meta)
        XCTAssertTrue(meta.contains("approved") && meta.contains("Approved"), "enum values with the theme's word: \(meta)")
        XCTAssertFalse(meta.contains("事件管理程序"), "the title is its own field")

        let incident = try entry(index, id: "INC-1")
        XCTAssertEqual(incident["url"] as? String, "../records/incident/INC-1.html")
        XCTAssertEqual(typeLabel(incident), "Incidents")
        XCTAssertTrue((incident["meta"] as? String ?? "").contains("PR-01"), "references are searchable")

        let clause = try entry(index, id: "iso10002:7.4")
        XCTAssertEqual(clause["url"] as? String, "../" + PagePaths.clausePage(checklist: "iso10002", clause: "7.4"))
        XCTAssertEqual(typeLabel(clause), "Clause")
        XCTAssertFalse((clause["title"] as? String ?? "").isEmpty)

        // Every content file is in the index once; type counts add up.
        let ids = try entries(index).compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(Set(ids).isSuperset(of: ["PR-01", "PR-06", "INC-1", "INC-9"]))
        XCTAssertEqual(types.compactMap { $0["count"] as? Int }.reduce(0, +), ids.count)
        XCTAssertEqual(ids.prefix(2), ["PR-01", "PR-06"], "documents before records")
    }

    func testIndexIsEscapedForAJavaScriptFile() throws {
        let files = try render()
        let script = try text(files, "search/index.js")
        XCTAssertTrue(script.hasPrefix("/* Dossier search index"))
        let body = String(script.drop { $0 != "\n" })
        XCTAssertFalse(body.contains("<"), "no <, so no </script> or <!-- anywhere")
        XCTAssertFalse(body.contains(">"))
        XCTAssertFalse(body.contains("\u{2028}"))
        XCTAssertFalse(body.contains("\u{2029}"))
        XCTAssertTrue(body.contains("\\u003c/script\\u003e"))
        XCTAssertTrue(body.contains("\\u2028"))
        XCTAssertTrue(body.contains("Mail \\u0026 Web"))
        // And it still reads back as the original text.
        let hostile = try entry(try index(files), id: "INC-9")
        XCTAssertEqual(hostile["title"] as? String, "Break </script><script>alert(1)</script> \u{2028} line \"quoted\" back\\slash")
        XCTAssertEqual(hostile["text"] as? String, "Body with raw & a tab here.", "raw HTML is dropped, whitespace collapsed")
    }

    func testLiteralEscapesEveryCharacterThatMatters() {
        XCTAssertEqual(SearchIndex.literal("a\"b\\c\nd\re\tf"), "\"a\\\"b\\\\c\\nd\\re\\tf\"")
        XCTAssertEqual(SearchIndex.literal("</script><!--"), "\"\\u003c/script\\u003e\\u003c!--\"")
        XCTAssertEqual(SearchIndex.literal("x\u{2028}y\u{2029}z"), "\"x\\u2028y\\u2029z\"")
        XCTAssertEqual(SearchIndex.literal("bell\u{7}del\u{7F}"), "\"bell\\u0007del\\u007f\"")
        XCTAssertEqual(SearchIndex.literal("中文 Ünïcode"), "\"中文 Ünïcode\"", "other characters stay as UTF-8, which is compact")
    }

    func testSearchPageHasALabelledFormAFallbackAndTheScripts() throws {
        let files = try render()
        let html = try text(files, PagePaths.searchIndex)
        XCTAssertTrue(html.contains("<h1>Search</h1>"))
        XCTAssertTrue(html.contains("<label for=\"search-q\">Search documents, records and clauses</label>"))
        XCTAssertTrue(html.contains("<input id=\"search-q\" name=\"q\" type=\"search\""))
        XCTAssertTrue(html.contains("<label for=\"search-type\">Type</label>"))
        XCTAssertTrue(html.contains("<option value=\"procedure\">Procedures (2)</option>"))
        XCTAssertTrue(html.contains("<option value=\"clause\">Clause ("))
        XCTAssertTrue(html.contains("role=\"status\""), "results are announced")
        // Without JavaScript: a message and the registers.
        XCTAssertTrue(html.contains("Search runs in your browser and needs JavaScript."))
        for target in ["../manual/index.html", "../documents/index.html", "../records/index.html", "../clauses/index.html"] {
            XCTAssertTrue(html.contains("href=\"\(target)\""), target)
        }
        XCTAssertTrue(html.contains("<script src=\"index.js\"></script>\n<script src=\"../assets/js/search.js\"></script>"))
        XCTAssertFalse(html.contains("fetch("))
        // The interface strings the script shows, in the page's language.
        XCTAssertTrue(html.contains("data-many=\"{n} results for “{q}”\""))
    }

    func testChineseSearchPage() throws {
        let files = try render(language: .zhCN)
        let html = try text(files, PagePaths.searchIndex)
        XCTAssertTrue(html.contains("<label for=\"search-q\">搜索文件、记录和条款</label>"))
        XCTAssertTrue(html.contains("搜索在浏览器中运行，需要启用 JavaScript。"))
        let index = try index(files)
        let types = try XCTUnwrap(index["types"] as? [[String: Any]])
        XCTAssertTrue(types.contains { $0["label"] as? String == "程序文件" })
        XCTAssertTrue(types.contains { $0["label"] as? String == "条款" })
    }

    func testScriptsShipWithTheThemeAndNeverParseIndexTextAsHTML() throws {
        let files = try render()
        let search = try text(files, "assets/js/search.js")
        let tables = try text(files, "assets/js/tables.js")
        XCTAssertTrue(search.contains("window.DOSSIER_SEARCH"))
        XCTAssertTrue(search.contains("URLSearchParams(location.search)"), "?q= in the address runs the search")
        for script in [search, tables] {
            XCTAssertFalse(script.contains("innerHTML"))
            XCTAssertFalse(script.contains("insertAdjacentHTML"))
            XCTAssertFalse(script.contains("fetch("), "fetch() of local files fails from file://")
        }
        XCTAssertTrue(tables.contains("table[data-sortable]"))
        XCTAssertTrue(tables.contains("aria-sort"))
    }

    func testIndexIsDeterministic() throws {
        XCTAssertEqual(try render()["search/index.js"], try render()["search/index.js"])
    }

    func testDemoIndexStaysCompact() throws {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true)
        let theme = try Theme.load(name: "default", root: Fixtures.repositoryRoot, language: .zhCN)
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(result.site)
        let script = try XCTUnwrap(files.first { $0.path == "search/index.js" })
        let source = result.site.entries.map { $0.body.plainText.utf8.count }.reduce(0, +)
        // The page texts plus front matter, field names and a little structure: no bigram tables.
        XCTAssertLessThan(script.data.count, source * 2, "index \(script.data.count) bytes for \(source) bytes of text")
        let text = String(decoding: script.data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"title\": \"事件管理程序\""), "Chinese is stored as UTF-8, not \\u escapes")
    }
}
