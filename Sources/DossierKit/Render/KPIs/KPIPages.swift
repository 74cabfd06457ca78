/// `kpis/index.html`: incident resolution times, complaint acknowledgement and closing times, and
/// satisfaction scores against the config's `targets:`, over the 12 months up to the as-of date.
/// Each KPI has a headline (see `KPISummary`), an SVG chart by month drawn by `SVGChart`, and the same
/// numbers in tables, so the page reads without the chart (screen readers, print).
struct KPIPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }

    func render() throws -> [OutputFile] {
        let page = PagePaths.kpisIndex
        let strings = context.strings
        let measurements = KPIMeasurements(site: context.site, asOf: context.asOf)
        let summary = KPISummary.compute(measurements: measurements, config: context.site.config, asOf: context.asOf)
        let months = KPIMonths(asOf: context.asOf)
        let section = KPISection(context: context, page: page, measurements: measurements, summary: summary, months: months)
        let sections = [section.incidents(), section.acknowledgement(), section.closing(), section.satisfaction()]
        let hasTargets = summary.headlines.contains { $0.target != nil }
        let body = try context.theme.render("kpi-index", [
            "title": strings["kpiTitle"],
            "window": KPIFormat.fill(strings["kpiWindow"], [
                "start": strings.format(summary.windowStart), "end": strings.format(context.asOf),
            ]),
            "headlines": summary.headlines.map { headline(for: $0, from: page) },
            "sections": sections,
            "hasNoTargets": !hasTargets,
            "t": strings.all,
        ])
        let html = try context.layout(page: page, title: strings["kpiTitle"], section: "kpis", body: body)
        return [OutputFile(path: page, text: html)]
    }

    /// A headline card: the value, its target and whether it is met; it links to the KPI's section,
    /// from the KPI page itself or from `page` (the dashboard shows the same cards).
    func headline(for headline: KPIHeadline, from page: String) -> [String: Any] {
        let strings = context.strings
        let names = KPISection.names(of: headline.kpi)
        let anchor = KPISection.anchor(of: headline.kpi)
        let section = page == PagePaths.kpisIndex ? "" : PagePaths.relative(from: page, to: PagePaths.kpisIndex)
        var card: [String: Any] = [
            "anchor": anchor,
            "cardHref": section + "#" + anchor,
            "label": strings[names.title],
            "statistic": strings[names.statistic],
            "basis": KPIFormat.fill(strings[names.count], ["n": String(headline.count)]),
        ]
        if let value = headline.value {
            card["value"] = KPIFormat.value(value, unit: headline.unit, strings)
            card["hasValue"] = true
        } else {
            card["value"] = strings["kpiNoData"]
            card["hasValue"] = false
        }
        if let target = headline.target {
            card["target"] = KPIFormat.fill(strings["kpiTargetLabel"], [
                "target": KPIFormat.target(target, unit: headline.unit, higherIsBetter: headline.higherIsBetter, strings),
            ])
        } else {
            card["target"] = strings["kpiNoTarget"]
        }
        card["verdict"] = KPITables.verdict(headline.met, strings)
        card["isMissed"] = headline.met == false
        card["isMet"] = headline.met == true
        var details: [String] = []
        if let typical = headline.typical {
            details.append(KPIFormat.fill(strings[headline.kpi == .satisfaction ? "kpiWeightedMean" : "kpiMedianOf"],
                                          ["value": KPIFormat.value(typical, unit: headline.unit, strings)]))
        }
        if let share = headline.shareWithinTarget {
            details.append(KPIFormat.fill(strings["kpiShareWithin"], ["share": KPIFormat.percent(share)]))
        }
        if headline.late > 0 {
            details.append(KPIFormat.fill(strings["kpiLateWaiting"], ["n": String(headline.late)]))
        }
        if !details.isEmpty { card["details"] = details.joined(separator: " · ") }
        return card
    }
}
