import XCTest
@testable import DossierKit

/// Dossier's compiled Mustache: the semantics the theme relies on (those of swift-mustache 2.1).
final class TemplateTests: XCTestCase {
    private func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        try library.register(template, named: "page")
        for (name, text) in partials { try library.register(text, named: name) }
        return try XCTUnwrap(library.render("page", context))
    }

    func testVariablesAreEscapedUnlessTriple() throws {
        XCTAssertEqual(try render("{{x}}|{{{x}}}|{{&x}}", ["x": "<a href='1'>&\"</a>"]),
                       "&lt;a href=&#39;1&#39;&gt;&amp;&quot;&lt;/a&gt;|<a href='1'>&\"</a>|<a href='1'>&\"</a>")
        XCTAssertEqual(try render("{{n}} {{d}} {{b}} {{missing}}.", ["n": 3, "d": 2.5, "b": true]), "3 2.5 true .")
    }

    /// Text held as UTF-8 bytes (an entry's body) renders exactly as the same text held as a `String`.
    func testBytesRenderAsTheirText() throws {
        var library = TemplateLibrary()
        try library.register("{{x}}|{{{x}}}|{{#x}}[{{.}}]{{/x}}{{^x}}none{{/x}}|{{x.y}}", named: "page")
        for text in ["<p>质量 & \"手册\"</p>", "", "a'b"] {
            let asText = try XCTUnwrap(library.renderedText("page", .map(["x": .text(text)])))
            let asBytes = try XCTUnwrap(library.renderedText("page", .map(["x": .utf8(Array(text.utf8))])))
            XCTAssertEqual(asBytes, asText, text)
        }
        XCTAssertEqual(TemplateValue.utf8(Array("质量".utf8)).plain as? String, "质量")
    }

    /// The renderer's walk that does not retain the shared nodes visits each node once, in order.
    func testBorrowedWalkVisitsEveryNodeInOrder() {
        let nodes = (0..<50).map { TemplateNode.text(Array("n\($0)".utf8)) }
        var seen: [String] = []
        nodes.forEachBorrowed { seen.append(String(decoding: $0.bytes, as: UTF8.self)) }
        XCTAssertEqual(seen, (0..<50).map { "n\($0)" })
        var none = 0
        [TemplateNode]().forEachBorrowed { _ in none += 1 }
        XCTAssertEqual(none, 0)
    }

    func testSectionsOverListsMapsAndFlags() throws {
        let context: [String: Any] = ["items": [["name": "a"], ["name": "b"]], "flag": false, "empty": [String](),
                                      "map": ["k": "v"], "text": ""]
        XCTAssertEqual(try render("{{#items}}[{{name}}]{{/items}}", context), "[a][b]")
        XCTAssertEqual(try render("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}", context), "no")
        XCTAssertEqual(try render("{{^empty}}none{{/empty}}{{#empty}}x{{/empty}}", context), "none")
        XCTAssertEqual(try render("{{#map}}{{k}}{{/map}}", context), "v")
        // An empty string is true, as in swift-mustache: view models leave keys out instead.
        XCTAssertEqual(try render("{{#text}}set{{/text}}", context), "set")
        XCTAssertEqual(try render("{{map.k}}", context), "v")
    }

    func testNamesClimbUnlessDotted() throws {
        let context: [String: Any] = ["title": "outer", "items": [["x": 1], ["title": "inner"]]]
        XCTAssertEqual(try render("{{#items}}{{title}};{{/items}}", context), "outer;inner;")
        XCTAssertEqual(try render("{{#items}}{{.title}};{{/items}}", context), ";inner;")
        XCTAssertEqual(try render("{{#list}}{{.}},{{/list}}", ["list": ["a", "b"]]), "a,b,")
    }

    func testStandaloneTagsTakeTheirLineAndPartialsAreIndented() throws {
        XCTAssertEqual(try render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", ["items": ["a", "b"]]),
                       "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        XCTAssertEqual(try render("<div>\n  {{> item}}\n</div>\n", ["x": "y"], partials: ["item": "<p>\n{{x}}\n</p>\n"]),
                       "<div>\n  <p>\n  y\n  </p>\n</div>\n")
        XCTAssertEqual(try render("{{! a comment }}a{{=<% %>=}}<% x %>{{x}}", ["x": "1"]), "a1{{x}}")
    }

    func testUnsupportedAndBrokenTemplatesAreErrorsWithPositions() {
        for (text, words, line) in [("ok\n{{#open}} never closed", "never closed", 2), ("{{#a}}{{/b}}", "closes", 1),
                                    ("x\n\n{{f(x)}}", "not supported", 3), ("{{<parent}}{{/parent}}", "not supported", 1),
                                    ("{{x", "not closed", 1)] {
            var library = TemplateLibrary()
            XCTAssertThrowsError(try library.register(text, named: "t"), text) { error in
                let failure = error as? TemplateParser.Failure
                XCTAssertTrue(failure?.message.contains(words) ?? false, "\(text): \(error)")
                XCTAssertEqual(failure?.line, line, text)
            }
        }
    }
}
