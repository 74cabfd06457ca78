import XCTest
@testable import DossierKit

final class PipeTablesTests: XCTestCase {
    private func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        MarkdownParser(allowRawHTML: allowRawHTML).parse(markdown, firstLine: 1).html
    }

    func testBasicTable() {
        let output = html("""
            | Role | Owner |
            | --- | --- |
            | QA | Ana |
            | IT | Ben |
            """)
        XCTAssertEqual(output, """
            <div class="table-wrap"><table>
            <thead>
            <tr>
            <th>Role</th><th>Owner</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>QA</td><td>Ana</td>
            </tr>
            <tr>
            <td>IT</td><td>Ben</td>
            </tr>
            </tbody>
            </table></div>

            """)
    }

    func testAlignmentWithoutOuterPipes() {
        let output = html("""
            Left | Center | Right | None
            :--- | :----: | ----: | ---
            a | b | c | d
            """)
        XCTAssertTrue(output.contains(#"<th style="text-align:left">Left</th>"#), output)
        XCTAssertTrue(output.contains(#"<th style="text-align:center">Center</th>"#), output)
        XCTAssertTrue(output.contains(#"<th style="text-align:right">Right</th>"#), output)
        XCTAssertTrue(output.contains("<th>None</th>"), output)
        XCTAssertTrue(output.contains(#"<td style="text-align:left">a</td><td style="text-align:center">b</td>"#), output)
        XCTAssertTrue(output.contains(#"<td style="text-align:right">c</td><td>d</td>"#), output)
    }

    func testEscapedPipeStaysInCellAlsoInCode() {
        let output = html("""
            | Expression | Meaning |
            |---|---|
            | `a \\| b` | a or b \\| c |
            """)
        XCTAssertTrue(output.contains("<td><code>a | b</code></td><td>a or b | c</td>"), output)
    }

    func testInlineMarkupInCellsIsRenderedWithoutParagraphs() {
        let output = html("""
            | Step | Note |
            |------|------|
            | **Approve** | see *annex* and `cfg` |
            """)
        XCTAssertTrue(output.contains("<td><strong>Approve</strong></td><td>see <em>annex</em> and <code>cfg</code></td>"),
                      output)
        XCTAssertFalse(output.contains("<p>"), output)
    }

    func testCellsThatLookLikeBlocksStayInline() {
        let output = html("""
            | # | Item |
            |---|---|
            | 1. | - dash |
            """)
        XCTAssertTrue(output.contains("<th>#</th><th>Item</th>"), output)
        XCTAssertTrue(output.contains("<td>1.</td><td>- dash</td>"), output)
    }

    func testCellsWithMarkupThatLookLikeBlocksStayInline() {
        let output = html("""
            | a | b | c |
            |---|---|---|
            | # **x** | > *q* | 2. `y` |
            | --- | ``` | **z** |
            """)
        XCTAssertTrue(output.contains("<td># <strong>x</strong></td><td>&gt; <em>q</em></td><td>2. <code>y</code></td>"), output)
        XCTAssertTrue(output.contains("<td>---</td><td>```</td><td><strong>z</strong></td>"), output)
    }

    func testTableInsideListItem() {
        let output = html("""
            - Responsibilities:

              | Role | Task |
              | ---- | ---- |
              | QA   | test |
            - next
            """)
        XCTAssertTrue(output.contains("<li>\n<p>Responsibilities:</p>\n<div class=\"table-wrap\"><table>"), output)
        XCTAssertTrue(output.contains("<td>QA</td><td>test</td>"), output)
        XCTAssertTrue(output.contains("</table></div>\n</li>\n<li>\n<p>next</p>"), output)
    }

    func testTableAsTheFirstBlockOfATightListItem() {
        let output = html("""
            1. | a | b |
               |---|---|
               | 1 | 2 |
            2. plain
            """)
        XCTAssertTrue(output.hasPrefix("<ol>\n<li>\n<div class=\"table-wrap\"><table>"), output)
        XCTAssertTrue(output.contains("<td>1</td><td>2</td>"), output)
        XCTAssertTrue(output.contains("<li>plain</li>"), output)
    }

    func testTableInsideBlockQuoteWithLazyRow() {
        let output = html("""
            > | a | b |
            > |---|--:|
            > | 1 | 2 |
            | 3 | 4 |
            """)
        XCTAssertTrue(output.hasPrefix("<blockquote>\n<div class=\"table-wrap\"><table>"), output)
        XCTAssertTrue(output.contains(#"<td>1</td><td style="text-align:right">2</td>"#), output)
        XCTAssertTrue(output.contains(#"<td>3</td><td style="text-align:right">4</td>"#), output)
    }

    func testParagraphThatIsNotATableIsUntouched() {
        XCTAssertEqual(html("a | b\nnot a delimiter\n"), "<p>a | b\nnot a delimiter</p>\n")
        // The header has three cells, the delimiter row two.
        XCTAssertEqual(html("| a | b | c |\n| --- | --- |\n"), "<p>| a | b | c |\n| --- | --- |</p>\n")
        // A delimiter row needs dashes in every cell.
        XCTAssertEqual(html("| a | b |\n| --- | x |\n"), "<p>| a | b |\n| --- | x |</p>\n")
        // One line is not a table.
        XCTAssertEqual(html("| a | b |\n"), "<p>| a | b |</p>\n")
    }

    func testUnevenRowsArePaddedAndTrimmed() {
        let output = html("""
            | a | b | c |
            |---|---|---|
            | 1 |
            | 1 | 2 | 3 | 4 | 5 |
            """)
        XCTAssertTrue(output.contains("<td>1</td><td></td><td></td>"), output)
        XCTAssertTrue(output.contains("<td>1</td><td>2</td><td>3</td>\n</tr>"), output)
        XCTAssertFalse(output.contains("<td>4</td>"), output)
    }

    func testHeaderOnlyTableHasNoBody() {
        let output = html("| a | b |\n|---|---|\n")
        XCTAssertTrue(output.contains("</thead>\n</table></div>"), output)
        XCTAssertFalse(output.contains("<tbody>"), output)
    }

    func testTableAfterLinkReferenceDefinition() {
        let output = html("""
            [iso]: https://www.iso.org
            | Standard | Link |
            |---|---|
            | 9001 | [ISO][iso] |
            """)
        XCTAssertTrue(output.contains("<th>Standard</th><th>Link</th>"), output)
        XCTAssertTrue(output.contains("<td>9001</td>"), output)
    }

    func testRawHTMLInCellsFollowsTheMode() {
        let markdown = "| a |\n|---|\n| <b>x</b> |\n| <br> |\n"
        let safe = html(markdown)
        XCTAssertFalse(safe.contains("<b>"), safe)
        XCTAssertFalse(safe.contains("<br>"), safe)
        let unsafe = html(markdown, allowRawHTML: true)
        XCTAssertTrue(unsafe.contains("<td><b>x</b></td>"), unsafe)
        XCTAssertTrue(unsafe.contains("<td><br></td>"), unsafe)
    }

    func testWikiLinkBarDoesNotSplitACell() {
        let parsed = MarkdownParser().parse("| Owner | Role |\n|---|---|\n| [[P-1|Ana]] | QA |\n", firstLine: 1)
        XCTAssertTrue(parsed.html.contains(#"<td><a href="dossier-link:0">Ana</a></td><td>QA</td>"#), parsed.html)
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentID(id: "P-1", anchor: nil), line: 3, column: 3)])
    }

    func testLinksInCellsAreCollectedWithTheirPositions() {
        let parsed = MarkdownParser().parse("""
            | Procedure | See |
            |---|---|
            | [Audits](PR-03.md#scope) | [[PR-04\\|fourth]] |
            """, firstLine: 5)
        XCTAssertEqual(parsed.links, [
            MarkdownLink(target: .contentPath(path: "PR-03.md", anchor: "scope"), line: 7, column: 3),
            MarkdownLink(target: .contentID(id: "PR-04", anchor: nil), line: 7, column: 30),
        ])
        XCTAssertTrue(parsed.html.contains(#"<td><a href="dossier-link:0">Audits</a></td>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<td><a href="dossier-link:1">fourth</a></td>"#), parsed.html)
    }
}
