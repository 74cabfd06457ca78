/// The `targets:` keys Dossier checks records against (and shows on KPI pages). One list, used by
/// `config.unknown-target`; keep it in step with `RecordTargetCheck`, which reads the values.
public enum KnownTargets {
    public static let incidentResolutionP90 = "incident.resolution_hours.p90"
    public static let incidentResolutionMax = "incident.resolution_hours.max"
    public static let complaintAcknowledgeMax = "complaint.acknowledge_hours.max"
    public static let complaintCloseMax = "complaint.close_days.max"
    public static let satisfactionScoreMin = "satisfaction.score.min"

    /// Incident priorities that may carry their own resolution targets.
    public static let priorities = ["P1", "P2", "P3", "P4"]

    /// `incident.resolution_hours.P1.max`, `incident.resolution_hours.P1.p90`.
    public static func incidentResolution(priority: String, measure: String) -> String {
        "incident.resolution_hours.\(priority).\(measure)"
    }

    public static let keys: [String] = [incidentResolutionP90, incidentResolutionMax]
        + priorities.flatMap { priority in ["max", "p90"].map { incidentResolution(priority: priority, measure: $0) } }
        + [complaintAcknowledgeMax, complaintCloseMax, satisfactionScoreMin]
}
