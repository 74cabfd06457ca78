/// The four sections of the KPI page: each has an explanation, its headline, a chart by month and
/// the tables with the same numbers.
struct KPISection {
    let context: RenderContext
    let page: String
    let measurements: KPIMeasurements
    let summary: KPISummary
    let months: KPIMonths

    var strings: InterfaceStrings { context.strings }
    var targets: RecordTargetCheck.Targets { RecordTargetCheck.Targets(context.site.config) }

    /// Interface-string keys of each KPI: section title, statistic of the headline, count of measurements.
    static func names(of kpi: KPIHeadline.KPI) -> (title: String, statistic: String, count: String) {
        switch kpi {
        case .incidentResolution: return ("kpiIncidentTitle", "kpiStatP90", "kpiIncidentCount")
        case .complaintAcknowledgement: return ("kpiAcknowledgeTitle", "kpiStatMaximum", "kpiAcknowledgedCount")
        case .complaintClosing: return ("kpiCloseTitle", "kpiStatMaximum", "kpiClosedCount")
        case .satisfaction: return ("kpiSatisfactionTitle", "kpiStatMinimum", "kpiSurveyCount")
        }
    }

    static func anchor(of kpi: KPIHeadline.KPI) -> String { kpi.rawValue }

    // MARK: - Incidents

    func incidents() -> [String: Any] {
        let headline = summary.incidentResolution
        let target = headline.target
        let buckets = months.buckets(measurements.incidents)
        let medians = buckets.map { KPIStatistics.median($0.map(\.value)) }
        let p90s = buckets.map { KPIStatistics.p90($0.map(\.value)) }
        let chart = self.chart(
            kind: .incidentResolution, unit: .hours,
            series: [SVGChart.Series(name: strings["kpiP90"], style: .bars, values: p90s),
                     SVGChart.Series(name: strings["kpiMedian"], style: .line, values: medians)],
            target: target, higherIsBetter: false)
        let monthTable = KPITables.byMonth(caption: strings["kpiByMonth"], corner: strings["kpiMeasure"], months: months,
                                           strings: strings, rows: [
            (strings["kpiResolved"], buckets.map { KPITables.count($0.count) }),
            (strings["kpiMedianHours"], medians.map { KPITables.number($0, unit: .hours) }),
            (strings["kpiP90Hours"], p90s.map { KPITables.number($0, unit: .hours) }),
            (strings["kpiAgainstTarget"], p90s.map { KPITables.verdict(both($0, target).map { $0 <= $1 }, strings) }),
        ])
        return section(.incidentResolution, intro: "kpiIncidentIntro", chart: chart,
                       tables: [monthTable, priorityTable()])
    }

    /// Incidents resolved in the 12-month window, per priority, against the priority's own targets
    /// (or the general ones).
    private func priorityTable() -> [String: Any] {
        let window = KPIWindow(asOf: context.asOf)
        let recent = measurements.incidents.filter { window.contains($0.day) }
        let targets = self.targets
        let priorities = Set(KnownTargets.priorities).union(recent.map(\.group).filter { !$0.isEmpty }).sorted()
        let rows = priorities.map { priority -> [String: Any] in
            let hours = recent.filter { $0.group == priority }.map(\.value)
            let p90 = KPIStatistics.p90(hours)
            let longest = hours.max()
            let p90Target = (targets.resolution[priority]?.p90 ?? targets.resolution[""]?.p90)?.value
            let maxTarget = targets.resolutionMax(priority: priority)?.value
            var parts: [String] = []
            if let p90Target {
                parts.append(KPIFormat.fill(strings["kpiTargetP90"], ["value": KPIFormat.value(p90Target, unit: .hours, strings)]))
            }
            if let maxTarget {
                parts.append(KPIFormat.fill(strings["kpiTargetEach"], ["value": KPIFormat.value(maxTarget, unit: .hours, strings)]))
            }
            var met: Bool?
            if !hours.isEmpty, p90Target != nil || maxTarget != nil {
                met = (both(p90, p90Target).map { $0 <= $1 } ?? true) && (both(longest, maxTarget).map { $0 <= $1 } ?? true)
            }
            var head = KPITables.text(priority)
            head["badge"] = priority
            head["isBadge"] = true
            head["isPlain"] = false
            return KPITables.row(head, [
                KPITables.count(hours.count),
                KPITables.number(KPIStatistics.median(hours), unit: .hours),
                KPITables.number(p90, unit: .hours),
                KPITables.number(longest, unit: .hours),
                KPITables.text(parts.isEmpty ? "–" : parts.joined(separator: "; ")),
                KPITables.verdict(met, strings),
            ], muted: hours.isEmpty)
        }
        return KPITables.table(caption: strings["kpiByPriority"], columns: [
            (strings["kpiPriority"], false), (strings["kpiResolved"], true), (strings["kpiMedianHours"], true),
            (strings["kpiP90Hours"], true), (strings["kpiLongestHours"], true), (strings["kpiTarget"], false),
            (strings["kpiAgainstTarget"], false),
        ], rows: rows)
    }

