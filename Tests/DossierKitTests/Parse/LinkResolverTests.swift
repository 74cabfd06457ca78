import XCTest
@testable import DossierKit

final class LinkResolverTests: XCTestCase {
    func testNormalizesRelativePaths() {
        XCTAssertEqual(LinkResolver.normalize("../procedures/PR-03.md", from: "manual/MAN-01.md"), "procedures/PR-03.md")
        XCTAssertEqual(LinkResolver.normalize("./PR-04.md", from: "procedures/PR-03.md"), "procedures/PR-04.md")
        XCTAssertEqual(LinkResolver.normalize("../../../procedures/PR-06.md", from: "records/incident/2026/INC-1.md"),
                       "procedures/PR-06.md")
        XCTAssertNil(LinkResolver.normalize("../../etc/passwd.md", from: "manual/MAN-01.md"))
        XCTAssertNil(LinkResolver.normalize("/etc/passwd.md", from: "manual/MAN-01.md"))
    }

    private func site(_ files: [String: String]) throws -> SiteParser.Result {
        let fs = Fixtures.memorySite(files: files)
        return try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs))
    }

    func testWikiAndPathLinksResolveToEntries() throws {
        let result = try site([
            "procedures/PR-01.md": Fixtures.procedure,
            "records/incident/INC-1.md": Fixtures.incident + "\nSee [the procedure](../../procedures/PR-01.md#purpose).\n",
        ])
        XCTAssertEqual(result.diagnostics.filter { $0.rule.hasPrefix("ref.") }, [])
        let incident = try XCTUnwrap(result.site.entry(id: "INC-1"))
        XCTAssertEqual(incident.resolvedLinks, [ResolvedLink(targetID: "PR-01", anchor: "purpose")])
        let procedure = try XCTUnwrap(result.site.entry(id: "PR-01"))
        XCTAssertEqual(procedure.resolvedLinks, [ResolvedLink(targetID: "INC-1", anchor: nil)])
    }

    func testThePathIndexIsMadeOnlyWhenSomeEntryLinksByPath() throws {
        let byID = try site(["procedures/PR-01.md": Fixtures.procedure, "records/incident/INC-1.md": Fixtures.incident])
        XCTAssertEqual(LinkResolver.pathIndexIfLinked(byID.site.entries), [:], "wiki links only: nothing looks paths up")
        let byPath = try site([
            "procedures/PR-01.md": Fixtures.procedure,
            "records/incident/INC-1.md": Fixtures.incident + "\nSee [the procedure](../../procedures/PR-01.md).\n",
        ])
        let index = LinkResolver.pathIndexIfLinked(byPath.site.entries)
        XCTAssertEqual(index, LinkResolver.pathIndex(byPath.site.entries))
        XCTAssertEqual(index.keys.sorted(), ["procedures/PR-01.md", "records/incident/INC-1.md"])
    }

    func testDanglingLinksAnchorsAndEscapesAreDiagnosed() throws {
        let result = try site([
            "procedures/PR-01.md": Fixtures.procedure.replacingOccurrences(of: "[[INC-1]]", with:
                "[[INC-9]], [x](PR-02.md), [y](../../../outside.md) and [z](PR-01.md#nowhere)"),
        ])
        let rules = result.diagnostics.filter { $0.rule.hasPrefix("ref.") }.map(\.rule)
        XCTAssertEqual(rules.sorted(), ["ref.anchor", "ref.escape", "ref.link", "ref.link"])
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.location?.line == 14 || !$0.rule.hasPrefix("ref.") })
    }

    func testDuplicateIDsNameBothPlaces() throws {
        let result = try site([
            "procedures/PR-01.md": Fixtures.procedure,
            "procedures/old/PR-01.md": Fixtures.procedure,
            "policies/pr-01.md": "---\nid: pr-01\ntitle: Lower\n---\n",
        ])
        let duplicates = result.diagnostics.filter { $0.rule == "ref.duplicate-id" }
        XCTAssertEqual(duplicates.count, 2)
        XCTAssertTrue(duplicates.contains { $0.message.contains("differs only in case") })
        XCTAssertTrue(duplicates.contains { $0.message.contains("Content/procedures/") || $0.message.contains("Content/policies/") })
        // The parser makes the id index beside the other passes; it must be the one `Site` makes itself:
        // the first file in path order wins, and both spellings are ids of their own.
        let site = result.site
        XCTAssertEqual(site.indexByID, Site(config: site.config, catalog: site.catalog, entries: site.entries).indexByID)
        XCTAssertEqual(site.entry(id: "PR-01")?.path, "Content/procedures/PR-01.md")
        XCTAssertEqual(site.entry(id: "pr-01")?.path, "Content/policies/pr-01.md")
    }
}
