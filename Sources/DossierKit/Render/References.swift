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
            var targets = DistinctIDs(excluding: entry.id)
            Self.forEachOutgoing(of: entry, fields: referenceFields) { _, id in targets.add(id) }
            for link in entry.resolvedLinks { if let id = link?.targetID { targets.add(id) } }
            return targets.ids
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

/// An entry's outgoing ids in first-seen order, without repeats and without its own. Searched
/// linearly while short: an entry names a handful of ids, and a `Set` made, hashed into and freed per
/// entry was a third of `References.init`'s 128 M instructions at 10 000 records. Past 16 ids a set
/// takes over, so that an entry naming thousands stays linear. Ids compare as `==` compares them
/// (canonical equivalence), as the set does.
struct DistinctIDs {
    let excluded: String
    private(set) var ids: [String] = []
    private var seen: Set<String>?

    init(excluding excluded: String) { self.excluded = excluded }

    mutating func add(_ id: String) {
        guard id != excluded else { return }
        if seen == nil, ids.count < 16 {
            guard !ids.contains(id) else { return }
        } else {
            if seen == nil { seen = Set(ids) }
            guard seen!.insert(id).inserted else { return }
        }
        ids.append(id)
    }
}
