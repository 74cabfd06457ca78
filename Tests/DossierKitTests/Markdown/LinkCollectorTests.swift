import XCTest
@testable import DossierKit

final class LinkCollectorTests: XCTestCase {
    private func parse(_ markdown: String, firstLine: Int = 1) -> ParsedMarkdown {
        MarkdownParser().parse(markdown, firstLine: firstLine)
    }

    func testRelativeMarkdownLinkWithAnchorIsRewritten() {
        let parsed = parse("See [audits](../procedures/PR-03.md#scope \"Audits\").\n")
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentPath(path: "../procedures/PR-03.md", anchor: "scope"), line: 1, column: 5),
        ])
        XCTAssertEqual(parsed.html, "<p>See <a href=\"dossier-link:0\" title=\"Audits\">audits</a>.</p>\n")
    }

    func testContentPathIsPercentDecoded() {
        let parsed = parse("[a](my%20file.md) [b](<other file.MD#Sec%C3%A9>)\n")
        XCTAssertEqual(parsed.links.map(\.target), [
            .contentPath(path: "my file.md", anchor: nil),
            .contentPath(path: "other file.MD", anchor: "Secé"),
        ])
    }

    func testWikiLinkForms() {
        let parsed = parse("Read [[PR-03]], [[PR-03#scope]] and [[ PR-04 | the audit procedure ]].\n")
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentID(id: "PR-03", anchor: nil), line: 1, column: 6),
            MarkdownLink(target: .contentID(id: "PR-03", anchor: "scope"), line: 1, column: 17),
            MarkdownLink(target: .contentID(id: "PR-04", anchor: nil), line: 1, column: 37),
        ])
        XCTAssertEqual(parsed.html, """
            <p>Read <a href="dossier-link:0">PR-03</a>, <a href="dossier-link:1">PR-03</a> and \
            <a href="dossier-link:2">the audit procedure</a>.</p>

            """)
    }

    func testNotWikiLinks() {
        let parsed = parse("\\[[PR-03]] [[]] [[#x]] [[a\nb]] [[a[b]]\n")
        XCTAssertEqual(parsed.links, [])
        XCTAssertFalse(parsed.html.contains("<a"), parsed.html)
    }

    func testExternalLinksAreRecordedAndUntouched() {
        let parsed = parse("[w](https://example.org/a?b=1) <mailto:qa@example.org> [f](files/form.pdf) [t](tel:+41)\n")
        XCTAssertEqual(parsed.links.map(\.target), [
            .external("https://example.org/a?b=1"),
            .external("mailto:qa@example.org"),
            .external("files/form.pdf"),
            .external("tel:+41"),
        ])
        XCTAssertTrue(parsed.html.contains(#"<a href="https://example.org/a?b=1">w</a>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<a href="mailto:qa@example.org">mailto:qa@example.org</a>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<a href="files/form.pdf">f</a>"#), parsed.html)
        XCTAssertFalse(parsed.html.contains("dossier-link"), parsed.html)
    }

    func testAnchorOnlyLink() {
        let parsed = parse("Back to [scope](#scope-and-purpose).\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .anchor("scope-and-purpose"), line: 1, column: 9)])
        XCTAssertTrue(parsed.html.contains(##"<a href="#scope-and-purpose">scope</a>"##), parsed.html)
    }

    func testImagesAreRecordedOnlyWhenTheyPointAtMarkdown() {
        let parsed = parse("![logo](img/logo.png) ![odd](PR-03.md)\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentPath(path: "PR-03.md", anchor: nil), line: 1, column: 23)])
        XCTAssertTrue(parsed.html.contains(#"<img src="img/logo.png" alt="logo" />"#), parsed.html)
    }

    func testLinesAndColumnsAreOffsetByFirstLine() {
        let parsed = parse("""
            # Title

            Some text with a [link](a.md)
            and a second line with [[B-1]].

            > quoted [q](q.md)
            """, firstLine: 6)
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentPath(path: "a.md", anchor: nil), line: 8, column: 18),
            MarkdownLink(target: .contentID(id: "B-1", anchor: nil), line: 9, column: 24),
            MarkdownLink(target: .contentPath(path: "q.md", anchor: nil), line: 11, column: 10),
        ])
        XCTAssertEqual(parsed.headings.first?.line, 6)
    }

    func testColumnsCountCharactersNotBytes() {
        let parsed = parse("质量手册见 [手册](manual.md)\n")
        XCTAssertEqual(parsed.links.first?.column, 7)
    }

    func testLinksInsideCodeAreNotCollected() {
        let parsed = parse("""
            Use `[x](a.md)` and `[[PR-03]]`.

                [y](b.md) [[PR-04]]

            ```
            [z](c.md)
            ```
            """)
        XCTAssertEqual(parsed.links, [])
        XCTAssertTrue(parsed.html.contains("<code>[[PR-03]]</code>"), parsed.html)
    }

    func testWikiLinkInsideLinkTextIsNotNested() {
        let parsed = parse("[see [[PR-03]] here](https://example.org)\n")
        XCTAssertEqual(parsed.links.map(\.target), [.external("https://example.org")])
    }

    func testEmptyDestinationIsNotRecorded() {
        XCTAssertEqual(parse("[nothing]()\n").links, [])
    }

    // cmark 0.30 places inline nodes wrongly in these cases; the positions must still point at the link.

    func testPositionsAfterLinkReferenceDefinitions() {
        let parsed = parse("[ref]: https://example.org\n[r2]:\n  /x\nText [a](a.md)\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentPath(path: "a.md", anchor: nil), line: 4, column: 6)])
    }

    func testPositionsAfterBackslashHardBreakAndInLazyLines() {
        let parsed = parse("one\\\ntwo [a](a.md)\n\n> quote\nlazy [b](b.md)\n\n- item\n     indented [c](c.md)\n")
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentPath(path: "a.md", anchor: nil), line: 2, column: 5),
            MarkdownLink(target: .contentPath(path: "b.md", anchor: nil), line: 5, column: 6),
            MarkdownLink(target: .contentPath(path: "c.md", anchor: nil), line: 8, column: 15),
        ])
    }

    func testPositionsAfterCodeSpanOrRawHTMLAcrossLines() {
        let parsed = parse("a `code\nspan` [x](x.md)\nnext [y](y.md)\n\nb <span\nclass=\"k\"> [z](z.md)\n")
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentPath(path: "x.md", anchor: nil), line: 2, column: 7),
            MarkdownLink(target: .contentPath(path: "y.md", anchor: nil), line: 3, column: 6),
            MarkdownLink(target: .contentPath(path: "z.md", anchor: nil), line: 6, column: 12),
        ])
    }

    func testWikiLinkColumnAfterEscapesAndEntities() {
        let parsed = parse("a \\* &amp; [[PR-03]]\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentID(id: "PR-03", anchor: nil), line: 1, column: 12)])
    }

    func testCRLFLineEndings() {
        let parsed = parse("# T\r\n\r\nx\r\n[a](a.md)\r\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentPath(path: "a.md", anchor: nil), line: 4, column: 1)])
    }
}
