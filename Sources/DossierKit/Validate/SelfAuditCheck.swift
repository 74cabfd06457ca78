/// `people.self-audit`: an auditor of an internal audit must not own (document `owner`) a procedure
/// named in the audit's `processes`, nor a document that claims (in `clauses`) a clause of the
/// audit's `scope`. One finding per auditor and document, at the first `processes` or `scope`
/// item that brings the document in.
struct SelfAuditCheck {
    static let processesField = "processes"
    static let scopeField = "scope"

    let context: ValidationContext
    /// `checklist:clause` → documents (not obsolete, with an owner) that claim it, in path order.
    let claims: [String: [Entry]]

    init(context: ValidationContext) {
        self.context = context
        var claims: [String: [Entry]] = [:]
        if !context.entries(ofType: PeopleRule.auditType).isEmpty {
            for entry in context.site.entries where entry.category == .document {
                guard entry.string("owner") != nil, entry.string("status") != "obsolete" else { continue }
                for clause in Set(entry.strings("clauses")) { claims[clause, default: []].append(entry) }
            }
        }
        self.claims = claims
    }

    func check() -> [Diagnostic] {
        context.entries(ofType: PeopleRule.auditType).flatMap(check)
    }

    private struct Finding {
        var auditor: String
        var document: Entry
        var location: SourceLocation
        var clauses: [String]
        var inProcesses: Bool
    }

    func check(_ audit: Entry) -> [Diagnostic] {
        var auditors: [String] = []
        for name in audit.strings(PeopleRule.auditorsField) where !auditors.contains(name) { auditors.append(name) }
        guard !auditors.isEmpty else { return [] }
        var findings: [Finding] = []
        var index: [String: Int] = [:]  // "auditor\u{0}document id" → findings index

        for (item, location) in items(of: Self.processesField, in: audit) {
            guard let id = item.string, let document = context.site.entry(id: id),
                  let owner = document.string("owner"), auditors.contains(owner) else { continue }
            let key = owner + "\u{0}" + document.id
            guard index[key] == nil else { continue }
            index[key] = findings.count
            findings.append(Finding(auditor: owner, document: document, location: location, clauses: [], inProcesses: true))
        }
        for (item, location) in items(of: Self.scopeField, in: audit) {
            guard let clause = item.string else { continue }
            for document in claims[clause] ?? [] {
                guard let owner = document.string("owner"), auditors.contains(owner) else { continue }
                let key = owner + "\u{0}" + document.id
                if let existing = index[key] {
                    if !findings[existing].inProcesses, !findings[existing].clauses.contains(clause) {
                        findings[existing].clauses.append(clause)
                    }
                    continue
                }
                index[key] = findings.count
                findings.append(Finding(auditor: owner, document: document, location: location, clauses: [clause], inProcesses: false))
            }
        }
        return findings.map(diagnostic)
    }

    private func diagnostic(_ finding: Finding) -> Diagnostic {
        let document = finding.document
        let named = "\(document.id) (\(document.title))"
        if finding.inProcesses {
            return Rules.peopleSelfAudit.diagnostic(
                "auditor \(finding.auditor) owns \(named), which this audit covers in processes: an auditor must not audit their own process",
                at: finding.location,
                hint: "let another auditor audit \(document.id) (a separate cross audit), or take it out of processes")
        }
        let clauses = finding.clauses.joined(separator: ", ")
        return Rules.peopleSelfAudit.diagnostic(
            "auditor \(finding.auditor) owns \(named), which claims \(clauses) in this audit's scope: an auditor must not audit their own process",
            at: finding.location,
            hint: "let another auditor audit \(clauses) (a separate cross audit), or take \(finding.clauses.count == 1 ? "it" : "them") out of scope")
    }

    /// The items of a list field with where each stands (a single value counts as one item).
    private func items(of field: String, in entry: Entry) -> [(YAMLNode, SourceLocation)] {
        guard let node = entry[field] else { return [] }
        guard let sequence = node.sequence else {
            return node.isNull ? [] : [(node, entry.location(of: field))]
        }
        return sequence.map { ($0, SourceLocation(path: entry.path, line: $0.line, column: $0.column)) }
    }
}
