/// Document control of controlled documents (`manual`, `policy`, `procedure`...):
/// - `doc.approval`: `status: approved` without `approved_by` or `approved_on`;
/// - `doc.review-overdue`: an approved document whose next review is before the as-of date;
/// - `doc.review-due` (warning): the next review falls within 30 days after the as-of date;
/// - `doc.history`: `history` does not end at `version`, or its dates go backwards;
/// - `doc.procedure-status` (records citing a procedure): see `ProcedureStatusCheck`.
public struct DocumentControlRule: ValidationRule {
    /// How far ahead `doc.review-due` looks.
    static let reviewDueWindowDays = 30

    public init() {}

    /// Share of a 10,000-record validation in a profile (`Validator` starts the longest first).
    public var weight: Int { 10 }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.site.entries where entry.category == .document {
            found += approval(entry)
            found += review(entry, context: context)
            found += history(entry)
        }
        found += ProcedureStatusCheck(context: context).check()
        return found
    }

    /// `doc.approval`: one finding per document naming every missing field, at its `status` key.
    /// This rule owns the finding; `schema.required` should not report these two fields as well.
    func approval(_ entry: Entry) -> [Diagnostic] {
        guard entry.string("status") == "approved" else { return [] }
        let missing = ["approved_by", "approved_on"].filter { entry.string($0) == nil }
        guard !missing.isEmpty else { return [] }
        let names = missing.map { "`\($0)`" }.joined(separator: " and ")
        return [Rules.docApproval.diagnostic(
            "\(entry.id) is approved but has no \(names)",
            at: entry.location(of: "status"),
            hint: "Record who approved it and when (approved_by: <person>, approved_on: YYYY-MM-DD), or set status to review until it is approved."
        )]
    }

    /// `doc.review-overdue` and `doc.review-due`, for approved documents only.
    func review(_ entry: Entry, context: ValidationContext) -> [Diagnostic] {
        guard entry.string("status") == "approved",
              let next = DocumentControl.nextReview(of: entry, config: context.site.config) else { return [] }
        let explicit = entry.day("next_review") != nil
        let location = entry.location(of: explicit ? "next_review" : "approved_on")
        let source = explicit ? "next_review" : "approved_on \(entry.string("approved_on") ?? "") + \(reviewInterval(context))"
        let days = context.asOf.days(until: next)
        if days < 0 {
            return [Rules.docReviewOverdue.diagnostic(
                "review of \(entry.id) was due on \(next) (\(source)), \(-days) day\(-days == 1 ? "" : "s") before \(context.asOf)",
                at: location,
                hint: "Review the document, then record it: a new history entry, and a new approved_on (or next_review)."
            )]
        }
        if days <= Self.reviewDueWindowDays {
            let when = days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"
            return [Rules.docReviewDue.diagnostic(
                "review of \(entry.id) is due on \(next) (\(source)), \(when)",
                at: location,
                hint: "Plan the review before \(next)."
            )]
        }
        return []
    }

    private func reviewInterval(_ context: ValidationContext) -> String {
        (context.site.config.schedule(for: "document-review") ?? Interval(count: 12, unit: .months)).description
    }

    /// `doc.history`: the last entry's version is the document's `version`, and dates do not go backwards.
    func history(_ entry: Entry) -> [Diagnostic] {
        guard let items = entry["history"]?.sequence, !items.isEmpty else { return [] }
        var found: [Diagnostic] = []
        var previous: Day?
        for item in items {
            guard let text = item["date"]?.string, let day = Day(iso: text) else { continue }
            if let previous, day < previous {
                found.append(Rules.docHistory.diagnostic(
                    "history of \(entry.id) goes back in time: \(day) comes after \(previous)",
                    at: SourceLocation(path: entry.path, line: item.line, column: item.column),
                    hint: "List history entries oldest first, with the date each version was issued."
                ))
            }
            previous = max(previous ?? day, day)
        }
        if let version = entry.string("version"), let last = items.last, let lastVersion = last["version"]?.string,
           lastVersion != version {
            found.append(Rules.docHistory.diagnostic(
                "\(entry.id) is version \(version) but its history ends at version \(lastVersion)",
                at: entry.location(of: "version"),
                hint: "Add a history entry for version \(version) (date, by, change), or correct `version`."
            ))
        }
        return found
    }
}
