/// `ref.*` for front-matter values: every `ref` field names an existing id of an allowed type
/// (`ref.dangling`), every `clause` field a checklist the site knows and a clause in it
/// (`ref.unknown-clause`), and every `attachment` a file under Content/attachments/ (`ref.attachment`)
/// reached without leaving that folder (`ref.escape`). Markdown links and duplicate ids are checked
/// by the parser (LinkResolver, SiteParser).
public struct ReferenceRule: ValidationRule {
    public init() {}

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 90 }

    /// Dangling references get a "did you mean" hint over every id; past this many the search is
    /// skipped, so that a site with thousands of broken references stays fast.
    static let hintedDanglingLimit = 100

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let walker = FieldValueWalker(schema: context.schema, keeping: Self.isChecked)
        let specsBySlot = walker.relevantBySlot(context), slots = context.typeSlots
        let checklists = Dictionary(context.site.checklists.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Each checklist's clause ids as a set: `Checklist.clause(_:)` searches its clauses one by
        // one, 2 % of `dossier check` on 10 000 records, where every record names clauses.
        let clauseIDs = checklists.mapValues { Set($0.clauses.map(\.id)) }
        let known = Self.knownReferences(checklists)
        let site = context.site
        let found = Array(site.entries.indices).parallelMap { index in
            walker.values(in: site.entries[index], specs: specsBySlot[slots[index]]).compactMap { value -> Problem? in
                if case .clause = value.kind, known.contains(value.text) { return nil }
                return Self.problem(with: value, site: site, checklists: checklists, clauseIDs: clauseIDs)
            }
        }.flatMap { $0 }
        var hinted = 0
        var allIDs: [String]?
        return found.map { problem in
            switch problem {
            case let .ready(diagnostic):
                return diagnostic
            case let .dangling(diagnostic, id, types):
                var diagnostic = diagnostic
                diagnostic.hint = Self.genericDanglingHint
                guard hinted < Self.hintedDanglingLimit else { return diagnostic }
                hinted += 1
                let candidates: [String]
                if types.isEmpty {
                    let ids = allIDs ?? context.site.entries.map(\.id)
                    allIDs = ids
                    candidates = ids
                } else {
                    candidates = types.flatMap { context.entries(ofType: $0).map(\.id) }
                }
                if let suggestion = Self.danglingHint(for: id, in: candidates) { diagnostic.hint = suggestion }
                return diagnostic
            }
        }
    }

    static let genericDanglingHint = "check the id; every id field must name an existing file"

    enum Problem: Sendable {
        case ready(Diagnostic)
        /// A dangling reference whose hint is searched for afterwards (see `hintedDanglingLimit`).
        case dangling(Diagnostic, id: String, types: [String])
    }

    static func isChecked(_ kind: FieldKind) -> Bool {
        switch kind {
        case .reference, .clause, .attachment: return true
        default: return false
        }
    }

    static func problem(with value: FieldValue, site: Site, checklists: [String: Checklist],
                        clauseIDs: [String: Set<String>]) -> Problem? {
        switch value.kind {
        case let .reference(types):
            return reference(value, types: types, site: site)
        case .clause:
            return clause(value, checklists: checklists, clauseIDs: clauseIDs).map(Problem.ready)
        case .attachment:
            return AttachmentPath.problem(with: value, attachments: site.attachments).map(Problem.ready)
        default:
            return nil
        }
    }

    static func reference(_ value: FieldValue, types: [String], site: Site) -> Problem? {
        guard let targetIndex = site.indexByID[value.text] else {
            let diagnostic = Rules.refDangling.diagnostic(
                "'\(value.label)' names '\(value.text)', but no file has that id", at: value.location)
            return .dangling(diagnostic, id: value.text, types: types)
        }
        // The type only, not a copy of the whole entry.
        let targetType = site.entries[targetIndex].type
        guard !types.isEmpty, !types.contains(targetType) else { return nil }
        return .ready(Rules.refDangling.diagnostic(
            "'\(value.label)' names '\(value.text)' of type \(targetType); it must name a \(types.joined(separator: " or "))",
            at: value.location,
            hint: "name a \(types.joined(separator: " or ")) here, or move '\(value.text)' elsewhere (e.g. related:)"))
    }

    /// "did you mean" among `candidates`, skipping those too different in length to be a typo.
    static func danglingHint(for id: String, in candidates: [String]) -> String? {
        let length = id.utf8.count
        return Suggestion.hint(for: id, in: candidates.lazy.filter { abs($0.utf8.count - length) <= 12 })
    }

    /// - Parameter clauseIDs: each checklist's clause ids (`checklists`, as sets); the checklists' own
    ///   search when nil.
    static func clause(_ value: FieldValue, checklists: [String: Checklist], clauseIDs: [String: Set<String>]? = nil) -> Diagnostic? {
        guard SchemaValueCheck.isClauseForm(value.text), let colon = Self.colon(in: value.text) else {
            return nil // the form itself is schema.kind's finding
        }
        let checklistID = String(value.text[..<colon])
        let clauseID = String(value.text[value.text.index(after: colon)...])
        // The known case first, from the sets alone: looking the checklist up copied it.
        if let known = clauseIDs?[checklistID], known.contains(clauseID) { return nil }
        guard let checklist = checklists[checklistID] else {
            return Rules.refUnknownClause.diagnostic(
                "'\(value.label)' names '\(value.text)', but there is no checklist '\(checklistID)'", at: value.location,
                hint: Suggestion.hint(for: checklistID, in: checklists.keys).map { "\($0) (checklists: \(checklists.keys.sorted().joined(separator: ", ")))" }
                    ?? "known checklists: \(checklists.keys.sorted().joined(separator: ", "))")
        }
        if let known = clauseIDs?[checklistID] {
            guard !known.contains(clauseID) else { return nil }
        } else {
            guard checklist.clause(clauseID) == nil else { return nil }
        }
        let hint: String
        if let parent = enclosingClause(of: clauseID, in: checklist), checklist.clause(parent)?.isGroup == false {
            hint = "did you mean '\(checklistID):\(parent)'? \(checklistID) keeps \(parent) as one clause"
        } else if let closest = Suggestion.closest(to: clauseID, in: checklist.clauses.map(\.id)) {
            hint = "did you mean '\(checklistID):\(closest)'?"
        } else {
            hint = "`dossier clauses \(checklistID)` lists its clauses"
        }
        return Rules.refUnknownClause.diagnostic(
            "'\(value.label)' names '\(value.text)', but \(checklistID) has no clause '\(clauseID)'", at: value.location,
            hint: hint)
    }

    /// Every `checklist:clause` the checklists hold. A value equal to one of them is a known clause
    /// (`clause(_:…)` finds nothing: it splits at the only colon into a checklist and one of its
    /// clauses), answered with one hash instead of the form check, the split and two look-ups
    /// (50 M instructions of `dossier check` on 10 000 records).
    static func knownReferences(_ checklists: [String: Checklist]) -> Set<String> {
        var known: Set<String> = []
        for (id, checklist) in checklists where !id.contains(":") {
            for clause in checklist.clauses where !clause.id.contains(":") { known.insert("\(id):\(clause.id)") }
        }
        return known
    }

    /// The first ":" Character. In ASCII text (nearly all) found on bytes: `firstIndex(of:)` on
    /// Characters was half of `clause(_:…)`, 50 M instructions of `dossier check` on 10 000 records.
    /// Other text keeps the Character search (a combining mark after ":" makes another Character).
    static func colon(in text: String) -> String.Index? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.firstIndex(of: ":") }
        return bytes.firstIndex(of: UInt8(ascii: ":"))
    }

    /// The nearest clause above `clauseID` that the checklist has (`4` for `4.14` when the checklist
    /// keeps clause 4 whole), if any.
    static func enclosingClause(of clauseID: String, in checklist: Checklist) -> String? {
        var parts = clauseID.split(separator: ".")
        while parts.count > 1 {
            parts.removeLast()
            let candidate = parts.joined(separator: ".")
            if checklist.clause(candidate) != nil { return candidate }
        }
        return nil
    }
}
