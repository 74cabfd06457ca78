import XCTest
@testable import DossierKit

/// `TemplateValue.init(_:)` tries the common casts first and casts lists of maps and of strings as
/// such: the same values as the plain conversion it replaced (kept here as the reference).
final class TemplateValueTests: XCTestCase {
    func testConvertsAsThePlainCastOrder() {
        let optional: String? = "o"
        let none: String? = nil
        let values: [Any] = [
            "text", true, false, 3, 2.5, optional as Any, none as Any, TemplateValue.text("typed"),
            ["a": "b", "n": 1, "missing": none as Any, "flag": false] as [String: Any],
            [["title": "x"], ["title": "y", "items": ["p", "q"]]] as [[String: Any]],
            ["s", "t"], [String](), [[String: Any]](), ["mixed", 1, ["k": "v"], none as Any, true] as [Any],
            [["k": "v"], "not a map"] as [Any], ["x": TemplateValue.bool(true)] as [String: TemplateValue],
            [TemplateValue.text("a")], [1, 2], ["a", nil] as [String?], ["a"] as [String?],
            [["k": "v"], nil] as [[String: Any]?], ["nested": [["deep": [["k": "v"]]]]] as [String: Any],
        ]
        for value in values {
            XCTAssertEqual(TemplateValue(value).map(Self.shape), Self.reference(value).map(Self.shape), "\(value)")
        }
    }

    private static func reference(_ any: Any) -> TemplateValue? {
        switch any {
        case let value as TemplateValue: return value
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .text(String(number))
        case let number as Double: return .text(number.description)
        case let map as [String: Any]: return .map(map.compactMapValues(reference))
        case let list as [Any]: return .list(list.compactMap(reference))
        default:
            let mirror = Mirror(reflecting: any)
            guard mirror.displayStyle == .optional else { return .text(String(describing: any)) }
            return mirror.children.first.flatMap { reference($0.value) }
        }
    }

    private static func shape(_ value: TemplateValue) -> String {
        switch value {
        case let .text(text): return "t(\(text))"
        case let .utf8(bytes): return "u(\(String(decoding: bytes, as: UTF8.self)))"
        case let .bool(flag): return "b(\(flag))"
        case let .list(items): return "l[" + items.map(shape).joined(separator: ",") + "]"
        case let .map(map): return "m{" + map.keys.sorted().map { "\($0):\(shape(map[$0]!))" }.joined(separator: ",") + "}"
        case let .fields(fields): return "f{" + fields.keys.map { "\($0):\(shape(fields[$0]!))" }.joined(separator: ",") + "}"
        case let .item(item): return shape(.fields(item.fields))
        }
    }
}
