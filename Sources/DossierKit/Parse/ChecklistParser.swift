/// Reads clause checklists (built-in and `Content/checklists/*.yml`), which share one format.
public struct ChecklistParser: Sendable {
    public init() {}

    public struct Result: Sendable {
        public var checklists: [Checklist]
        public var diagnostics: [Diagnostic]
    }

    static let clauseKeys = ["id", "title", "documents", "records", "window", "activities", "recommended", "guidance", "points"]

    public func parseAll(builtIn: [(path: String, text: String)], company: [(path: String, text: String)]) -> Result {
        let base = ChecklistParser().merge(company: builtIn, into: Result(checklists: [], diagnostics: []))
        return merge(company: company, into: base)
    }

    /// Adds company checklists to already parsed ones; one with a built-in id replaces it.
    public func merge(company: [(path: String, text: String)], into parsed: Result) -> Result {
        var checklists = parsed.checklists
        var diagnostics = parsed.diagnostics
        for (path, text) in company {
            let result = parse(text, path: path)
            diagnostics += result.diagnostics
            guard let checklist = result.checklist else { continue }
            if let existing = checklists.firstIndex(where: { $0.id == checklist.id }) {
                // A company checklist with a built-in id replaces the built-in one.
                checklists[existing] = checklist
            } else {
                checklists.append(checklist)
            }
        }
        return Result(checklists: checklists.sorted { $0.id < $1.id }, diagnostics: diagnostics)
    }

    public func parse(_ text: String, path: String) -> (checklist: Checklist?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func problem(_ node: YAMLNode, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(rule: Rules.schemaChecklist.id, severity: Rules.schemaChecklist.severity, message: message,
                                          location: SourceLocation(path: path, line: node.line, column: node.column), hint: hint))
        }
        /// A number the clause pages print (points, a level's minimum): finite and within a million,
        /// since the pages turn whole numbers into `Int` (`points: 1e300` crashed `dossier build`).
        func shownNumber(_ node: YAMLNode?, _ what: String) -> Double? {
            guard let node, let number = node.number else { return nil }
            guard number.isFinite, abs(number) <= 1_000_000 else {
                problem(node, "\(what) '\(node.string ?? "")' is out of range: write a number from -1000000 to 1000000")
                return nil
            }
            return number
        }
        let root: YAMLNode
        switch YAMLReader().read(text) {
        case let .failure(failure): return (nil, [failure.diagnostic(path: path)])
        case .success(nil): return (nil, [Diagnostic(rule: Rules.parseEmpty.id, severity: Rules.parseEmpty.severity, message: "checklist is empty", location: SourceLocation(path: path))])
        case let .success(node?): root = node
        }
        guard let id = root["id"]?.string else {
            problem(root, "a checklist needs an id")
            return (nil, diagnostics)
        }
        var clauses: [Checklist.Clause] = []
        var seen: Set<String> = []
        for node in root["clauses"]?.sequence ?? [] {
            guard let clauseID = node["id"]?.string else {
                problem(node, "a clause needs an id")
                continue
            }
            if !seen.insert(clauseID).inserted { problem(node, "clause \(clauseID) appears twice") }
            for entry in node.entries ?? [] where !Self.clauseKeys.contains(entry.key) {
                problem(entry.value, "unknown key '\(entry.key)' in clause \(clauseID)", hint: Suggestion.hint(for: entry.key, in: Self.clauseKeys))
            }
            var window: Interval?
            if let text = node["window"]?.string {
                window = Interval(text)
                if window == nil { problem(node, "window '\(text)' is not a duration: write N days|weeks|months|years") }
            }
            clauses.append(Checklist.Clause(
                id: clauseID, title: Self.localized(node["title"]) ?? LocalizedText(["en": clauseID]),
                documents: node["documents"]?.stringList ?? [], records: node["records"]?.stringList ?? [],
                window: window, activities: node["activities"]?.stringList ?? [],
                recommended: node["recommended"]?.stringList ?? [], guidance: Self.localized(node["guidance"]),
                points: shownNumber(node["points"], "points"), line: node.line, isGroup: false))
        }
        let ids = Set(clauses.map(\.id))
        let parents = Set(ids.flatMap { id in
            id.split(separator: ".").indices.dropLast().map { id.split(separator: ".")[...$0].joined(separator: ".") }
        })
        for i in clauses.indices { clauses[i].isGroup = parents.contains(clauses[i].id) }
        let kind = root["kind"]?.string.flatMap(Checklist.Kind.init(rawValue:)) ?? .requirements
        let scoring = root["scoring"]
        func level(_ node: YAMLNode?) -> Checklist.Level? {
            guard let node, let min = shownNumber(node["min"], "min") else { return nil }
            return Checklist.Level(min: min, name: Self.localized(node["name"]) ?? LocalizedText(["en": "\(min)"]))
        }
        let checklist = Checklist(
            id: id, title: Self.localized(root["title"]) ?? LocalizedText(["en": id]), kind: kind, clauses: clauses,
            pass: level(scoring?["pass"]), levels: (scoring?["levels"]?.sequence ?? []).compactMap { level($0) }
                .sorted { $0.min > $1.min },
            source: path)
        return (checklist, diagnostics)
    }

    /// `{ en: ..., zh-CN: ... }` or a plain string.
    static func localized(_ node: YAMLNode?) -> LocalizedText? {
        guard let node else { return nil }
        if let text = node.string { return LocalizedText(["en": text, "zh-CN": text]) }
        guard let entries = node.entries else { return nil }
        var values: [String: String] = [:]
        for entry in entries { if let text = entry.value.string { values[entry.key] = text } }
        return values.isEmpty ? nil : LocalizedText(values)
    }
}
