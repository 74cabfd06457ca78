/// Distinct elements in the order they were first inserted, for the handful an entry or a page has
/// (its outgoing ids, its heading anchors). Searched linearly while it holds at most 16: hashing each
/// element into a `Set` made, filled and freed per entry cost more than comparing a few (a third of
/// `References.init`, 1 % of `dossier check` for anchors). Past 16 a set takes over, so that an input
/// with thousands of elements stays linear. Elements compare with `==` either way (for `String`,
/// canonical equivalence), as a set does.
struct DistinctList<Element: Hashable> {
    private(set) var elements: [Element] = []
    private var hashed: Set<Element>?

    init() {}

    /// Adds `element`; false when it is there already.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if hashed == nil {
            if elements.contains(element) { return false }
            guard elements.count >= 16 else {
                if elements.isEmpty { elements.reserveCapacity(4) }
                elements.append(element)
                return true
            }
            hashed = Set(elements)
        }
        guard hashed!.insert(element).inserted else { return false }
        elements.append(element)
        return true
    }
}
