/// Decides, for each clause of a checklist, whether the site answers it on the as-of date
/// (docs/checklists.md, "How coverage is decided"):
///
/// - every non-group clause expects a **document**: an approved document, not past its next review,
///   whose `kind` (or a kind it `is_a`) is one of the clause's `documents`, or that lists the clause in
///   `clauses` (with `documents: []`, only the latter);
/// - a clause with `records` also expects **evidence**: a record of a type that evidences one of them
///   (or of that type name), or that lists the clause, dated within the window before the as-of date;
/// - a clause that names neither document kinds nor records is answered by anything that lists it:
///   an approved, current document or a record within the window.
///
/// Covered: every expectation met. Partial: something answers it, but not everything (or only a
/// draft, a document past review, a record older than the window). Missing: nothing at all.
/// Excluded: the config excludes the clause or one of its parents.
///
/// Built once per site (indexes by kind, by evidence id and by claimed clause), so computing every
/// clause costs one pass over the entries plus the size of each clause's answer.
public struct Coverage: Sendable {
    public let site: Site
    public let asOf: Day
    private let index: CoverageIndex

    public static let defaultWindow = Interval(count: 12, unit: .months)

    public init(site: Site, asOf: Day) {
        self.site = site
        self.asOf = asOf
        self.index = CoverageIndex(site: site, asOf: asOf)
    }

    /// The checklists named under `standards:` that exist, in config order (each once), with their coverage.
    public func applicable() -> [ChecklistCoverage] {
        Self.applicableStandards(of: site).map { coverage(of: $0.checklist) }
    }

    /// The standards `applicable()` covers, in its order, each with the config line that names it.
    static func applicableStandards(of site: Site) -> [(standard: Located<String>, checklist: Checklist)] {
        var seen: Set<String> = []
        return site.config.standards.compactMap { standard in
            guard seen.insert(standard.value).inserted,
                  let checklist = site.checklists.first(where: { $0.id == standard.value }) else { return nil }
            return (standard, checklist)
        }
    }

    /// Coverage of any checklist the site knows, applicable or not.
    public func coverage(of checklist: Checklist) -> ChecklistCoverage {
        let exclusions = site.config.exclusions.compactMap { exclusion -> (clause: String, exclusion: SiteConfig.Exclusion)? in
            let prefix = checklist.id + ":"
            guard exclusion.clause.hasPrefix(prefix) else { return nil }
            return (String(exclusion.clause.dropFirst(prefix.count)), exclusion)
        }
        let clauses = checklist.clauses.filter { !$0.isGroup }.map { clause -> ClauseCoverage in
            // The most specific exclusion naming the clause or one of its parents.
            let exclusion = exclusions
                .filter { clause.id == $0.clause || clause.id.hasPrefix($0.clause + ".") }
                .max { $0.clause.count < $1.clause.count }?.exclusion
            return coverage(of: clause, in: checklist.id, exclusion: exclusion)
        }
        let score = checklist.kind == .scored ? CoverageScore(clauses: clauses, checklist: checklist) : nil
        return ChecklistCoverage(checklist: checklist, clauses: clauses, score: score)
    }

