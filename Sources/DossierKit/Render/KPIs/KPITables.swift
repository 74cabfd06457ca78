/// View models of the KPI page's tables and cells, and of the met/missed badges.
/// Every cell carries every flag (`isNum`, `isLink`, `isBadge`, `isTime`, `isPlain`) so that Mustache never climbs to an
/// outer context for one.
enum KPITables {
    static func table(caption: String, columns: [(String, Bool)], rows: [[String: Any]]) -> [String: Any] {
        ["caption": caption, "columns": columns.map { ["label": $0.0, "isNum": $0.1, "hasFull": false, "hasSub": false] },
         "rows": rows, "isByMonth": false]
    }

    /// A table with one column per month, as the chart above it: the header shows the short month
    /// (and the year under the first month and January) and tells screen readers the full month.
    /// `rows`: (row header, one cell per month).
    static func byMonth(caption: String, corner: String, months: KPIMonths, strings: InterfaceStrings,
                        rows: [(String, [[String: Any]])]) -> [String: Any] {
        let categories = months.categories(strings)
        var columns: [[String: Any]] = [["label": corner, "isNum": false, "hasFull": false, "hasSub": false]]
        for (index, category) in categories.enumerated() {
            var column: [String: Any] = ["label": category.label, "isNum": true, "hasFull": true,
                                         "full": months.label(index, strings), "hasSub": category.sublabel != nil]
            if let sub = category.sublabel { column["sub"] = sub }
            columns.append(column)
        }
        return ["caption": caption, "columns": columns, "isByMonth": true,
                "rows": rows.map { row(text($0.0), $0.1.map { cell in var cell = cell; cell["isNum"] = true; return cell }) }]
    }

    /// A row: the first cell is the row header.
    static func row(_ head: [String: Any], _ cells: [[String: Any]], muted: Bool = false) -> [String: Any] {
        ["head": head, "cells": cells, "isMuted": muted]
    }

    static func text(_ text: String, numeric: Bool = false) -> [String: Any] {
        ["text": text, "isNum": numeric, "isLink": false, "isBadge": false, "isTime": false, "isPlain": true]
    }

    static func number(_ value: Double?, unit: KPIHeadline.Unit) -> [String: Any] {
        text(value.map { KPIFormat.bare($0, unit: unit, fixed: true) } ?? "–", numeric: true)
    }

    static func count(_ value: Int) -> [String: Any] { text(String(value), numeric: true) }

    /// A link cell (from `RenderContext.link`), with the entry's title under its id when it has one of its own.
    static func link(_ link: [String: Any], numeric: Bool = false) -> [String: Any] {
        var cell = link
        cell.removeValue(forKey: "title")
        if let title = link["title"] as? String, title != link["text"] as? String { cell["subtitle"] = title }
        cell["isNum"] = numeric
        cell["isLink"] = link["href"] != nil
        cell["isBadge"] = false
        cell["isTime"] = false
        cell["isPlain"] = link["href"] == nil
        return cell
    }

    /// A met / missed badge, or a dash when there is nothing to judge.
    static func verdict(_ met: Bool?, _ strings: InterfaceStrings) -> [String: Any] {
        guard let met else { return text("–") }
        return ["text": strings[met ? "kpiMet" : "kpiMissed"], "badge": met ? "met" : "missed",
                "isNum": false, "isLink": false, "isBadge": true, "isTime": false, "isPlain": false]
    }
}
