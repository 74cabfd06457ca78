import XCTest
@testable import DossierKit

/// Typed field items (`FieldItem`) show templates exactly the pairs items had as `TemplateFields`, and
/// the built-in `fields` partial writes them as walking those pairs writes them.
final class FieldItemTests: XCTestCase {
    private static let texts = ["PR-06", "<b>&\"质量\"</b>", "", "a'b"]

    private static func items() -> [FieldItem] {
        var items: [FieldItem] = []
        for text in texts {
            for last in [false, true] {
                let shapes: [FieldItem.Shape] = [
                    .plain(isMissing: false, isOverdue: false), .plain(isMissing: true, isOverdue: false),
                    .plain(isMissing: false, isOverdue: true), .plain(isMissing: true, isOverdue: true),
                    .link(href: "../a & b.html"), .reference(title: "标题 <x>", href: "INC-1.html"), .missingReference,
                    .badge("closed\"<"),
                ]
                items += shapes.map { FieldItem(text, $0, last: last) }
            }
        }
        return items
    }

    private static func describe(_ value: TemplateValue?) -> String {
        switch value {
        case nil: return "nil"
        case let .text(text)?: return "t(\(text))"
        case let .bool(flag)?: return "b(\(flag))"
        default: return "other"
        }
    }

    /// The pairs of each shape, as the item literals of `FieldValues` wrote them before items were typed.
    func testEachShapeHasThePairsItemsHad() {
        let cases: [(FieldItem, [String])] = [
            (FieldItem("x", .plain(isMissing: true, isOverdue: false), last: false), ["text", "isPlain", "isMissing", "isOverdue"]),
            (FieldItem("x", .link(href: "h"), last: true), ["text", "href", "isLink", "last"]),
            (FieldItem("x", .reference(title: "T", href: "h"), last: false),
             ["text", "title", "href", "isLink", "isPlain", "isMissing"]),
            (FieldItem("x", .missingReference, last: true), ["text", "missing", "isLink", "isPlain", "isMissing", "last"]),
            (FieldItem("x", .badge("b"), last: false), ["text", "badge", "isBadge"]),
        ]
        for (item, keys) in cases { XCTAssertEqual(item.fields.keys, keys) }
        let reference = FieldItem("x", .reference(title: "T", href: "h"), last: false).fields
        XCTAssertEqual(Self.describe(reference["isPlain"]), "b(false)")
        XCTAssertEqual(Self.describe(FieldItem("x", .missingReference, last: false).fields["isLink"]), "b(false)")
    }

    /// What a theme's own template asks of an item (any name) is what its pairs answer.
    func testLookupsAnswerAsThePairs() {
        let names = ["text", "title", "href", "badge", "missing", "isLink", "isPlain", "isBadge", "isMissing", "isOverdue",
                     "last", "label", "", "Text", "hrefs"]
        for item in Self.items() {
            let fields = item.fields
            for name in names {
                XCTAssertEqual(Self.describe(TemplateValue.item(item).child(name)), Self.describe(fields[name]),
                               "\(item.shape) \(name)")
            }
            XCTAssertEqual(TemplateValue.item(item).plain as? [String: AnyHashable],
                           TemplateValue.fields(fields).plain as? [String: AnyHashable])
        }
    }

    /// The direct writer on typed items, the template walked over their pairs, and a theme's own copy
    /// of the partial (which reads the typed items by name) write the same bytes.
    func testThePartialWritesTypedItemsAsTheirPairsWalked() throws {
        var library = TemplateLibrary()
        try library.register(FieldItemsPartial.text, named: "fields")
        try library.register(FieldItemsPartial.text, named: "walked")
        try library.register("<dl>{{#rows}}<dd>{{>fields}}</dd>{{/rows}}</dl>", named: "direct")
        try library.register("<dl>{{#rows}}<dd>{{>walked}}</dd>{{/rows}}</dl>", named: "template")
        let all = Self.items()
        var generator = SplitMix64(seed: 0x17E5)
        for round in 0..<200 {
            let items = (0..<Int.random(in: 1...4, using: &generator)).map { _ in all.randomElement(using: &generator)! }
            let typed = TemplateValue.map(["rows": .list([.map(["items": .list(items.map(TemplateValue.item))])])])
            let pairs = TemplateValue.map(["rows": .list([.map(["items": .list(items.map { .fields($0.fields) })])])])
            let direct = try XCTUnwrap(library.renderedText("direct", typed))
            XCTAssertEqual(direct, try XCTUnwrap(library.renderedText("template", pairs)), "round \(round)")
            XCTAssertEqual(direct, try XCTUnwrap(library.renderedText("template", typed)), "round \(round)")
        }
    }
}