    func coverage(of clause: Checklist.Clause, in checklistID: String, exclusion: SiteConfig.Exclusion?) -> ClauseCoverage {
        let reference = "\(checklistID):\(clause.id)"
        let window = clause.window ?? Self.defaultWindow
        let claims = index.claims[reference] ?? []

        // Documents: by expected kind or by claim, in path order.
        var documentIndices = Set(claims.filter { index.isDocument[$0] })
        for kind in clause.documents { documentIndices.formUnion(index.documentsByKind[kind] ?? []) }
        var documents: [String] = []
        var pending: [ClauseCoverage.PendingDocument] = []
        for i in documentIndices.sorted() {
            let entry = site.entries[i]
            let status = entry.string("status") ?? ""
            switch status {
            case "approved":
                let review = DocumentControl.nextReview(of: entry, config: site.config)
                if let review, review < asOf {
                    pending.append(.init(id: entry.id, state: .reviewOverdue, status: status, nextReview: review))
                } else {
                    documents.append(entry.id)
                }
            case "obsolete":
                continue
            default:
                pending.append(.init(id: entry.id, state: .draft, status: status, nextReview: nil))
            }
        }

        // Records: by expected evidence id or by claim; only those dated on or before the as-of date.
        // Each index list is sorted newest first; several lists are merged and de-duplicated.
        var lists = clause.records.compactMap { index.recordsByEvidence[$0] }
        let claimedRecords = claims.filter { index.ordinals[$0] != CoverageIndex.undated }
        if !claimedRecords.isEmpty { lists.append(index.newestFirst(claimedRecords)) }
        let recordIndices = lists.count == 1 ? lists[0] : index.merged(lists)
        let windowStart = window.before(asOf).ordinal
        let inWindow = recordIndices.prefix { index.ordinals[$0] >= windowStart }
        let latest = recordIndices.first.map { i in
            ClauseCoverage.DatedRecord(id: site.entries[i].id, type: site.entries[i].type, day: Day(ordinal: index.ordinals[i]))
        }

        // Expectations and their gaps.
        let expectsKinds = !clause.documents.isEmpty
        let expectsRecords = !clause.records.isEmpty
        var gaps: [CoverageGap] = []
        let met: Bool
        if !expectsKinds && !expectsRecords {
            met = !documents.isEmpty || !inWindow.isEmpty
            if !met { gaps += documentGaps(pending) ?? [.nothingClaims(window: window)] }
        } else {
            let documentMet = !documents.isEmpty
            let recordsMet = !expectsRecords || !inWindow.isEmpty
            met = documentMet && recordsMet
            if !documentMet { gaps += documentGaps(pending) ?? [.noDocument(kinds: clause.documents)] }
            if !recordsMet {
                if let latest {
                    gaps.append(.staleRecord(latest, window: window))
                } else {
                    gaps.append(.noRecord(types: index.types(evidencing: clause.records), expected: clause.records, window: window))
                }
            }
        }
        let anything = !documents.isEmpty || !pending.isEmpty || latest != nil
        let status: ClauseCoverage.Status = exclusion != nil ? .excluded : met ? .covered : anything ? .partial : .missing
        return ClauseCoverage(
            checklistID: checklistID, clause: clause, status: status, exclusion: exclusion, documents: documents,
            pendingDocuments: pending, records: inWindow.map { site.entries[$0].id }, latestRecord: latest,
            window: window, gaps: status == .covered || status == .excluded ? [] : gaps)
    }

    /// The gaps when only drafts or documents past review would answer, nil when there are none.
    private func documentGaps(_ pending: [ClauseCoverage.PendingDocument]) -> [CoverageGap]? {
        guard !pending.isEmpty else { return nil }
        var gaps: [CoverageGap] = []
        let drafts = pending.filter { $0.state == .draft }.map(\.id)
        let overdue = pending.filter { $0.state == .reviewOverdue }
        if !overdue.isEmpty { gaps.append(.reviewOverdue(overdue)) }
        if !drafts.isEmpty { gaps.append(.onlyDraft(ids: drafts)) }
        return gaps
    }
}

/// The lookups coverage needs, built in one pass over the entries.
struct CoverageIndex: Sendable {
    static let undated = Int.min
    /// Entry index → ordinal of the day that dates it, for records dated on or before the as-of date
    /// (`undated` for the rest).
    var ordinals: [Int]
    var isDocument: [Bool]
    /// Document kind (and every kind it `is_a`) → document indices.
    var documentsByKind: [String: [Int]] = [:]
    /// Evidence id (and type name) → dated record indices, newest first.
    var recordsByEvidence: [String: [Int]] = [:]
    /// `checklist:clause` → indices of entries listing it in `clauses`, in path order.
    var claims: [String: [Int]] = [:]
    /// Evidence id → record types that serve it.
    var typesByEvidence: [String: [String]] = [:]

