/// How well one clause of a checklist is answered on the as-of date, with the documents and records
/// that answer it and, when it is not covered, why. Computed by `Coverage`; used by the coverage
/// rules, the clause pages and `dossier clauses`.
public struct ClauseCoverage: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case covered, partial, missing, excluded
    }

    /// A document that would answer the clause if it were approved and current.
    public struct PendingDocument: Sendable, Hashable {
        public enum State: String, Sendable, Hashable {
            /// `status: draft` or `status: review`.
            case draft
            /// Approved, but its next review date has passed.
            case reviewOverdue = "review-overdue"
        }

        public var id: String
        public var state: State
        /// The document's `status` as written (`draft`, `review`, `approved`).
        public var status: String
        public var nextReview: Day?
    }

    /// A record with the day that dates it.
    public struct DatedRecord: Sendable, Hashable {
        public var id: String
        public var type: String
        public var day: Day
    }

    public var checklistID: String
    public var clause: Checklist.Clause
    public var status: Status
    /// The config exclusion that applies (naming this clause or one of its parents).
    public var exclusion: SiteConfig.Exclusion?
    /// Approved, current documents whose kind the clause expects or that list the clause, in path order.
    public var documents: [String]
    /// Draft documents and documents past their review that would answer the clause, in path order.
    public var pendingDocuments: [PendingDocument]
    /// Evidence records dated within the window (an expected type, or listing the clause), newest first.
    public var records: [String]
    /// The newest evidence record on or before the as-of date, inside the window or not.
    public var latestRecord: DatedRecord?
    /// The window records must fall in (the clause's `window`, 12 months when it has none).
    public var window: Interval
    /// Unmet expectations, most important first; empty when covered or excluded.
    public var gaps: [CoverageGap]

    /// `iso20000-1:8.7.2`.
    public var reference: String { "\(checklistID):\(clause.id)" }

    public var exclusionReason: String? { exclusion?.reason }

    /// The gaps in words, e.g. "no approved document of kind service-continuity-plan".
    public var reasons: [String] { gaps.map(\.description) }
}

/// One unmet expectation of a clause.
public enum CoverageGap: Sendable, Hashable, CustomStringConvertible {
    /// No approved, current document of one of `kinds` (or listing the clause; `kinds` empty: only that).
    case noDocument(kinds: [String])
    /// Documents that would answer the clause are drafts (or in review).
    case onlyDraft(ids: [String])
    /// Documents that would answer the clause are past their review date.
    case reviewOverdue([ClauseCoverage.PendingDocument])
    /// No record of `types` (evidencing `expected`) or listing the clause, on or before the as-of date.
    case noRecord(types: [String], expected: [String], window: Interval)
    /// The newest evidence record is older than the window.
    case staleRecord(ClauseCoverage.DatedRecord, window: Interval)
    /// A clause that expects nothing by kind: no approved document or recent record lists it.
    case nothingClaims(window: Interval)

    public var description: String {
        switch self {
        case let .noDocument(kinds):
            if kinds.isEmpty { return "no approved, current document lists the clause in its clauses" }
            return "no approved document of kind \(Self.either(kinds)) (or listing the clause)"
        case let .onlyDraft(ids):
            return "only a draft document answers it (\(ids.joined(separator: ", ")))"
        case let .reviewOverdue(documents):
            let list = documents.map { document in document.nextReview.map { "\(document.id), due \($0)" } ?? document.id }
            return documents.count == 1 ? "the document that answers it is past its review date (\(list[0]))"
                : "the documents that answer it are past their review dates (\(list.joined(separator: "; ")))"
        case let .noRecord(types, expected, window):
            if types.isEmpty {
                return "no record type evidences \(Self.either(expected)), and no record within \(window) lists the clause"
            }
            return "no \(Self.either(types)) record within \(window)"
        case let .staleRecord(record, window):
            return "latest \(record.type) record is \(record.day) (\(record.id)), older than \(window)"
        case let .nothingClaims(window):
            return "no approved document, and no record within \(window), lists the clause in its clauses"
        }
    }

    /// What to do about it, for diagnostics' hints.
    public func hint(reference: String) -> String {
        switch self {
        case let .noDocument(kinds):
            guard let kind = kinds.first else { return "add \(reference) to the clauses of the approved document that answers it" }
            return "approve a document with kind: \(kind), or add \(reference) to the clauses of the document that answers it"
        case .onlyDraft:
            return "approve the document (status: approved, approved_by, approved_on)"
        case .reviewOverdue:
            return "review the document and update approved_on (or next_review)"
        case let .noRecord(types, expected, _):
            guard let type = types.first else {
                return "declare a type with evidences: [\(expected.first ?? "")] under types:, or let a record list \(reference) in its clauses"
            }
            return "file a \(type) record, or let a recent record list \(reference) in its clauses"
        case let .staleRecord(record, _):
            return "file a new \(record.type) record, or let a recent record list \(reference) in its clauses"
        case .nothingClaims:
            return "add \(reference) to the clauses of the approved document (or a recent record) that answers it"
        }
    }

    static func either(_ words: [String]) -> String {
        switch words.count {
        case 0: return ""
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        }
    }
}
