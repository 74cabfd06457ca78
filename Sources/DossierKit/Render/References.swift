/// Who cites whom: for every id, the entries that name it in a reference field (`procedure`,
/// `related`, `source`, ...) or link to it from their body. Built once, in one pass.
public struct References: Sendable {
    /// Target id → indices of citing entries, in path order, without repeats.
    public private(set) var citing: [String: [Int]] = [:]

    public init(site: Site) {
        for (index, entry) in site.entries.enumerated() {
            var targets: [String] = []
            if let type = site.catalog[entry.type] {
                for field in site.catalog.allFields(of: type) where field.kind.isReference {
                    targets += entry.strings(field.name)
                }
            }
            targets += entry.resolvedLinks.compactMap { $0?.targetID }
            var seen: Set<String> = [entry.id]
            for target in targets where seen.insert(target).inserted {
                citing[target, default: []].append(index)
            }
        }
    }

    /// The ids an entry's reference fields name (outgoing), in field order.
    public static func outgoing(of entry: Entry, catalog: TypeCatalog) -> [(field: String, id: String)] {
        guard let type = catalog[entry.type] else { return [] }
        return catalog.allFields(of: type).filter(\.kind.isReference).flatMap { field in
            entry.strings(field.name).map { (field.name, $0) }
        }
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