    init(site: Site, asOf: Day) {
        ordinals = Array(repeating: Self.undated, count: site.entries.count)
        isDocument = site.entries.map { $0.category == .document }
        // Each record type's date field (see RecordDates) and the lists its records join, found with
        // one look-up per record: two look-ups by type and one per evidence id were a quarter of
        // this index (~10 M instructions of `dossier check` on 10 000 records).
        var recordTypes: [String: (dateField: String, lists: [Int])] = [:]
        var lists: [[Int]] = []
        var evidenceIDs: [String] = []
        var listOfID: [String: Int] = [:]
        func list(_ id: String) -> Int {
            if let known = listOfID[id] { return known }
            listOfID[id] = lists.count
            lists.append([])
            evidenceIDs.append(id)
            return lists.count - 1
        }
        for name in site.catalog.sortedNames {
            guard let type = site.catalog[name], type.category == .record else { continue }
            let keys = Array(Set(type.evidences + [name])).sorted()
            recordTypes[name] = (type.dateField ?? "date", keys.map(list))
            for id in keys { typesByEvidence[id, default: []].append(name) }
        }
        for (i, entry) in site.entries.enumerated() {
            let references = entry.strings("clauses")
            for reference in references.count > 1 ? Array(Set(references)) : references {
                claims[reference, default: []].append(i)
            }
            switch entry.category {
            case .document:
                var kinds: Set<String> = []
                for kind in entry.strings("kind") { kinds.formUnion(DocumentKinds.lineage(of: kind)) }
                for kind in kinds { documentsByKind[kind, default: []].append(i) }
            case .record:
                let type = recordTypes[entry.type]
                guard let day = Self.day(of: entry, field: type?.dateField ?? "date"), day <= asOf else { continue }
                ordinals[i] = day.ordinal
                for index in type?.lists ?? [list(entry.type)] { lists[index].append(i) }
            }
        }
        for (index, id) in evidenceIDs.enumerated() where !lists[index].isEmpty {
            recordsByEvidence[id] = newestFirst(lists[index])
        }
    }

    /// `entry.day(field)`, with `YYYY-MM-DD[ HH:MM[:SS]]` (nearly every value) read once on bytes:
    /// `Entry.day` takes the first ten Characters first, 23 M instructions on 10 000 records. A time
    /// of that form has no offset, so its day is the date as written, as `Entry.day` finds it.
    static func day(of entry: Entry, field: String) -> Day? {
        if let text = entry.string(field), let (day, _) = DateTime.commonForm(text) { return day }
        return entry.day(field)
    }

    /// Indices sorted by date, newest first, then in path order.
    func newestFirst(_ indices: [Int]) -> [Int] {
        // Sorted as one integer each, the day's distance from 2^30 above the index: comparing through
        // `ordinals` in a closure was 13 M instructions of `dossier check` on 10 000 records.
        var keys: [Int] = []
        keys.reserveCapacity(indices.count)
        for i in indices {
            let ordinal = ordinals[i]
            guard ordinal > -(1 << 30), ordinal < 1 << 30, (0..<(1 << 32)).contains(i) else { return Self.byComparing(indices, ordinals) }
            keys.append((1 << 30 - ordinal) << 32 | i)
        }
        keys.sort()
        return keys.map { $0 & 0xFFFF_FFFF }
    }

    /// `newestFirst` by comparing, for ordinals out of the packed range (`undated`).
    static func byComparing(_ indices: [Int], _ ordinals: [Int]) -> [Int] {
        indices.sorted { ordinals[$0] != ordinals[$1] ? ordinals[$0] > ordinals[$1] : $0 < $1 }
    }

    /// Several newest-first lists as one, without duplicates.
    func merged(_ lists: [[Int]]) -> [Int] {
        let all = newestFirst(lists.flatMap { $0 })
        var result: [Int] = []
        result.reserveCapacity(all.count)
        for i in all where result.last != i { result.append(i) }
        return result
    }

    /// Record types that evidence any of `ids`, sorted and unique.
    func types(evidencing ids: [String]) -> [String] {
        Array(Set(ids.flatMap { typesByEvidence[$0] ?? [] })).sorted()
    }
}
