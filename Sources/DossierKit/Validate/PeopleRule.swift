import Foundation

/// `people.*`: every person field (owner, approver, trainer, attendees, `history[].by`...) names
/// someone under `people:` (`people.unknown`); internal-audit auditors have `auditor: true`
/// (`people.not-auditor`) and do not audit what they own (`people.self-audit`, see `SelfAuditCheck`);
/// and, when `schedules:` has `training`, everyone has been trained within that interval
/// (`people.training`, a warning, see `TrainingCoverage`).
public struct PeopleRule: ValidationRule {
    public init() {}

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 17 }

    static let auditType = "internal-audit"
    static let auditorsField = "auditors"

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let walker = FieldValueWalker(schema: context.schema, keeping: { $0 == .person })
        let specsBySlot = walker.relevantBySlot(context), slots = context.typeSlots, entries = context.site.entries
        let people = context.people
        let names = context.site.config.people.map(\.name)
        let listed = ListedNames(names)
        var diagnostics = Array(entries.indices).parallelMap { index in
            walker.values(in: entries[index], specs: specsBySlot[slots[index]]).compactMap { value in
                listed.contains(value.text) ? nil : Self.unknownPerson(value, people: people, names: names)
            }
        }.flatMap { $0 }
        for audit in context.entries(ofType: Self.auditType) {
            diagnostics += Self.nonAuditors(in: audit, context: context)
        }
        diagnostics += SelfAuditCheck(context: context).check()
        diagnostics += TrainingCoverage.check(context)
        return diagnostics
    }

    static func unknownPerson(_ value: FieldValue, people: [String: SiteConfig.Person], names: [String]) -> Diagnostic? {
        guard people[value.text] == nil else { return nil }
        return Rules.peopleUnknown.diagnostic(
            "'\(value.label)' names '\(value.text)', who is not listed under people: in dossier.yml", at: value.location,
            hint: Suggestion.hint(for: value.text, in: names) ?? "add them to people: in dossier.yml with their role, or correct the name")
    }

    /// Auditors of an internal audit who are among people but lack `auditor: true`.
    static func nonAuditors(in audit: Entry, context: ValidationContext) -> [Diagnostic] {
        guard let node = audit[auditorsField] else { return [] }
        let qualified = context.site.config.people.filter(\.auditor).map(\.name)
        return node.itemsOrSelf.enumerated().compactMap { index, item in
            guard let name = item.string, let person = context.people[name], !person.auditor else { return nil }
            let location = node.sequence == nil ? audit.location(of: auditorsField)
                                                : SourceLocation(path: audit.path, line: item.line, column: item.column)
            let label = node.sequence == nil ? auditorsField : "\(auditorsField)[\(index)]"
            let choices = qualified.isEmpty ? "" : " (\(qualified.joined(separator: ", ")))"
            return Rules.peopleNotAuditor.diagnostic(
                "'\(label)' names \(name), who is not a qualified auditor (no auditor: true in dossier.yml)", at: location,
                hint: "choose an auditor\(choices), or set auditor: true for \(name) in dossier.yml once they are qualified")
        }
    }
}

/// People's names as bytes, to recognise a name written exactly as listed without hashing it: the
/// names are Chinese, and hashing non-ASCII text normalises it first (13 M instructions of
/// `dossier check` on 10 000 records, a quarter of this rule). Equal bytes are equal Strings, so a
/// name found here is in `ValidationContext.people`; one not found is looked up there as before.
struct ListedNames: Sendable {
    private let names: [[UInt8]]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
    }

    func contains(_ text: String) -> Bool {
        return text.withUTF8Bytes { bytes in
            names.contains { name in
                name.count == bytes.count
                    && (bytes.isEmpty || name.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
            }
        }
    }
}
