/// A value a template can show: the typed form of a page's view model.
///
/// Page builders hand the renderer `[String: Any]` dictionaries; they are converted once per render
/// into this enum, so that every lookup during rendering is a plain dictionary access instead of a
/// chain of dynamic casts (what made rendering most of the build with swift-mustache).
///
/// Not `indirect`: the recursion goes through arrays and dictionaries, which are references already,
/// and an indirect enum puts every value (each `.bool(true)` of every field item) in a heap box of its
/// own.
public enum TemplateValue: Sendable {
    case text(String)
    /// Text as valid UTF-8 bytes, written as they are (an entry's body HTML, which is bytes from cmark
    /// to the page: as a `String` it was checked as UTF-8 once more, 2 % of a 10k build).
    case utf8([UInt8])
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    /// A small map: found by comparing keys rather than hashing them (`TemplateFields`).
    case fields(TemplateFields)
    /// A field's display item (`FieldItem`): seen by templates as its `fields`.
    case item(FieldItem)

    /// Converts a view-model value; `nil` for nothing (a missing key, an empty optional).
    public init?(_ any: Any) {
        // Most common first (each failed cast is a runtime call), and lists of maps or strings cast
        // as such: `as [Any]` builds a new array of boxed values first.
        switch any {
        case let text as String: self = .text(text)
        case let map as [String: Any]: self = .map(map.compactMapValues(TemplateValue.init))
        case let value as TemplateValue: self = value
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .text(String(number))
        case let number as Double: self = .text(number.description)
        case let list as [[String: Any]]: self = .list(list.map { .map($0.compactMapValues(TemplateValue.init)) })
        case let list as [String]: self = .list(list.map { .text($0) })
        case let list as [Any]: self = .list(list.compactMap(TemplateValue.init))
        case let optional as OptionalValue:
            guard let wrapped = optional.wrapped, let value = TemplateValue(wrapped) else { return nil }
            self = value
        default: self = .text(String(describing: any))
        }
    }

    /// The value as plain Swift values (`String`, `Bool`, `[Any]`, `[String: Any]`), for view models
    /// still built as `[String: Any]` whose builders read values back (`item["title"] as? String`).
    var plain: Any {
        switch self {
        case let .text(text): return text
        case let .utf8(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .bool(flag): return flag
        case let .list(items): return items.map(\.plain)
        case let .map(map): return map.mapValues(\.plain)
        case let .fields(fields): return fields.mapValues(\.plain)
        case let .item(item): return item.fields.mapValues(\.plain)
        }
    }

    func child(_ name: String) -> TemplateValue? { child(name, count: name.utf8.count) }

    /// `child(name)` with the name's UTF-8 length worked out already (the template's names are).
    func child(_ name: String, count: Int) -> TemplateValue? {
        switch self {
        case let .fields(fields): return fields.value(name, count: count)
        case let .map(map): return map[name]
        case let .item(item): return item.value(name)
        default: return nil
        }
    }
}

/// Lets `TemplateValue.init` see through an `Optional` stored in an `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
