/// A clause checklist (built-in or the company's own): clauses with what evidence each expects.
public struct Checklist: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case requirements, guidance, scored }

    public struct Clause: Sendable, Hashable {
        public var id: String
        public var title: LocalizedText
        public var documents: [String]
        public var records: [String]
        public var window: Interval?
        public var activities: [String]
        public var recommended: [String]
        public var guidance: LocalizedText?
        public var points: Double?
        public var line: Int
        /// True when other clauses sit under this one (`8.5` over `8.5.1`): it only groups them.
        /// A leaf with empty expectations is not a group: a document claiming the clause answers it.
        public var isGroup: Bool
    }

    public struct Level: Sendable, Hashable {
        public var min: Double
        public var name: LocalizedText
    }

    public var id: String
    public var title: LocalizedText
    public var kind: Kind
    public var clauses: [Clause]
    public var pass: Level?
    public var levels: [Level]
    /// `builtin:iso20000-1` or `Content/checklists/own.yml`.
    public var source: String

    public func clause(_ id: String) -> Clause? { clauses.first { $0.id == id } }
}
