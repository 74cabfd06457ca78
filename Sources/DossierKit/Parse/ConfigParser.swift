import Foundation

/// Reads `dossier.yml` into a `SiteConfig`. Unknown keys are warnings with a suggestion; values of
/// the wrong shape are errors at their line and column, and make the config unusable (exit 2).
public struct ConfigParser: Sendable {
    public static let path = SiteConfig.fileName

    static let topLevelKeys = [
        "organization", "scope", "language", "base_url", "theme", "standards", "exclusions", "schedules",
        "targets", "certifications", "people", "profiles", "default_profile", "types", "rules", "allow_raw_html",
    ]

    public init() {}

    public struct Result: Sendable {
        public var config: SiteConfig
        public var diagnostics: [Diagnostic]
        /// True when an error makes the config unusable.
        public var isUsable: Bool { diagnostics.errorCount == 0 }
    }

    public func parse(_ text: String) -> Result {
        var reading = Reading()
        let root: YAMLNode
        switch YAMLReader().read(text) {
        case let .failure(failure):
            var diagnostic = failure.diagnostic(path: Self.path)
            diagnostic.rule = Rules.configYAML.id
            return Result(config: SiteConfig(), diagnostics: [diagnostic])
        case .success(nil):
            return Result(config: SiteConfig(), diagnostics: [])
        case let .success(node?):
            root = node
        }
        guard let entries = root.entries else {
            reading.error(root, "the config must be a map of keys (organization:, standards:, ...), found \(root.kindName)")
            return Result(config: SiteConfig(), diagnostics: reading.diagnostics)
        }
        var config = SiteConfig()
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "organization":
                reading.checkKeys(value, allowed: ["name", "short_name"])
                config.organization.name = reading.string(value["name"]) ?? ""
                config.organization.shortName = reading.string(value["short_name"]) ?? config.organization.name
            case "scope": config.scope = reading.string(value) ?? ""
            case "language":
                if let text = reading.string(value) {
                    if let language = Language(rawValue: text) { config.language = language } else {
                        reading.error(value, "unknown language '\(text)': use zh-CN or en")
                    }
                }
            case "base_url":
                // It becomes a <base href> and link prefix on 404.html and the URL of calendar
                // events: only a path or a web address, never a javascript: or data: URL.
                if let text = reading.string(value) {
                    if Self.isUsableBaseURL(text) { config.baseURL = text } else {
                        reading.error(value, "base_url '\(text)' must be a path starting with / or an http:// or https:// address",
                                      hint: "write / for a site at the root of its server, or e.g. /evidence/ or https://example.com/evidence/")
                    }
                }
            case "theme": config.theme = reading.string(value) ?? "default"
            case "standards":
                config.standards = reading.list(value).compactMap { item in
                    reading.string(item).map { Located($0, line: item.line, column: item.column) }
                }
            case "exclusions": config.exclusions = reading.list(value).compactMap { reading.exclusion($0) }
            case "schedules":
                for item in reading.map(value) {
                    guard let text = reading.string(item.value) else { continue }
                    guard let interval = Interval(text) else {
                        reading.error(item.value, "'\(text)' is not a duration: write N days|weeks|months|years")
                        continue
                    }
                    config.schedules.append((item.key, Located(interval, line: item.line, column: item.column)))
                }
            case "targets":
                for item in reading.map(value) {
                    guard let number = item.value.number else {
                        reading.error(item.value, "target '\(item.key)' must be a number")
                        continue
                    }
                    config.targets.append((item.key, Located(number, line: item.line, column: item.column)))
                }
            case "certifications": config.certifications = reading.list(value).compactMap { reading.certification($0) }
            case "people": config.people = reading.list(value).compactMap { reading.person($0) }
            case "profiles":
                for item in reading.map(value) {
                    config.profiles[item.key] = reading.profile(item.value)
                }
            case "default_profile": config.defaultProfile = reading.string(value)
            case "types": config.types = value.isNull ? nil : value
            case "rules":
                for item in reading.map(value) {
                    guard let text = reading.string(item.value) else { continue }
                    guard let severity = Severity(rawValue: text) else {
                        reading.error(item.value, "rule '\(item.key)' must be error, warning or off")
                        continue
                    }
                    config.rules[item.key] = Located(severity, line: item.line, column: item.column)
                }
            case "allow_raw_html": config.allowRawHTML = reading.bool(value) ?? false
            default:
                reading.unknownKey(entry, allowed: Self.topLevelKeys)
            }
        }
        if let name = config.defaultProfile, config.profiles[name] == nil, let entry = root.entry("default_profile") {
            reading.error(entry.value, "default_profile '\(name)' is not among profiles",
                          hint: Suggestion.hint(for: name, in: config.profiles.keys))
        }
        return Result(config: config, diagnostics: reading.diagnostics)
    }

    /// A path (`/`, `/evidence/`) or an http(s) address, without spaces, quotes or angle brackets.
    static func isUsableBaseURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard text.hasPrefix("/") || lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" || $0 == "\\" }
    }
}

