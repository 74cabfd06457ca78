/// A value read from the config together with the line it came from, so that site-wide findings
/// (a schedule, a certification, an exclusion) can point at the config line that causes them.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int, column: Int = 1) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// `dossier.yml`, parsed. Every field has a default so that a minimal config works.
public struct SiteConfig: Sendable {
    public static let fileName = "dossier.yml"

    public struct Organization: Sendable, Hashable {
        public var name: String
        public var shortName: String
    }

    public struct Exclusion: Sendable, Hashable {
        public var clause: String
        public var reason: String
        public var line: Int
    }

    public struct Certification: Sendable, Hashable {
        public var standard: String
        public var body: String
        public var number: String
        public var issued: Day?
        public var expires: Day?
        public var line: Int
    }

    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: String
        public var auditor: Bool
        public var line: Int
    }

    /// Who sees what in a build (`profiles:`; docs/profiles.md): which entries are shown and which
    /// field values are masked. Each name keeps its config line for the diagnostics of `ProfileRule`.
    public struct Profile: Sendable, Hashable {
        /// Type names and the groups `documents` / `records`; nil means `include: all`.
        public var includes: [Located<String>]?
        /// Field paths such as `customer.phone`.
        public var redactions: [Located<String>]
        public var line: Int

        public init(includes: [Located<String>]?, redactions: [Located<String>] = [], line: Int = 0) {
            self.includes = includes
            self.redactions = redactions
            self.line = line
        }

        /// nil means `include: all`.
        public var include: Set<String>? { includes.map { Set($0.map(\.value)) } }
        public var redact: [String] { redactions.map(\.value) }

        /// Shows everything as it is: the build when no profile applies.
        public static let everything = Profile(includes: nil)

        /// True when the profile changes nothing (everything included, nothing masked).
        public var showsEverything: Bool { includes == nil && redactions.isEmpty }
    }

    public var organization = Organization(name: "", shortName: "")
    public var scope = ""
    public var language = Language.zhCN
    public var baseURL = "/"
    public var theme = "default"
    public var standards: [Located<String>] = []
    public var exclusions: [Exclusion] = []
    /// Record type (or `document-review`) → how often it must happen, in config order.
    public var schedules: [(type: String, interval: Located<Interval>)] = []
    public var targets: [(key: String, value: Located<Double>)] = []
    public var certifications: [Certification] = []
    public var people: [Person] = []
    public var profiles: [String: Profile] = [:]
    public var defaultProfile: String?
    /// The company's own types, parsed later by `TypeCatalogParser` together with the built-in ones.
    public var types: YAMLNode?
    public var rules: [String: Located<Severity>] = [:]
    public var allowRawHTML = false

    public init() {}

    public func person(named name: String) -> Person? { people.first { $0.name == name } }

    public func schedule(for type: String) -> Interval? {
        schedules.first { $0.type == type }?.interval.value
    }

    public func target(_ key: String) -> Double? { targets.first { $0.key == key }?.value.value }
}