    // MARK: - Complaints

    func acknowledgement() -> [String: Any] {
        complaintSection(.complaintAcknowledgement, samples: measurements.acknowledgements, unit: .hours,
                         headline: summary.complaintAcknowledgement, intro: "kpiAcknowledgeIntro",
                         countColumn: "kpiAcknowledged", medianColumn: "kpiMedianHours", longestColumn: "kpiLongestHours",
                         waiting: measurements.waiting.filter { !$0.acknowledged }.map { ($0.id, $0.hours) })
    }

    func closing() -> [String: Any] {
        complaintSection(.complaintClosing, samples: measurements.closings, unit: .days,
                         headline: summary.complaintClosing, intro: "kpiCloseIntro",
                         countColumn: "kpiClosed", medianColumn: "kpiMedianDays", longestColumn: "kpiLongestDays",
                         waiting: measurements.waiting.map { ($0.id, $0.hours / 24) })
    }

    /// A complaint time against a maximum: per month the count, median, longest and share within target.
    /// `waiting`: complaints not done yet, with the time they have waited so far (in `unit`).
    private func complaintSection(_ kind: KPIHeadline.KPI, samples: [KPIMeasurements.Sample], unit: KPIHeadline.Unit,
                                  headline: KPIHeadline, intro: String, countColumn: String, medianColumn: String,
                                  longestColumn: String, waiting: [(id: String, value: Double)]) -> [String: Any] {
        let target = headline.target
        let buckets = months.buckets(samples)
        let medians = buckets.map { KPIStatistics.median($0.map(\.value)) }
        let longest = buckets.map { $0.map(\.value).max() }
        let chart = self.chart(
            kind: kind, unit: unit,
            series: [SVGChart.Series(name: strings["kpiLongest"], style: .bars, values: longest),
                     SVGChart.Series(name: strings["kpiMedian"], style: .line, values: medians)],
            target: target, higherIsBetter: false)
        let shares = buckets.map { bucket -> [String: Any] in
            let values = bucket.map(\.value)
            guard let target, !values.isEmpty else { return KPITables.text("–", numeric: true) }
            return KPITables.text(KPIFormat.percent(Double(values.filter { $0 <= target }.count) / Double(values.count)), numeric: true)
        }
        let table = KPITables.byMonth(caption: strings["kpiByMonth"], corner: strings["kpiMeasure"], months: months,
                                      strings: strings, rows: [
            (strings[countColumn], buckets.map { KPITables.count($0.count) }),
            (strings[medianColumn], medians.map { KPITables.number($0, unit: unit) }),
            (strings[longestColumn], longest.map { KPITables.number($0, unit: unit) }),
            (strings["kpiWithinTarget"], shares),
            (strings["kpiAgainstTarget"], longest.map { KPITables.verdict(both($0, target).map { $0 <= $1 }, strings) }),
        ])
        var model = section(kind, intro: intro, chart: chart, tables: [table])
        if let target {
            let late = waiting.filter { $0.value > target }.sorted { ($0.value, $0.id) > ($1.value, $1.id) }
            if !late.isEmpty {
                model["late"] = late.map { item -> [String: Any] in
                    var link = context.link(from: page, id: item.id)
                    link["isLink"] = link["href"] != nil
                    link["waited"] = KPIFormat.value(item.value, unit: unit, strings)
                    return link
                }
                model["hasLate"] = true
            }
        }
        return model
    }

