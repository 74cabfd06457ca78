/// Who cites whom: for every id, the entries that name it in a reference field (`procedure`,
/// `related`, `source`, ...) or link to it from their body. Built once, in one pass.
public struct References: Sendable {
    /// Target id → indices of citing entries, in path order, without repeats.
    public private(set) var citing: [String: [Int]] = [:]
    /// Type name → its reference fields' names, in `allFields(of:)` order: made once per type, where
    /// joining and filtering every entry's field specs was 1.8 % of a 10k build here and again in the
    /// data export.
    private let referenceFields: [String: [String]]

    public init(site: Site) {
        let referenceFields = Self.referenceFields(of: site.catalog)
        self.referenceFields = referenceFields
        // Each entry's targets on every core, then joined in entry order: one after another this was
        // 113 M instructions of a 10k build, the longest of the three preparations that run before
        // rendering, while the other core had finished its two.
        let targets = site.entries.parallelMap { entry -> [String] in
            var targets = DistinctList<String>()
            Self.forEachOutgoing(of: entry, fields: referenceFields) { _, id in if id != entry.id { targets.insert(id) } }
            for link in entry.resolvedLinks { if let id = link?.targetID, id != entry.id { targets.insert(id) } }
            return targets.elements
        }
        for (index, list) in targets.enumerated() {
            for target in list { citing[target, default: []].append(index) }
        }
    }

    /// The ids an entry's reference fields name (outgoing), in field order.
    public func outgoing(of entry: Entry) -> [(field: String, id: String)] {
        var outgoing: [(field: String, id: String)] = []
        forEachOutgoing(of: entry) { outgoing.append(($0, $1)) }
        return outgoing
    }

    /// `outgoing(of:)` one at a time, without the lists: each field's strings as an array, joined by
    /// `flatMap`, cost 4,700 instructions per entry for the data export (47 M at 10k records).
    func forEachOutgoing(of entry: Entry, _ body: (_ field: String, _ id: String) -> Void) {
        Self.forEachOutgoing(of: entry, fields: referenceFields, body)
    }

    private static func forEachOutgoing(of entry: Entry, fields referenceFields: [String: [String]],
                                        _ body: (_ field: String, _ id: String) -> Void) {
        guard let fields = referenceFields[entry.type] else { return }
        for field in fields {
            // As `entry.strings(field)` reads it: a list's string items, or the one string.
            guard let node = entry.frontMatter[field] else { continue }
            if let items = node.sequence {
                for item in items { if let id = item.string { body(field, id) } }
            } else if let id = node.string {
                body(field, id)
            }
        }
    }

    private static func referenceFields(of catalog: TypeCatalog) -> [String: [String]] {
        catalog.types.mapValues { type in catalog.allFields(of: type).filter(\.kind.isReference).map(\.name) }
    }
}

extension FieldKind {
    var isReference: Bool {
        switch self {
        case .reference: return true
        case let .list(of): return of.isReference
        default: return false
        }
    }
}
