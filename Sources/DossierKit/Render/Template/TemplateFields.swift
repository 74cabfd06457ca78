/// A small map of a view model (a field item, a table cell, a link, an entry's summary) as key-value
/// pairs, looked up by comparing keys in order.
///
/// Why: such maps have two to eight keys and are made by the ten thousand (several per field of every
/// page). A `Dictionary` hashes every key when it is built and every name the template looks up in it
/// (each item of the `fields` partial is asked for six names); hashing, building and freeing those
/// dictionaries were about a tenth of the render stage at 10 000 records. Comparing short keys is
/// cheaper than hashing them. Large maps (the interface strings) stay dictionaries.
public struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var pairs: [(String, TemplateValue)]

    /// Keys must be distinct, as in a dictionary literal.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        pairs = elements
    }

    init(_ dictionary: [String: TemplateValue]) {
        pairs = dictionary.map { ($0.key, $0.value) }
    }

    var isEmpty: Bool { pairs.isEmpty }

    var keys: [String] { pairs.map { $0.0 } }

    /// The value of `key`; setting one replaces it, setting `nil` removes it.
    subscript(key: String) -> TemplateValue? {
        get { value(key, count: key.utf8.count) }
        set {
            let count = key.utf8.count
            let index = pairs.firstIndex { $0.0.utf8.count == count && $0.0 == key }
            switch (index, newValue) {
            case let (index?, value?): pairs[index].1 = value
            case let (index?, nil): pairs.remove(at: index)
            case let (nil, value?): pairs.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The value of `key`, whose UTF-8 length is `count`.
    ///
    /// Lengths first: most keys asked for are not there, and a length differs at the cost of a load
    /// where `==` is a call into the runtime (3 % of an entry page's instructions). Through the
    /// buffer, so that only the value found is copied (`for pair in pairs` retained every pair's).
    func value(_ key: String, count: Int) -> TemplateValue? {
        pairs.withUnsafeBufferPointer { pairs in
            for index in pairs.indices where pairs[index].0.utf8.count == count && pairs[index].0 == key {
                return pairs[index].1
            }
            return nil
        }
    }

    /// Adds `key`, which must not be there yet (no search for it).
    mutating func add(_ key: String, _ value: TemplateValue) {
        assert(self[key] == nil, "\(key) is there already")
        pairs.append((key, value))
    }

    mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    func mapValues<T>(_ transform: (TemplateValue) throws -> T) rethrows -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(pairs.count)
        for (key, value) in pairs { result[key] = try transform(value) }
        return result
    }
}
