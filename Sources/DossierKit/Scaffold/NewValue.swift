/// A front-matter value to write: a plain scalar written as is (dates, numbers), a text quoted when
/// YAML needs it, a list or a map.
public indirect enum NewValue: Sendable, Equatable {
    case plain(String)
    case text(String)
    case list([NewValue])
    case map([Pair])

    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: NewValue
        public init(_ key: String, _ value: NewValue) { self.key = key; self.value = value }
    }

    /// The scalar's text, for `when:` conditions.
    var scalarText: String? {
        switch self {
        case let .plain(text), let .text(text): return text
        default: return nil
        }
    }

    /// Flow YAML (`[a, b]`, `{ k: v }`).
    var flow: String {
        switch self {
        case let .plain(text): return text
        case let .text(text): return YAMLText.scalar(text)
        case let .list(items): return YAMLText.list(items.map(\.flow))
        case let .map(pairs): return YAMLText.map(pairs.map { ($0.key, $0.value.flow) })
        }
    }

    /// `key: value`, or a block list of flow maps for a list of maps (`history:`).
    func line(_ key: String) -> String {
        if case let .list(items) = self, !items.isEmpty, items.allSatisfy({ if case .map = $0 { return true } else { return false } }) {
            return "\(key):\n" + items.map { "  - \($0.flow)" }.joined(separator: "\n")
        }
        return "\(key): \(flow)"
    }

    /// A value read from YAML data (the init plan): plain scalars stay plain, quoted ones are texts.
    init(_ node: YAMLNode) {
        switch node.value {
        case let .scalar(text, plain): self = plain ? .plain(text) : .text(text)
        case let .sequence(items): self = .list(items.map(NewValue.init))
        case let .mapping(entries): self = .map(entries.map { Pair($0.key, NewValue($0.value)) })
        }
    }
}
