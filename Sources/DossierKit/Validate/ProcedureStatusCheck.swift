/// `doc.procedure-status`: a record's `procedure` must name a document that is approved and current
/// (not draft, in review or obsolete, and not past its next review). A `procedure` naming no document
/// at all is `ref.dangling`'s finding, not this one. Each cited document is judged once.
struct ProcedureStatusCheck {
    let context: ValidationContext

    func check() -> [Diagnostic] {
        var verdicts: [String: Verdict] = [:]
        var found: [Diagnostic] = []
        for entry in context.site.entries where entry.category == .record {
            guard let id = entry.string("procedure") else { continue }
            let verdict: Verdict
            if let known = verdicts[id] {
                verdict = known
            } else {
                verdict = judge(id)
                verdicts[id] = verdict
            }
            guard case let .unfit(reason, hint) = verdict else { continue }
            found.append(Rules.docProcedureStatus.diagnostic(
                "\(entry.id) follows \(id), \(reason)", at: entry.location(of: "procedure"), hint: hint))
        }
        return found
    }

    enum Verdict {
        case fit
        case unfit(reason: String, hint: String)
    }

    func judge(_ id: String) -> Verdict {
        guard let document = context.site.entry(id: id), document.category == .document,
              let status = document.string("status") else { return .fit }
        switch status {
        case "approved":
            guard let next = DocumentControl.nextReview(of: document, config: context.site.config),
                  next < context.asOf else { return .fit }
            return .unfit(reason: "whose review was due on \(next)",
                          hint: "Review and re-approve \(id), or cite the procedure that replaced it.")
        case "obsolete":
            return .unfit(reason: "which is obsolete",
                          hint: "Cite the procedure that replaced \(id).")
        default:
            return .unfit(reason: "which is not approved (status: \(status))",
                          hint: "Approve \(id) (status: approved, approved_by, approved_on), or cite an approved procedure.")
        }
    }
}
