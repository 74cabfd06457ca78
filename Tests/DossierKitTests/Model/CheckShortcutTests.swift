import XCTest
@testable import DossierKit

/// What `dossier check` skips or shares must not change what it finds: entries copy on write, a body
/// parsed without rendering has the same headings and links, and links resolved in parallel are the
/// ones resolved entry by entry.
final class CheckShortcutTests: XCTestCase {
    private func entry(_ id: String) -> Entry {
        Entry(id: id, type: "incident", category: .record, path: "Content/\(id).md", title: "Title \(id)",
              frontMatter: YAMLNode(.mapping([]), line: 2, column: 1), body: ParsedMarkdown())
    }

    func testEntryCopiesDoNotShareChanges() {
        let original = entry("A")
        var copy = original
        copy.title = "Changed"
        copy.resolvedLinks.append(ResolvedLink(targetID: "B", anchor: nil))
        copy.body.html = "<p>x</p>"
        XCTAssertEqual(original.title, "Title A")
        XCTAssertEqual(original.resolvedLinks, [])
        XCTAssertEqual(original.body.html, "")
        XCTAssertEqual(copy.title, "Changed")
        XCTAssertEqual(copy.resolvedLinks, [ResolvedLink(targetID: "B", anchor: nil)])

        var entries = [original, original]
        entries[1].id = "C"
        XCTAssertEqual(entries.map(\.id), ["A", "C"])
    }

    func testBodyParsedWithoutRenderingHasTheSameHeadingsAndLinks() {
        let body = """
        # Scope

        See [[PR-01]] and [the plan](../procedures/PR-02.md#scope), ![img](a.png), ![doc](x.md).

        ## Scope

        ## With [[PR-03|a link]] inside

        | a | b |
        |---|---|
        | [[INC-1]] | [x](https://example.com) |

        > ## Quoted `code` heading
        > [[PR-04#scope]] [local](#scope)

        - item [[PR-05]]
        """
        let rendering = MarkdownParser(rendersHTML: true).parse(body, firstLine: 7)
        let checking = MarkdownParser(rendersHTML: false).parse(body, firstLine: 7)
        XCTAssertEqual(checking.headings, rendering.headings)
        XCTAssertEqual(checking.links, rendering.links)
        XCTAssertEqual(rendering.headings.count, 4)
        XCTAssertEqual(rendering.links.count, 9)  // the PNG image is no link to a content file
    }

    func testParallelLinkResolutionMatchesOneEntryAtATime() throws {
        let root = Fixtures.repositoryRoot
        let source = try SiteSource.read(root: root)
        let site = try SiteParser(rendersBodies: false).parse(source).site
        let resolver = LinkResolver()
        let all = resolver.resolve(site.entries, index: site.indexByID)
        let pathIndex = LinkResolver.pathIndex(site.entries)
        var links: [[ResolvedLink?]] = []
        var diagnostics: [Diagnostic] = []
        for entry in site.entries {
            let one = resolver.resolve(entry, among: site.entries, index: site.indexByID, pathIndex: pathIndex)
            links.append(one.links)
            diagnostics += one.diagnostics
        }
        XCTAssertGreaterThan(links.joined().count, 10)
        XCTAssertEqual(all.links, links)
        XCTAssertEqual(all.diagnostics, diagnostics)
    }

    func testEntriesOfATypeComeFromTheIndexInPathOrder() throws {
        let site = try SiteParser(rendersBodies: false).parse(try SiteSource.read(root: Fixtures.repositoryRoot)).site
        let types = Set(site.entries.map(\.type))
        XCTAssertGreaterThan(types.count, 10)
        for type in types.sorted() + ["no-such-type"] {
            let filtered = site.entries.filter { $0.type == type }
            XCTAssertEqual(site.entries(ofType: type).map(\.path), filtered.map(\.path), type)
            XCTAssertEqual(site.entryIndices(ofType: type).map { site.entries[$0].path }, filtered.map(\.path), type)
        }
        XCTAssertEqual(types.map { site.entryIndices(ofType: $0).count }.reduce(0, +), site.entries.count)
    }

    func testClauseLookUpThroughSetsMatchesTheChecklistsOwnSearch() {
        let checklists = Dictionary(BuiltInData.parsedBuiltInChecklists().checklists.map { ($0.id, $0) },
                                    uniquingKeysWith: { a, _ in a })
        let clauseIDs = checklists.mapValues { Set($0.clauses.map(\.id)) }
        var texts = ["nope:1", "iso9001", ":4", "iso9001:", "iso9001:4.14", "iso9001:99", "ISO9001:4.1"]
        for (id, checklist) in checklists {
            for clause in checklist.clauses {
                texts += ["\(id):\(clause.id)", "\(id):\(clause.id).9", "\(id):\(clause.id)x", "\(id): \(clause.id)"]
            }
        }
        XCTAssertGreaterThan(texts.count, 100)
        for text in texts {
            let value = FieldValue(label: "clauses[0]", field: "clauses", kind: .clause, text: text,
                                   location: SourceLocation(path: "Content/x.md", line: 3, column: 5))
            XCTAssertEqual(ReferenceRule.clause(value, checklists: checklists, clauseIDs: clauseIDs),
                           ReferenceRule.clause(value, checklists: checklists), text)
        }
    }
}
