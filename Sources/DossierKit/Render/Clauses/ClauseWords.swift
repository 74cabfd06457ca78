/// The clause pages' words in the site's language (strings/clauses.yml): statuses, windows, numbers,
/// lists, sentences with `{placeholders}`, and HTML escaping for the fragments built here.
struct ClauseWords {
    let strings: InterfaceStrings

    var language: Language { strings.language }

    func status(_ status: ClauseCoverage.Status) -> String {
        switch status {
        case .covered: return strings["clauseStatusCovered"]
        case .partial: return strings["clauseStatusPartial"]
        case .missing: return strings["clauseStatusMissing"]
        case .excluded: return strings["clauseStatusExcluded"]
        }
    }

    /// `12 months` / `12个月`.
    func window(_ interval: Interval) -> String {
        let key: String
        switch interval.unit {
        case .days: key = interval.count == 1 ? "clauseWindowDay" : "clauseWindowDays"
        case .weeks: key = interval.count == 1 ? "clauseWindowWeek" : "clauseWindowWeeks"
        case .months: key = interval.count == 1 ? "clauseWindowMonth" : "clauseWindowMonths"
        case .years: key = interval.count == 1 ? "clauseWindowYear" : "clauseWindowYears"
        }
        return fill(key, ["n": String(interval.count)])
    }

    /// Points and percentages without a needless `.0`: `6`, `6.5`, `82.4`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        // Int(_:) traps beyond ±2^63: only whole numbers well inside that range take the short form.
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// `A, B or C` / `A、B或C` (items already escaped when `html`).
    func either(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: strings["clauseListSeparator"]) + strings["clauseListOr"] + (items.last ?? "")
    }

    /// `A, B, C` / `A、B、C`.
    func list(_ items: [String]) -> String { items.joined(separator: strings["clauseListSeparator"]) }

    /// The string `key` with `{name}` placeholders replaced by plain text (Mustache escapes it later).
    func fill(_ key: String, _ values: [String: String]) -> String {
        Self.substitute(strings[key], values) { $0 }
    }

    /// The string `key` as HTML: its own text escaped, `{name}` replaced by the HTML fragments given
    /// (which the caller built and escaped).
    func fillHTML(_ key: String, _ fragments: [String: String]) -> String {
        Self.substitute(strings[key], fragments, literal: Self.escape)
    }

    private static func substitute(_ template: String, _ values: [String: String],
                                   literal: (String) -> String) -> String {
        InterfaceStrings.fill(template, values, literal: literal)
    }

    /// Text for HTML content and attribute values.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// `<a href="…">text</a>`, or the text alone without a target.
    static func link(_ text: String, href: String?, className: String? = nil, title: String? = nil) -> String {
        let classAttribute = className.map { " class=\"\(escape($0))\"" } ?? ""
        let titleAttribute = title.map { " title=\"\(escape($0))\"" } ?? ""
        guard let href else { return "<span\(classAttribute)\(titleAttribute)>\(escape(text))</span>" }
        return "<a href=\"\(escape(href))\"\(classAttribute)\(titleAttribute)>\(escape(text))</a>"
    }
}
