import XCTest
@testable import DossierKit

final class PlainTextTests: XCTestCase {
    func testPlainTextDropsMarkupAndCollapsesWhitespace() {
        let parsed = MarkdownParser().parse("""
            # Quality   *Manual*

            The **scope** covers [audits](PR-03.md) and
            `tools`.<br>

            - one
            - two

            ```
            code   block
            ```
            """, firstLine: 1)
        XCTAssertEqual(parsed.plainText, "Quality Manual The scope covers audits and tools. one two code block")
    }

    func testPlainTextSeparatesTableCellsAndKeepsWikiLabelsAndImageText() {
        let parsed = MarkdownParser().parse("""
            | Role | Owner |
            |---|---|
            | QA | [[P-1|Ana]] |

            ![Org chart](org.png)
            """, firstLine: 1)
        XCTAssertEqual(parsed.plainText, "Role Owner QA Ana Org chart")
    }

    func testPlainTextOfChineseAndEntities() {
        let parsed = MarkdownParser().parse("组织 &amp; 环境\n\n第二段", firstLine: 1)
        XCTAssertEqual(parsed.plainText, "组织 & 环境 第二段")
    }

    func testEmptyBody() {
        XCTAssertEqual(MarkdownParser().parse("", firstLine: 4), ParsedMarkdown())
        XCTAssertEqual(MarkdownParser().parse("\n\n", firstLine: 4), ParsedMarkdown())
    }
}
