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

/// A small deterministic generator, so that a failure can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
