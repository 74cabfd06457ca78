/// Document-control dates that several stages need.
public enum DocumentControl {
    /// `next_review` as written, else `approved_on` plus `schedules.document-review` (12 months by default).
    public static func nextReview(of entry: Entry, config: SiteConfig) -> Day? {
        if let explicit = entry.day("next_review") { return explicit }
        guard let approved = entry.day("approved_on") else { return nil }
        return (config.schedule(for: "document-review") ?? Interval(count: 12, unit: .months)).after(approved)
    }
}
