/// A small chart by category (month), written as inline SVG by Dossier itself: bars and/or lines,
/// a y axis with round tick values, category labels, and an optional dashed target line.
/// The SVG is `role="img"` with a `<title>` and `<desc>`; the page shows the same numbers in a table.
/// Every text that goes into the SVG is XML-escaped; coordinates have at most one decimal, so output
/// is deterministic.
struct SVGChart {
    enum Style: String { case bars, line }

    struct Series {
        var name: String
        var style: Style
        /// One value per category; nil where there is nothing to show (no bar, a gap in the line).
        var values: [Double?]
    }

    struct Category {
        var label: String
        /// A second line under the label (the year under January), if any.
        var sublabel: String?
    }

    struct Target {
        var value: Double
        /// The legend's words for the dashed line ("Target ≤ 8 h"); the line's end shows the value.
        var label: String
    }

    /// Prefix of the element ids (`<id>-title`, `<id>-desc`): unique on the page.
    var id: String
    var title: String
    var description: String
    var categories: [Category]
    var series: [Series]
    var target: Target?
    /// Shown above the y axis (the unit: "h", "days", "score").
    var axisLabel: String
    /// A fixed top of the y axis (5 for scores); otherwise a round number above the data and target.
    var fixedMaximum: Double?
    /// Text of a value in tooltips and tick labels.
    var format: (Double) -> String = SVGChart.decimal

