import XCTest
@testable import DossierKit

/// Random mixes of tricky Markdown fragments: the parser must not crash, and what it reports must
/// be consistent with its HTML.
final class MarkdownParserRobustnessTests: XCTestCase {
    private let fragments = [
        "| a | b |", "|---|:-:|", "| 1 \\| 2 | [[X|y]] |", "> ", "- ", "1. ", "   ", "\t", "# ", "Title", "===",
        "[[PR-03]]", "[[", "]]", "\\[[A]]", "[l](a.md#x)", "[l](", "![i](b.md)", "<span", "class=x>", "`", "``",
        "code`", "&amp;", "&#91;", "[r]: /u", "[r]", "***", "```", "~~~", "<div>", "\\", "  ", "组织", "é", "\r\n",
        "\n", "\n\n", "<http://x.y>", "*em*", "_", "|", ":", "-", "[x]:", "\u{0}",
    ]

    func testRandomDocumentsDoNotCrashAndStayConsistent() {
        var generator = SplitMix64(seed: 42)
        for parserIndex in 0..<2 {
            let parser = MarkdownParser(allowRawHTML: parserIndex == 1)
            for _ in 0..<1500 {
                var body = ""
                for _ in 0..<Int.random(in: 1...40, using: &generator) {
                    body += fragments.randomElement(using: &generator) ?? ""
                    if Bool.random(using: &generator) { body += Bool.random(using: &generator) ? "\n" : " " }
                }
                let parsed = parser.parse(body, firstLine: 3)
                let references = parsed.html.components(separatedBy: "dossier-link:").count - 1
                XCTAssertLessThanOrEqual(references, parsed.links.count, body)
                for link in parsed.links {
                    XCTAssertGreaterThanOrEqual(link.line, 3, body)
                    XCTAssertGreaterThanOrEqual(link.column, 1, body)
                }
                XCTAssertEqual(Set(parsed.headings.map(\.anchor)).count, parsed.headings.count, body)
                XCTAssertFalse(parsed.plainText.hasPrefix(" ") || parsed.plainText.hasSuffix(" "), body)
            }
        }
    }
}
