import XCTest
@testable import DossierKit

final class MarkdownSafeModeTests: XCTestCase {
    private let markdown = """
        <div class="box"><script>alert(1)</script></div>

        Text with <b>bold</b> and <img src=x onerror=alert(1)>.

        [click](javascript:alert(1)) [vb](vbscript:msgbox) [f](file:///etc/passwd) \
        [d](data:text/html,<b>x</b>) ![ok](data:image/png;base64,AAAA)
        """

    func testSafeModeDropsRawHTML() {
        let html = MarkdownParser().parse(markdown, firstLine: 1).html
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<div class=\"box\">"), html)
        XCTAssertFalse(html.contains("<b>"), html)
        XCTAssertFalse(html.contains("onerror"), html)
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), html)
        XCTAssertTrue(html.contains("Text with <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->"), html)
    }

    func testSafeModeNeutralisesDangerousURLs() {
        let parsed = MarkdownParser().parse(markdown, firstLine: 1)
        XCTAssertTrue(parsed.html.contains(#"<a href="">click</a>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<a href="">vb</a>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<a href="">f</a>"#), parsed.html)
        XCTAssertTrue(parsed.html.contains(#"<a href="">d</a>"#), parsed.html)
        XCTAssertFalse(parsed.html.contains("javascript:"), parsed.html)
        // Image data URLs are harmless and kept.
        XCTAssertTrue(parsed.html.contains(#"<img src="data:image/png;base64,AAAA" alt="ok" />"#), parsed.html)
        // The link is still reported, as written, for the validator.
        XCTAssertEqual(parsed.links.first?.target, .external("javascript:alert(1)"))
    }

    func testUnsafeModeKeepsRawHTML() {
        let html = MarkdownParser(allowRawHTML: true).parse(markdown, firstLine: 1).html
        XCTAssertTrue(html.hasPrefix(#"<div class="box"><script>alert(1)</script></div>"#), html)
        XCTAssertTrue(html.contains("Text with <b>bold</b> and <img src=x onerror=alert(1)>."), html)
        XCTAssertFalse(html.contains("raw HTML omitted"), html)
    }

    func testTextIsEscaped() {
        let html = MarkdownParser().parse("a < b & \"c\"\n\n| x |\n|---|\n| 1 < 2 |\n", firstLine: 1).html
        XCTAssertTrue(html.contains("<p>a &lt; b &amp; &quot;c&quot;</p>"), html)
        XCTAssertTrue(html.contains("<td>1 &lt; 2</td>"), html)
    }
}
