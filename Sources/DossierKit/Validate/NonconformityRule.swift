/// Nonconformities (type `nonconformity`):
/// - `nc.overdue`: open, and its `due` is before the as-of date;
/// - `nc.unverified`: closed without `verified_by` or `verified_on`, or verified by its own `owner`;
/// - `nc.major-open`: severity major and still open: the organisation is not audit-ready.
public struct NonconformityRule: ValidationRule {
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for nc in context.entries(ofType: "nonconformity") {
            switch nc.string("status") {
            case "open":
                found += overdue(nc, asOf: context.asOf)
                found += majorOpen(nc)
            case "closed":
                found += unverified(nc)
            default:
                continue // a missing or unknown status is the schema's finding
            }
        }
        return found
    }

    func overdue(_ nc: Entry, asOf: Day) -> [Diagnostic] {
        guard let due = nc.day("due"), due < asOf else { return [] }
        let days = due.days(until: asOf)
        return [Rules.ncOverdue.diagnostic(
            "\(nc.id) is open \(days) day\(days == 1 ? "" : "s") past its due date \(due)",
            at: nc.location(of: "due"),
            hint: "Complete the corrective action and close it (closed_on, verified_by, verified_on), or agree and record a new due date."
        )]
    }

    func majorOpen(_ nc: Entry) -> [Diagnostic] {
        guard nc.string("severity") == "major" else { return [] }
        return [Rules.ncMajorOpen.diagnostic(
            "major nonconformity \(nc.id) is open: not audit-ready",
            at: nc.location(of: "severity"),
            hint: "A certification body will not certify, or keep certifying, with a major nonconformity open: correct it, verify the correction and close it."
        )]
    }

    /// Missing verification is reported once, at `status`, naming every missing field; self-verification at `verified_by`.
    func unverified(_ nc: Entry) -> [Diagnostic] {
        let missing = ["verified_by", "verified_on"].filter { nc.string($0) == nil }
        if !missing.isEmpty {
            let names = missing.map { "`\($0)`" }.joined(separator: " and ")
            return [Rules.ncUnverified.diagnostic(
                "\(nc.id) is closed without \(names): the effectiveness of its corrective action was not verified",
                at: nc.location(of: "status"),
                hint: "Have someone other than the owner verify that the action worked, and record verified_by and verified_on."
            )]
        }
        if let verifier = nc.string("verified_by"), let owner = nc.string("owner"), verifier == owner {
            return [Rules.ncUnverified.diagnostic(
                "\(nc.id) was verified by its own owner \(owner): verification must be independent",
                at: nc.location(of: "verified_by"),
                hint: "Have someone other than \(owner) verify the corrective action."
            )]
        }
        return []
    }
}