    // MARK: - Satisfaction

    func satisfaction() -> [String: Any] {
        let headline = summary.satisfaction
        let target = headline.target
        let buckets = months.buckets(measurements.surveys)
        let scores = buckets.map { KPIStatistics.mean($0.map(\.value)) }
        let chart = self.chart(kind: .satisfaction, unit: .score,
                               series: [SVGChart.Series(name: strings["kpiScore"], style: .bars, values: scores)],
                               target: target, higherIsBetter: true, fixedMaximum: 5)
        let window = KPIWindow(asOf: context.asOf)
        let rows = measurements.surveys.filter { $0.day <= context.asOf }.reversed().map { survey -> [String: Any] in
            KPITables.row(KPITables.link(context.link(from: page, id: survey.id)), [
                KPITables.text(survey.period ?? "–"),
                KPITables.text(strings.format(survey.day)),
                KPITables.text(survey.responses.map(String.init) ?? "–", numeric: true),
                KPITables.number(survey.value, unit: .score),
                KPITables.verdict(target.map { survey.value >= $0 }, strings),
            ], muted: !window.contains(survey.day))
        }
        let table = KPITables.table(caption: strings["kpiAllSurveys"], columns: [
            (strings["kpiSurvey"], false), (strings["kpiPeriod"], false), (strings["kpiDate"], false),
            (strings["kpiResponses"], true), (strings["kpiScore"], true), (strings["kpiAgainstTarget"], false),
        ], rows: rows)
        return section(.satisfaction, intro: "kpiSatisfactionIntro", chart: chart, tables: [table])
    }

    // MARK: - Shared

    private func section(_ kind: KPIHeadline.KPI, intro: String, chart: String, tables: [[String: Any]]) -> [String: Any] {
        let names = Self.names(of: kind)
        var model: [String: Any] = ["anchor": Self.anchor(of: kind), "title": strings[names.title], "intro": strings[intro],
                                    "chart": chart, "moreTables": Array(tables.dropFirst())]
        if let first = tables.first { model["mainTable"] = first }
        return model
    }

    private func chart(kind: KPIHeadline.KPI, unit: KPIHeadline.Unit, series: [SVGChart.Series], target: Double?,
                       higherIsBetter: Bool, fixedMaximum: Double? = nil) -> String {
        let names = Self.names(of: kind)
        let last = months.months.count - 1
        var description = KPIFormat.fill(strings["kpiChartDesc"], [
            "series": series.map(\.name).joined(separator: strings["kpiListSeparator"]),
            "from": months.label(0, strings), "to": months.label(last, strings),
        ])
        var chartTarget: SVGChart.Target?
        if let target {
            let text = KPIFormat.target(target, unit: unit, higherIsBetter: higherIsBetter, strings)
            chartTarget = SVGChart.Target(value: target, label: KPIFormat.fill(strings["kpiTargetLabel"], ["target": text]))
            description += KPIFormat.fill(strings["kpiChartTargetNote"], ["target": text])
        }
        let axis: String
        switch unit {
        case .hours: axis = strings["kpiAxisHours"]
        case .days: axis = strings["kpiAxisDays"]
        case .score: axis = strings["kpiAxisScore"]
        }
        return SVGChart(
            id: "chart-" + Self.anchor(of: kind), title: strings[names.title] + " · " + strings["kpiByMonth"],
            description: description, categories: months.categories(strings), series: series, target: chartTarget,
            axisLabel: axis, fixedMaximum: fixedMaximum, format: { KPIFormat.bare($0, unit: unit) }
        ).render()
    }

    private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
