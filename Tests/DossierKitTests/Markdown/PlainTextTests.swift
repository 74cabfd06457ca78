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

    /// The collapsing is written in one pass over the bytes; it must give what splitting the text's
    /// words and joining them with one space gives, across nodes that start or end in white space.
    func testCollapsingMatchesSplittingAndJoining() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", " ", "  ", "\t", "\n", "\r\n", "组织", "x\u{0B}y", "\u{0C}", "——", "é"]
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            // Fenced code blocks: their text reaches the collapsing as written.
            let body = lines.map { "```\n" + $0 + "\n```" }.joined(separator: "\n\n")
            let parsed = MarkdownParser().parse(body, firstLine: 1)
            let words = lines.joined(separator: " ").split { $0.isASCII && $0.isWhitespace || $0 == "\r\n" }
            XCTAssertEqual(parsed.plainText, words.joined(separator: " "), "body: \(body.debugDescription)")
        }
    }

    /// A long body's text, written into room that grows as it fills (from 256 bytes, doubling), is
    /// the same as splitting and joining, from its first word to its last.
    func testLongBodiesCollapseLikeShortOnes() {
        var generator = SplitMix64(seed: 0x7E47)
        let words = ["质量", "手册", "audit", "PR-06", "——", "a", "“引用”", "x\ty", "SLA  target"]
        for paragraphs in [1, 7, 40, 300, 2_000] {
            let body = (0..<paragraphs).map { index -> String in
                (0..<(1 + Int(generator.next() % 12))).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                    .joined(separator: index % 3 == 0 ? "\n" : " ")
            }.joined(separator: "\n\n")
            let parsed = MarkdownParser().parse(body, firstLine: 1)
            let expected = body.split { $0 == " " || $0 == "\n" || $0 == "\t" }.joined(separator: " ")
            XCTAssertEqual(parsed.plainText, expected, "\(paragraphs) paragraphs")
            XCTAssertEqual(parsed.plainTextUTF8.count, expected.utf8.count)
        }
    }

    /// A body's plain text is collapsed as the search index collapses its texts, ideographic spaces
    /// (U+3000) included, so the index takes it as it is; so is plain text given from outside.
    func testPlainTextIsCollapsedForTheSearchIndex() {
        let parsed = MarkdownParser().parse("\u{3000}组织\u{3000}\u{3000}环境 \u{3000} 范围\n\n第二段\u{3000}", firstLine: 1)
        XCTAssertEqual(parsed.plainText, "组织 环境 范围 第二段")
        XCTAssertEqual(parsed.plainTextUTF8, SearchIndex.collapsedUTF8(parsed.plainText))
        var given = ParsedMarkdown(plainText: " a \u{3000} b\t\n")
        XCTAssertEqual(given.plainText, "a b")
        given.plainTextUTF8 = Array("\u{3000}c  d\u{3000}".utf8)
        XCTAssertEqual(given.plainText, "c d")
        // Headings keep U+3000 as text: only the index's text treats it as white space.
        XCTAssertEqual(MarkdownParser().parse("# 第一章\u{3000}总则", firstLine: 1).headings.first?.text, "第一章\u{3000}总则")
    }
}
