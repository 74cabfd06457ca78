/// The 12 calendar months of the KPI charts: the as-of month and the 11 before it, oldest first.
/// A sample belongs to the month of its day; days after the as-of date are left out.
struct KPIMonths {
    struct Month: Hashable {
        var year: Int
        var month: Int
    }

    let asOf: Day
    let months: [Month]

    init(asOf: Day, count: Int = 12) {
        self.asOf = asOf
        let first = asOf.year * 12 + asOf.month - 1 - (count - 1)
        months = (0..<count).map { Month(year: (first + $0) / 12, month: (first + $0) % 12 + 1) }
    }

    var firstDay: Day { Day(year: months[0].year, month: months[0].month, day: 1) ?? asOf }

    func index(of day: Day) -> Int? {
        guard day <= asOf else { return nil }
        return months.firstIndex(of: Month(year: day.year, month: day.month))
    }

    /// The samples of each month, in month order.
    func buckets(_ samples: [KPIMeasurements.Sample]) -> [[KPIMeasurements.Sample]] {
        var result = Array(repeating: [KPIMeasurements.Sample](), count: months.count)
        for sample in samples {
            if let index = index(of: sample.day) { result[index].append(sample) }
        }
        return result
    }

    /// Chart labels: the short month name, with the year under the first month and under January.
    func categories(_ strings: InterfaceStrings) -> [SVGChart.Category] {
        months.enumerated().map { offset, month in
            SVGChart.Category(label: strings["kpiMonth\(month.month)"],
                              sublabel: offset == 0 || month.month == 1 ? String(month.year) : nil)
        }
    }

    /// "Mar 2026" / "2026年3月".
    func label(_ index: Int, _ strings: InterfaceStrings) -> String {
        KPIFormat.fill(strings["kpiMonthYear"], ["month": strings["kpiMonth\(months[index].month)"], "year": String(months[index].year)])
    }

    /// ISO `YYYY-MM`, for machine-readable attributes.
    func iso(_ index: Int) -> String {
        let month = months[index]
        return "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
    }
}

/// Numbers and units on the KPI pages, in the theme's words.
enum KPIFormat {
    /// Replaces `{name}` placeholders in an interface string.
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        InterfaceStrings.fill(pattern, values)
    }

    /// A number with at most `decimals` decimals, trailing zeros dropped (`8`, `6.5`, `4.36`).
    static func number(_ value: Double, decimals: Int = 1, trimmed: Bool = true) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return value.isNaN ? "–" : String(value) }
        let negative = scaled < 0
        var digits = String(Int(abs(scaled)))
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            let split = digits.index(digits.endIndex, offsetBy: -decimals)
            var fraction = String(digits[split...])
            while trimmed, fraction.hasSuffix("0") { fraction.removeLast() }
            digits = String(digits[..<split]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (negative && scaled != 0 ? "-" : "") + digits
    }

    static func decimals(_ unit: KPIHeadline.Unit) -> Int { unit == .score ? 2 : 1 }

    /// A bare number in the unit's precision: `6.5`, `4.36`; `fixed` keeps trailing zeros (`3.0`) for table columns.
    static func bare(_ value: Double, unit: KPIHeadline.Unit, fixed: Bool = false) -> String {
        number(value, decimals: decimals(unit), trimmed: !fixed)
    }

    /// A value with its unit: `6.5 h` / `6.5 小时`, `3 days` / `3 天`, `4.36`.
    static func value(_ value: Double, unit: KPIHeadline.Unit, _ strings: InterfaceStrings) -> String {
        let key: String
        switch unit {
        case .hours: key = "kpiUnitHours"
        case .days: key = "kpiUnitDays"
        case .score: key = "kpiUnitScore"
        }
        return fill(strings[key], ["value": bare(value, unit: unit)])
    }

    /// `≤ 8 h` or `≥ 4.2`.
    static func target(_ target: Double, unit: KPIHeadline.Unit, higherIsBetter: Bool, _ strings: InterfaceStrings) -> String {
        fill(strings[higherIsBetter ? "kpiAtLeast" : "kpiAtMost"], ["value": value(target, unit: unit, strings)])
    }

    /// `92%`.
    static func percent(_ share: Double) -> String { number(share * 100, decimals: 0) + "%" }
}