/// The bookkeeping of one config read: helpers that read a value of the expected shape or report it.
private struct Reading {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(rule: Rules.configInvalid.id, severity: Rules.configInvalid.severity, message: message,
                                      location: SourceLocation(path: ConfigParser.path, line: node.line, column: node.column),
                                      hint: hint))
    }

    mutating func unknownKey(_ entry: YAMLEntry, allowed: [String]) {
        diagnostics.append(Diagnostic(rule: Rules.configUnknownKey.id, severity: Rules.configUnknownKey.severity,
                                      message: "unknown key '\(entry.key)' is ignored",
                                      location: SourceLocation(path: ConfigParser.path, line: entry.line, column: entry.column),
                                      hint: Suggestion.hint(for: entry.key, in: allowed)))
    }

    mutating func checkKeys(_ node: YAMLNode?, allowed: [String]) {
        for entry in node?.entries ?? [] where !allowed.contains(entry.key) { unknownKey(entry, allowed: allowed) }
    }

    mutating func string(_ node: YAMLNode?) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.string else {
            error(node, "expected a single value, found \(node.kindName)")
            return nil
        }
        return text
    }

    mutating func bool(_ node: YAMLNode?) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard let value = node.bool else {
            error(node, "expected true or false")
            return nil
        }
        return value
    }

    mutating func day(_ node: YAMLNode?, field: String) -> Day? {
        guard let text = string(node), let node else { return nil }
        guard let day = Day(iso: text) else {
            error(node, "\(field) '\(text)' is not a date: write YYYY-MM-DD")
            return nil
        }
        return day
    }

    mutating func list(_ node: YAMLNode) -> [YAMLNode] {
        if node.isNull { return [] }
        guard let items = node.sequence else {
            error(node, "expected a list, found \(node.kindName)")
            return []
        }
        return items
    }

    mutating func map(_ node: YAMLNode) -> [YAMLEntry] {
        if node.isNull { return [] }
        guard let entries = node.entries else {
            error(node, "expected a map of key: value, found \(node.kindName)")
            return []
        }
        return entries
    }

    mutating func exclusion(_ node: YAMLNode) -> SiteConfig.Exclusion? {
        checkKeys(node, allowed: ["clause", "reason"])
        guard node.entries != nil else {
            error(node, "an exclusion is a map { clause: ..., reason: ... }")
            return nil
        }
        guard let clause = string(node["clause"]) else {
            error(node, "an exclusion needs a clause, e.g. iso20000-1:8.3.4.2")
            return nil
        }
        let reason = string(node["reason"]) ?? ""
        if reason.trimmingCharacters(in: .whitespaces).isEmpty {
            error(node, "exclusion of \(clause) needs a reason: auditors ask why a clause does not apply")
        }
        return SiteConfig.Exclusion(clause: clause, reason: reason, line: node.line)
    }

    mutating func certification(_ node: YAMLNode) -> SiteConfig.Certification? {
        checkKeys(node, allowed: ["standard", "body", "number", "issued", "expires"])
        guard node.entries != nil, let standard = string(node["standard"]) else {
            error(node, "a certification needs at least a standard")
            return nil
        }
        return SiteConfig.Certification(
            standard: standard, body: string(node["body"]) ?? "", number: string(node["number"]) ?? "",
            issued: day(node["issued"], field: "issued"), expires: day(node["expires"], field: "expires"), line: node.line)
    }

    mutating func person(_ node: YAMLNode) -> SiteConfig.Person? {
        checkKeys(node, allowed: ["name", "role", "auditor"])
        guard node.entries != nil, let name = string(node["name"]) else {
            error(node, "a person is a map { name: ..., role: ... }")
            return nil
        }
        return SiteConfig.Person(name: name, role: string(node["role"]) ?? "", auditor: bool(node["auditor"]) ?? false,
                                 line: node.line)
    }

    /// `{ include: all | [type or group, ...], redact: [field.path, ...] }`. A missing `include`, or
    /// one that lists `all`, shows every entry; whether the names are known types and fields is
    /// `ProfileRule`'s job, once the types are read.
    mutating func profile(_ node: YAMLNode) -> SiteConfig.Profile? {
        guard node.entries != nil else {
            error(node, "a profile is a map { include: all | [types], redact: [field.path] }, found \(node.kindName)")
            return nil
        }
        checkKeys(node, allowed: ["include", "redact"])
        var includes: [Located<String>]?
        if let value = node["include"] {
            // An empty `include:` is refused rather than read as "everything": a slip must not publish all.
            if value.isNull { error(value, "include: needs all or a list of types, e.g. include: [manual, policy]") }
            let names = names(value, key: "include")
            includes = names.contains { $0.value == "all" } ? nil : names
        }
        let redactions = node["redact"].map { names($0, key: "redact") } ?? []
        return SiteConfig.Profile(includes: includes, redactions: redactions, line: node.line)
    }

    /// A single name or a list of names, each with its position.
    private mutating func names(_ node: YAMLNode, key: String) -> [Located<String>] {
        if node.isNull { return [] }
        let items = node.sequence ?? [node]
        return items.compactMap { item in
            guard let text = item.string, !text.isEmpty else {
                error(item, "\(key): expects names, found \(item.kindName)")
                return nil
            }
            return Located(text, line: item.line, column: item.column)
        }
    }
}
