import XCTest
@testable import DossierKit

/// `TemplateFields` (small maps looked up by comparing keys) and `BodyHTML.rewrite` (slices instead of
/// bytes) against the straightforward versions they replace.
final class TemplateFieldsTests: XCTestCase {
    func testSubscriptReplacesAppendsAndRemoves() {
        var fields: TemplateFields = ["a": .text("1"), "b": .bool(true)]
        fields["a"] = .text("2")
        fields["c"] = .text("3")
        fields["b"] = nil
        fields["missing"] = nil
        XCTAssertEqual(fields.keys, ["a", "c"])
        guard case .text("2")? = fields["a"], case .text("3")? = fields["c"] else { return XCTFail("\(fields.pairs)") }
        XCTAssertNil(fields["b"])
        XCTAssertEqual(fields.mapValues(\.plain) as? [String: String], ["a": "2", "c": "3"])
    }

    /// The same view model as `.fields` and as `.map` renders the same bytes, climbing included.
    func testFieldsRenderLikeMaps() throws {
        var library = TemplateLibrary()
        try library.register("""
            {{#items}}{{#.isLink}}<a href="{{.href}}">{{.text}}</a>{{/.isLink}}{{^.isLink}}{{text}}|{{outer}}{{/.isLink}}\
            {{^.last}}, {{/.last}}{{/items}} {{#one}}{{a}}{{b.c}}{{/one}} [{{{one}}}]
            """, named: "page")
        func model(_ small: ([String: TemplateValue]) -> TemplateValue) -> TemplateValue {
            .map([
                "outer": .text("<o>"),
                "items": .list([
                    small(["text": .text("x&y"), "href": .text("a.html"), "isLink": .bool(true)]),
                    small(["text": .text("plain"), "last": .bool(true)]),
                ]),
                "one": small(["a": .text("A"), "b": small(["c": .text("C")])]),
            ])
        }
        let asFields = try XCTUnwrap(library.renderedText("page", model { .fields(TemplateFields($0)) }))
        let asMaps = try XCTUnwrap(library.renderedText("page", model { .map($0) }))
        XCTAssertEqual(asFields, asMaps)
        XCTAssertTrue(asFields.hasPrefix("<a href=\"a.html\">x&amp;y</a>, plain|&lt;o&gt; AC"))
    }

    /// Lookups by UTF-8 length and comparison (`value(_:count:)`, what the renderer asks with the
    /// lengths of its compiled names) find what a dictionary finds: keys of equal length, keys whose
    /// characters and bytes differ in number, the empty key, long keys, missing keys.
    func testLookupsByLengthEqualADictionary() throws {
        let keys = ["a", "b", "ab", "é", "ée", "中", "abc", "", "a.b", "isMissing", "isOverdue", String(repeating: "k", count: 40),
                    String(repeating: "k", count: 39) + "j"]
        var dictionary: [String: TemplateValue] = [:]
        for (index, key) in keys.enumerated() { dictionary[key] = .text(String(index)) }
        let fields = TemplateFields(dictionary)
        for key in keys + ["c", "ba", "e", "中文", "ismissing", String(repeating: "k", count: 41)] {
            let expected = dictionary[key].map { "\($0.plain)" }
            XCTAssertEqual(fields.value(key, count: key.utf8.count).map { "\($0.plain)" }, expected, key)
            XCTAssertEqual(fields[key].map { "\($0.plain)" }, expected, key)
            XCTAssertEqual(TemplateValue.fields(fields).child(key).map { "\($0.plain)" }, expected, key)
        }
        // Through the renderer, with compiled names (dotted and climbing ones too; tag names are ASCII).
        var library = TemplateLibrary()
        try library.register("{{ab}}|{{abc}}|{{#inner}}{{ab}}{{.ab}}{{inner.b}}{{/inner}}|{{inner.a}}", named: "page")
        let inner = TemplateFields(["b": .text("B"), "a": .text("A")])
        let page = try XCTUnwrap(library.renderedText("page", .fields(TemplateFields(dictionary.merging(["inner": .fields(inner)]) { $1 }))))
        XCTAssertEqual(page, "2|6|2B|A")
    }

    func testRewriteMatchesTheByteByByteVersion() {
        let marker = BodyHTML.marker
        let cases = [
            "", "no links", "<a \(marker)0\">a</a>", "é<a \(marker)12\">ü</a>x<a \(marker)3\">",
            "\(marker)1\"\(marker)2\"", "href=\"dossier-link\(marker)7\"", "tail \(marker)9", "h:h:\(marker)\"",
            String(repeating: "<a \(marker)5\">中</a> https://x ", count: 50),
        ]
        for html in cases {
            let replace: (Substring) -> String = { "href=\"[" + $0 + "]" }
            let rewritten = BodyHTML.rewrite(bytes: Array(html.utf8), attribute: marker, replace)
            XCTAssertEqual(String(decoding: rewritten, as: UTF8.self), Self.reference(html, marker, replace), html)
        }
    }

    /// The rewrite as it was: every position compared with the attribute, the output built as bytes.
    private static func reference(_ html: String, _ attribute: String, _ replacement: (Substring) -> String) -> String {
        let bytes = Array(html.utf8), needle = Array(attribute.utf8)
        var output: [UInt8] = []
        var copied = 0, index = 0
        while index + needle.count <= bytes.count {
            guard Array(bytes[index..<(index + needle.count)]) == needle else { index += 1; continue }
            output += bytes[copied..<index]
            var end = index + needle.count
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            output += replacement(Substring(String(decoding: bytes[(index + needle.count)..<end], as: UTF8.self))).utf8
            copied = end
            index = end
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}