    // Geometry, in viewBox units.
    static let width = 900.0
    static let height = 300.0
    static let left = 52.0
    static let right = 44.0
    static let top = 30.0
    static let plotBottom = 224.0

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.plotBottom - Self.top }

    // MARK: - Scale

    /// The top of the y axis and the tick step: a round step (1, 2, 2.5 or 5 × 10ⁿ) giving at most 6 ticks.
    var scale: (maximum: Double, step: Double) {
        if let fixed = fixedMaximum, fixed > 0 {
            return (fixed, Self.niceStep(fixed / 5))
        }
        var highest = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite).max() ?? 0
        if let target, target.value.isFinite { highest = max(highest, target.value) }
        guard highest > 0, highest < 1e12 else { return highest > 0 ? (1e12, 2e11) : (1, 0.25) }
        let step = Self.niceStep(highest / 5)
        return ((highest / step).rounded(.up) * step, step)
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw * 0.999_999 {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// The y coordinate of `value` (clamped to the plot).
    func y(_ value: Double) -> Double {
        guard value.isFinite else { return value > 0 ? Self.top : Self.plotBottom }
        let top = scale.maximum
        let clamped = min(max(value, 0), top)
        return Self.plotBottom - clamped / top * plotHeight
    }

    var band: Double { categories.isEmpty ? plotWidth : plotWidth / Double(categories.count) }

    func center(of index: Int) -> Double { Self.left + band * (Double(index) + 0.5) }

    // MARK: - Output

    func render() -> String {
        let titleID = "\(id)-title", descID = "\(id)-desc"
        var svg = "<svg class=\"svg-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\""
        svg += " role=\"img\" aria-labelledby=\"\(Self.escape(titleID)) \(Self.escape(descID))\" id=\"\(Self.escape(id))\">\n"
        svg += "<title id=\"\(Self.escape(titleID))\">\(Self.escape(title))</title>\n"
        svg += "<desc id=\"\(Self.escape(descID))\">\(Self.escape(description))</desc>\n"
        svg += axes()
        svg += bars()
        svg += lines()
        svg += targetLine()
        svg += legend()
        svg += "</svg>"
        return svg
    }

    private func axes() -> String {
        let (maximum, step) = scale
        var out = "<g class=\"svg-chart__axes\">\n"
        out += "<text class=\"svg-chart__axis-label\" x=\"\(Self.number(Self.left - 8))\" y=\"\(Self.number(Self.top - 14))\" text-anchor=\"end\">\(Self.escape(axisLabel))</text>\n"
        var tick = 0.0
        var count = 0
        while tick <= maximum * 1.000_001, count <= 20 {
            let y = self.y(tick)
            out += "<line class=\"svg-chart__grid\" x1=\"\(Self.number(Self.left))\" x2=\"\(Self.number(Self.width - Self.right))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\" stroke=\"#dfe3ea\"/>\n"
            out += "<text class=\"svg-chart__tick\" x=\"\(Self.number(Self.left - 8))\" y=\"\(Self.number(y + 4))\" text-anchor=\"end\">\(Self.escape(format(tick)))</text>\n"
            tick += step
            count += 1
        }
        out += "<line class=\"svg-chart__axis\" x1=\"\(Self.number(Self.left))\" x2=\"\(Self.number(Self.width - Self.right))\" y1=\"\(Self.number(Self.plotBottom))\" y2=\"\(Self.number(Self.plotBottom))\" stroke=\"#667085\"/>\n"
        for (index, category) in categories.enumerated() {
            let x = Self.number(center(of: index))
            out += "<text class=\"svg-chart__category\" x=\"\(x)\" y=\"\(Self.number(Self.plotBottom + 17))\" text-anchor=\"middle\">\(Self.escape(category.label))</text>\n"
            if let sub = category.sublabel {
                out += "<text class=\"svg-chart__category svg-chart__category--sub\" x=\"\(x)\" y=\"\(Self.number(Self.plotBottom + 32))\" text-anchor=\"middle\">\(Self.escape(sub))</text>\n"
            }
        }
        return out + "</g>\n"
    }

    private var barSeries: [(offset: Int, series: Series)] {
        series.enumerated().filter { $0.element.style == .bars }.map { ($0.offset, $0.element) }
    }

    private func bars() -> String {
        let groups = barSeries
        guard !groups.isEmpty else { return "" }
        let groupWidth = band * (groups.count == 1 ? 0.6 : 0.76)
        let barWidth = groupWidth / Double(groups.count)
        var out = ""
        for (position, entry) in groups.enumerated() {
            out += "<g class=\"svg-chart__series svg-chart__series--\(entry.offset + 1) svg-chart__bars\">\n"
            for (index, value) in entry.series.values.enumerated() where index < categories.count {
                guard let value else { continue }
                let x = Self.left + band * Double(index) + (band - groupWidth) / 2 + barWidth * Double(position)
                let y = self.y(value)
                let height = Self.plotBottom - y
                out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(barWidth))\" height=\"\(Self.number(height))\" fill=\"\(Self.color(entry.offset))\">"
                out += "<title>\(Self.escape(tooltip(entry.series, index, value)))</title></rect>\n"
            }
            out += "</g>\n"
        }
        return out
    }

    private func lines() -> String {
        var out = ""
        for (offset, series) in series.enumerated() where series.style == .line {
            out += "<g class=\"svg-chart__series svg-chart__series--\(offset + 1) svg-chart__line\">\n"
            // A gap (nil) splits the line; a lone point still gets its dot.
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    out += "<polyline fill=\"none\" stroke=\"\(Self.color(offset))\" stroke-width=\"2.5\" points=\"\(run.joined(separator: " "))\"/>\n"
                }
                run = []
            }
            for (index, value) in series.values.enumerated() where index < categories.count {
                guard let value else { flush(); continue }
                run.append("\(Self.number(center(of: index))),\(Self.number(y(value)))")
            }
            flush()
            for (index, value) in series.values.enumerated() where index < categories.count {
                guard let value else { continue }
                out += "<circle cx=\"\(Self.number(center(of: index)))\" cy=\"\(Self.number(y(value)))\" r=\"4\" fill=\"\(Self.color(offset))\">"
                out += "<title>\(Self.escape(tooltip(series, index, value)))</title></circle>\n"
            }
            out += "</g>\n"
        }
        return out
    }

    private func targetLine() -> String {
        guard let target else { return "" }
        let y = Self.number(self.y(target.value))
        var out = "<g class=\"svg-chart__target\">\n"
        out += "<line x1=\"\(Self.number(Self.left))\" x2=\"\(Self.number(Self.width - Self.right))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#b42318\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        // The value at the line's right end, outside the plot so that it never covers a bar; the legend names it.
        out += "<text x=\"\(Self.number(Self.width - Self.right + 6))\" y=\"\(Self.number(self.y(target.value) + 4))\">\(Self.escape(format(target.value)))</text>\n"
        return out + "</g>\n"
    }

    /// One row of keys under the chart: a swatch per series and the dashed target.
    private func legend() -> String {
        var out = "<g class=\"svg-chart__legend\">\n"
        var x = Self.left
        let y = Self.height - 14
        for (offset, series) in series.enumerated() {
            if series.style == .bars {
                out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y - 10))\" width=\"12\" height=\"12\" fill=\"\(Self.color(offset))\"/>\n"
            } else {
                out += "<line x1=\"\(Self.number(x))\" x2=\"\(Self.number(x + 14))\" y1=\"\(Self.number(y - 4))\" y2=\"\(Self.number(y - 4))\" stroke=\"\(Self.color(offset))\" stroke-width=\"2.5\"/>\n"
            }
            out += "<text x=\"\(Self.number(x + 18))\" y=\"\(Self.number(y))\">\(Self.escape(series.name))</text>\n"
            x += 18 + Self.textWidth(series.name) + 20
        }
        if let target {
            out += "<line x1=\"\(Self.number(x))\" x2=\"\(Self.number(x + 14))\" y1=\"\(Self.number(y - 4))\" y2=\"\(Self.number(y - 4))\" stroke=\"#b42318\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n"
            out += "<text x=\"\(Self.number(x + 18))\" y=\"\(Self.number(y))\">\(Self.escape(target.label))</text>\n"
        }
        return out + "</g>\n"
    }

    private func tooltip(_ series: Series, _ index: Int, _ value: Double) -> String {
        let category = categories[index]
        let name = [category.label, category.sublabel].compactMap { $0 }.joined(separator: " ")
        return "\(name) · \(series.name): \(format(value))"
    }

    // MARK: - Helpers

    /// Series colours (contrast ≥ 3:1 against white, as graphics need).
    static let palette = ["#1f4e8c", "#0f766e", "#8a5300", "#6b3fa0"]

    static func color(_ offset: Int) -> String { palette[offset % palette.count] }

    /// A rough width of `text` at the chart's 12-unit font: CJK characters are square, others about half.
    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 12 : 6.6) }
    }

    /// A coordinate: at most one decimal, none when whole (`12`, `12.5`).
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e14 else { return value.isNaN ? "0" : String(value) }
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        let whole = Int((abs(tenths) / 10).rounded(.down))
        let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        return (tenths < 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    /// The default value text: one decimal, none when whole.
    static func decimal(_ value: Double) -> String { number(value) }

    /// Escapes text for XML content and attribute values.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
