import Foundation

/// A YAML value that remembers where it stood in its file, so every diagnostic can name the line
/// and column of the offending key or value. Produced by `YAMLReader` from Yams' node tree.
public struct YAMLNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        /// `plain` is false for quoted and block scalars: `"null"` is a string, `null` is nothing.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    public var isNull: Bool {
        if case let .scalar(text, plain) = value, plain {
            // By length first: nearly every value is neither 0, 1 nor 4 bytes long, and this is asked
            // of every field a page shows (3 % of a build's instructions when it compared four strings).
            switch text.utf8.count {
            case 0: return true
            case 1: return text == "~"
            case 4: return text == "null" || text == "Null" || text == "NULL"
            default: return false
            }
        }
        return false
    }

    /// The scalar's text, or nil for collections and nulls.
    public var string: String? {
        if case let .scalar(text, _) = value, !isNull { return text }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case let .sequence(items) = value { return items }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case let .mapping(entries) = value { return entries }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        guard case let .mapping(entries) = value, let index = Self.index(of: key, in: entries) else { return nil }
        return entries[index].value
    }

    public func entry(_ key: String) -> YAMLEntry? {
        guard case let .mapping(entries) = value, let index = Self.index(of: key, in: entries) else { return nil }
        return entries[index]
    }

    /// The first entry of `key`. Through the buffer: `first { $0.key == key }` copied (retained) every
    /// entry it passed, and pages, rules and the export ask a front matter for its fields by the dozen
    /// per entry. No length test first: `==` is canonical equivalence, so `café` written with a
    /// combining accent is the same key in fewer bytes.
    private static func index(of key: String, in entries: [YAMLEntry]) -> Int? {
        entries.withUnsafeBufferPointer { buffer in buffer.indices.first { buffer[$0].key == key } }
    }

    /// Calls `visit` with every scalar's text (nulls too), depth first, in document order, without
    /// copying the nodes on the way (a copy retains each node's storage and text).
    func forEachScalar(_ visit: (String) -> Void) {
        switch value {
        case let .scalar(text, _): visit(text)
        case let .sequence(items):
            items.withUnsafeBufferPointer { buffer in for index in buffer.indices { buffer[index].forEachScalar(visit) } }
        case let .mapping(entries):
            entries.withUnsafeBufferPointer { buffer in for index in buffer.indices { buffer[index].value.forEachScalar(visit) } }
        }
    }

    /// A scalar or a list of scalars as a list of strings (`kind: a` and `kind: [a, b]` read alike).
    public var stringList: [String] {
        if let items = sequence { return items.compactMap(\.string) }
        return string.map { [$0] } ?? []
    }

    public var bool: Bool? {
        switch string {
        case "true", "True", "TRUE", "yes", "Yes", "on": return true
        case "false", "False", "FALSE", "no", "No", "off": return false
        default: return nil
        }
    }

    public var number: Double? { string.flatMap { Double($0.replacingOccurrences(of: "_", with: "")) } }

    /// A plain description of what kind of value this is, for messages.
    public var kindName: String {
        switch value {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }
}

public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: YAMLNode

    public init(key: String, line: Int, column: Int, value: YAMLNode) {
        self.key = key
        self.line = line
        self.column = column
        self.value = value
    }
}
