import Foundation
import XCTest
@testable import DossierKit

/// What `EscapingTests` asserts of each kind of output file.
extension EscapingTests {
    /// No payload tag, event handler, script URL or foreign script element in an HTML (or SVG) file.
    static func assertSafeHTML(_ html: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        let lower = html.lowercased()
        for needle in ["<script>alert", "<img src=x onerror", "<svg onload", "</script><script>", "<!-- comment"] {
            XCTAssertFalse(lower.contains(needle), "\(path): unescaped \(needle)\n\(context(of: needle, in: html))", file: file, line: line)
        }
        let scanned = HTMLTags.scan(html)
        // Comments come only from cmark (dropped raw HTML); a `<!--` from a value would hide the rest
        // of the page, and an unterminated one never ends.
        for comment in scanned.comments where comment != " raw HTML omitted " {
            XCTFail("\(path): a comment no one wrote: <!--\(comment.prefix(80))", file: file, line: line)
        }
        for tag in scanned.tags {
            let place = "\(path): <\(tag.name) \(tag.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " "))>"
            XCTAssertFalse(["iframe", "object", "embed"].contains(tag.name) || (tag.name == "base" && path != "404.html"),
                           "\(place): a tag no value may create", file: file, line: line)
            for attribute in tag.attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(place): event handler", file: file, line: line)
                let url = attribute.value.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                if ["href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"].contains(attribute.name) {
                    for scheme in ["javascript:", "vbscript:", "data:text/html"] {
                        XCTAssertFalse(url.hasPrefix(scheme), "\(place): script URL", file: file, line: line)
                    }
                }
            }
            if tag.name == "script" {
                // The theme's own script elements load a file and hold no code.
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                XCTAssertTrue(src.hasSuffix("assets/js/tables.js") || src.hasSuffix("assets/js/search.js") || src.hasSuffix("index.js"),
                              "\(place): a script element the theme did not write", file: file, line: line)
                XCTAssertEqual(Set(tag.attributes.map(\.name)).subtracting(["src", "defer"]), [], place, file: file, line: line)
                XCTAssertTrue(html[tag.end...].hasPrefix("</script>"), "\(place): a script element with content", file: file, line: line)
            }
        }
    }

    /// Script files and data: no `<` or `>` at all, so nothing closes a script element.
    static func assertNoMarkup(_ text: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in ["<script", "</script", "<img", "<svg", "<!--"] {
            XCTAssertFalse(text.lowercased().contains(needle), "\(path): \(needle)\n\(context(of: needle, in: text))", file: file, line: line)
        }
    }

    /// Unfolded content lines are each one known property; no value opened a new line or event.
    static func assertSafeCalendar(_ text: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(path): a bare line feed", file: file, line: line)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "\(path): a bare carriage return", file: file, line: line)
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, lines.filter { $0 == "END:VEVENT" }.count, path, file: file, line: line)
        for content in lines {
            XCTAssertNotNil(content.range(of: #"^[A-Z][A-Z0-9-]*[;:]"#, options: .regularExpression), "\(path): \(content)", file: file, line: line)
            XCTAssertFalse(content.hasPrefix("URL:"), "\(path): injected \(content)", file: file, line: line)
        }
    }

    static func context(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle, options: .caseInsensitive) else { return "" }
        let start = text.index(range.lowerBound, offsetBy: -120, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 120, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
