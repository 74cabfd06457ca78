/// `people.training` (a warning): when `schedules:` has `training`, every person under `people:`
/// must appear among the attendees, or be the trainer, of a training record dated on or after
/// `interval.before(asOf)` and not after the as-of date. Located at the person's line in dossier.yml.
enum TrainingCoverage {
    static let type = "training"

    static func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let interval = context.site.config.schedule(for: type) else { return [] }
        let since = interval.before(context.asOf)
        var last: [String: Day] = [:]
        for record in context.entries(ofType: type) {
            guard let day = context.day(of: record), day <= context.asOf else { continue }
            for name in record.strings("attendees") + record.strings("trainer") where (last[name] ?? day) <= day {
                last[name] = day
            }
        }
        return context.site.config.people.compactMap { person in
            let latest = last[person.name]
            if let latest, latest >= since { return nil }
            let previous = latest.map { "; last trained \($0)" } ?? "; no training record at all"
            return Rules.peopleTraining.diagnostic(
                "\(person.name) has no training record since \(since) (schedules: training every \(interval))\(previous)",
                at: context.configLocation(line: person.line),
                hint: "list \(person.name) among the attendees of a training record dated on or after \(since)")
        }
    }
}
