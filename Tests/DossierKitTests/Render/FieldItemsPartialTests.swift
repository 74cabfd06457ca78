import XCTest
@testable import DossierKit

/// The built-in `fields` partial, written directly (`FieldItemsPartial`), gives the bytes the template
/// walk gives, for the values the pages make and for values of any other shape.
final class FieldItemsPartialTests: XCTestCase {
    /// One library with the partial twice: as `fields` (written directly) and under another name
    /// (walked), each used by a page that renders it inside a row, with `items` maybe in an outer context.
    private func library() throws -> TemplateLibrary {
        var library = TemplateLibrary()
        try library.register(FieldItemsPartial.text, named: "fields")
        try library.register(FieldItemsPartial.text, named: "walked")
        try library.register("<dl>{{#rows}}<dd>{{>fields}}</dd>{{/rows}}</dl>", named: "direct")
        try library.register("<dl>{{#rows}}<dd>{{>walked}}</dd>{{/rows}}</dl>", named: "template")
        XCTAssertTrue(library.writesFieldItems)
        return library
    }

    func testTheBuiltInThemeWritesItsPartialDirectly() throws {
        XCTAssertEqual(EmbeddedResources.files["theme/templates/fields.mustache"], FieldItemsPartial.text,
                       "the built-in partial changed: update FieldItemsPartial to write the new one")
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        XCTAssertTrue(theme.templates.writesFieldItems)
    }

    func testAnOverriddenPartialIsWalkedAsWritten() throws {
        var library = try library()
        try library.register("{{#items}}[{{.text}}]{{/items}}", named: "fields")
        XCTAssertFalse(library.writesFieldItems)
        let model = TemplateValue.map(["rows": .list([.fields(["items": .list([.fields(["text": .text("a"), "isPlain": .bool(true)])])])])])
        XCTAssertEqual(library.renderedText("direct", model), "<dl><dd>[a]</dd></dl>")
    }

    /// Items as `FieldValues` makes them, then with every key given values of other shapes.
    func testDirectWritingMatchesTheWalk() throws {
        let library = try library()
        var generator = SplitMix64(seed: 0xF1E1D5)
        let texts: [TemplateValue] = [.text("PR-06"), .text("<b>&\"质量\"</b>"), .text(""), .utf8(Array("已关闭 & <x>".utf8))]
        let odd: [TemplateValue] = [.text("yes"), .list([]), .list([.bool(true)]), .fields(["text": .text("inner")]),
                                    .map(["href": .text("m")]), .bool(true), .bool(false)]
        let keys = ["isLink", "isBadge", "isPlain", "isMissing", "isOverdue", "last", "href", "text", "badge"]
        func item(realistic: Bool) -> TemplateValue {
            var fields: TemplateFields = [:]
            for key in keys where Bool.random(using: &generator) || key == "text" {
                let flag = key.hasPrefix("is") || key == "last"
                let value: TemplateValue = flag && (realistic || Bool.random(using: &generator))
                    ? .bool(Bool.random(using: &generator))
                    : (realistic || Bool.random(using: &generator) ? texts.randomElement(using: &generator)! : odd.randomElement(using: &generator)!)
                fields.add(key, value)
            }
            return realistic || Int.random(in: 0..<8, using: &generator) > 0 ? .fields(fields) : .map(fields.mapValues { $0 })
        }
        var direct = 0
        for round in 0..<600 {
            let realistic = round < 300
            let items: TemplateValue? = switch Int.random(in: 0..<10, using: &generator) {
            case 0: nil
            case 1: .bool(Bool.random(using: &generator))
            case 2: realistic ? .list([]) : odd.randomElement(using: &generator)!
            default: .list((0..<Int.random(in: 1...4, using: &generator)).map { _ in item(realistic: realistic) })
            }
            var row: [String: TemplateValue] = ["text": .text("row text"), "isLink": .bool(true), "href": .text("row.html")]
            var outer: [String: TemplateValue] = ["rows": .list([])]
            // `items` in the row, or only in an outer context (the partial climbs to it), or nowhere.
            if let items { if round % 3 == 0 { outer["items"] = items } else { row["items"] = items } }
            outer["rows"] = .list([.map(row)])
            let model = TemplateValue.map(outer)
            let written = try XCTUnwrap(library.renderedText("direct", model))
            let walked = try XCTUnwrap(library.renderedText("template", model))
            XCTAssertEqual(written, walked, "round \(round)")
            var probe = ByteBuffer()
            if FieldItemsPartial.render(items: items, into: &probe) { direct += 1 }
        }
        XCTAssertGreaterThan(direct, 250, "the direct path must be taken for most models")
    }

    func testAValueTheWalkNeedsLeavesTheOutputAsItWas() {
        var output = ByteBuffer()
        output.append(utf8: "before")
        let items = TemplateValue.list([.fields(["text": .text("a"), "isPlain": .bool(true)]), .fields(["isLink": .text("x")])])
        XCTAssertFalse(FieldItemsPartial.render(items: items, into: &output))
        XCTAssertEqual(output.string, "before")
    }
}
