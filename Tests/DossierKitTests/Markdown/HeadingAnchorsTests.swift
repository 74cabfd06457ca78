import XCTest
import CCmark
@testable import DossierKit

final class HeadingAnchorsTests: XCTestCase {
    func testSlugOfASCIIHeading() {
        XCTAssertEqual(HeadingSlug.slug(for: "Scope and Purpose"), "scope-and-purpose")
        XCTAssertEqual(HeadingSlug.slug(for: "  Leading   and trailing  "), "leading-and-trailing")
    }

    func testSlugKeepsChineseAndOtherLetters() {
        XCTAssertEqual(HeadingSlug.slug(for: "组织环境"), "组织环境")
        XCTAssertEqual(HeadingSlug.slug(for: "Qualité Générale"), "qualité-générale")
        XCTAssertEqual(HeadingSlug.slug(for: "Über Änderungen"), "über-änderungen")
    }

    func testSlugDropsPunctuationAndCollapsesDashes() {
        XCTAssertEqual(HeadingSlug.slug(for: "Scope & Purpose!"), "scope-purpose")
        XCTAssertEqual(HeadingSlug.slug(for: "What's new? (v2.0)"), "whats-new-v20")
        XCTAssertEqual(HeadingSlug.slug(for: "A -- B — C"), "a-b-c")
        XCTAssertEqual(HeadingSlug.slug(for: "snake_case stays"), "snake_case-stays")
    }

    func testSlugOfNumberedHeadings() {
        XCTAssertEqual(HeadingSlug.slug(for: "4.1 组织环境"), "41-组织环境")
        XCTAssertEqual(HeadingSlug.slug(for: "7.5.3 Control of documented information"), "753-control-of-documented-information")
    }

    func testEmptySlugBecomesSection() {
        XCTAssertEqual(HeadingSlug.slug(for: "!!!"), "section")
        XCTAssertEqual(HeadingSlug.slug(for: "🙂"), "section")
    }

    /// The byte path for ASCII headings slugs exactly as the scalar path, on every ASCII byte and on
    /// random mixes (non-ASCII text falls back to the scalar path).
    func testByteSlugEqualsScalarSlug() {
        var samples = ["", " ", "Scope and Purpose", "  a\tb\r\nc\u{0B}d\u{0C}e  ", "-x-", "A -- B — C", "Qualité", "4.1 组织环境",
                       "执行记录", "4.2 相关方（需求）", "ひらがな カタカナ", "한국어 제목", "䷀卦", "一丂鿿\u{9FFF}", "\u{3400}\u{4DBF}\u{4DC0}"]
        samples.append(String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self))
        var generator = SystemRandomNumberGenerator()
        // Three-byte letters and non-letters side by side: ideographs, kana, Hangul, the hexagram
        // symbol U+4DC0 just past Extension A, full-width punctuation and the ideographic space.
        let alphabet = Array("aZ09_- \t\r\n.!#&'()éÉ组🙂\u{0301}记ア한䷀（、\u{3000}\u{3400}\u{4DBF}\u{9FFF}\u{A000}".unicodeScalars)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...12, using: &generator)
            samples.append(String(String.UnicodeScalarView((0..<count).map { _ in alphabet.randomElement(using: &generator)! })))
        }
        for text in samples {
            XCTAssertEqual(HeadingSlug.slugBytes(forUTF8: Array(text.utf8), text: text), HeadingSlug.slugBytes(for: text), text)
        }
    }

    /// Headings of one text node take a short cut in `PlainText.inlineTextBytes`: same text as the walk.
    func testInlineTextBytesEqualsInlineText() {
        let source = "# Plain\n\n##   Spaces   inside  \n\n## With `code` and *em*\n\nSetext\n===\n\n## 中文 标题\n\n##\n"
        var checked = 0
        CmarkTree.withDocument(parsing: source, options: 0) { document in
            document.walk { event, node in
                guard event == .enter, node.type == CMARK_NODE_HEADING else { return }
                checked += 1
                XCTAssertEqual(String(decoding: PlainText.inlineTextBytes(of: node), as: UTF8.self),
                               PlainText.inlineText(of: node))
            }
        }
        XCTAssertEqual(checked, 6)
    }

    func testHeadingsGetIDsInHTMLAndAreReported() {
        let parsed = MarkdownParser().parse("""
            # Quality *Manual*

            Intro text.

            ## 4.1 组织环境
            """, firstLine: 7)
        XCTAssertEqual(parsed.html, """
            <h1 id="quality-manual">Quality <em>Manual</em></h1>
            <p>Intro text.</p>
            <h2 id="41-组织环境">4.1 组织环境</h2>

            """)
        XCTAssertEqual(parsed.headings, [
            MarkdownHeading(level: 1, text: "Quality Manual", anchor: "quality-manual", line: 7),
            MarkdownHeading(level: 2, text: "4.1 组织环境", anchor: "41-组织环境", line: 11),
        ])
    }

    func testDuplicateHeadingsGetNumberedAnchors() {
        let parsed = MarkdownParser().parse("## Notes\n\n## Notes\n\n### Notes\n\n## Notes-1\n\n## !!\n\n## ??\n", firstLine: 1)
        XCTAssertEqual(parsed.headings.map(\.anchor), ["notes", "notes-1", "notes-2", "notes-1-1", "section", "section-1"])
        XCTAssertTrue(parsed.html.contains(#"<h3 id="notes-2">Notes</h3>"#), parsed.html)
    }

    func testSetextHeadingsAndHeadingsInContainers() {
        let parsed = MarkdownParser().parse("Title\n=====\n\n> ## Quoted\n\n- ### In a list\n", firstLine: 3)
        XCTAssertEqual(parsed.headings, [
            MarkdownHeading(level: 1, text: "Title", anchor: "title", line: 3),
            MarkdownHeading(level: 2, text: "Quoted", anchor: "quoted", line: 6),
            MarkdownHeading(level: 3, text: "In a list", anchor: "in-a-list", line: 8),
        ])
        XCTAssertTrue(parsed.html.contains("<blockquote>\n<h2 id=\"quoted\">Quoted</h2>\n</blockquote>"), parsed.html)
        XCTAssertTrue(parsed.html.contains("<li>\n<h3 id=\"in-a-list\">In a list</h3>\n</li>"), parsed.html)
    }

    func testHeadingTextIncludesCodeAndLinkLabelsAndKeepsLinksWorking() {
        let parsed = MarkdownParser().parse("## The `dossier` tool and [[PR-03|audits]]\n", firstLine: 1)
        XCTAssertEqual(parsed.headings.first?.text, "The dossier tool and audits")
        XCTAssertEqual(parsed.headings.first?.anchor, "the-dossier-tool-and-audits")
        XCTAssertEqual(parsed.html,
                       "<h2 id=\"the-dossier-tool-and-audits\">The <code>dossier</code> tool and <a href=\"dossier-link:0\">audits</a></h2>\n")
        XCTAssertEqual(parsed.links, [MarkdownLink(target: .contentID(id: "PR-03", anchor: nil), line: 1, column: 27)])
    }
}
