import XCTest
@testable import DossierKit

/// The SVG chart builder on its own: scale, bar geometry, target line, lines with gaps, escaping.
final class KPISVGChartTests: XCTestCase {
    private func chart(_ values: [Double?], target: Double? = 30, line: [Double?]? = nil, fixedMaximum: Double? = nil,
                       labels: [String] = ["Q1", "Q2", "Q3", "Q4"]) -> SVGChart {
        var series = [SVGChart.Series(name: "Hours", style: .bars, values: values)]
        if let line { series.append(SVGChart.Series(name: "Median", style: .line, values: line)) }
        return SVGChart(
            id: "test", title: "Resolution", description: "Hours by quarter.",
            categories: labels.map { SVGChart.Category(label: $0, sublabel: $0 == "Q1" ? "2026" : nil) },
            series: series, target: target.map { SVGChart.Target(value: $0, label: "Target ≤ \($0)") },
            axisLabel: "hours", fixedMaximum: fixedMaximum)
    }

    /// The `<rect>` elements of the bars, as attribute dictionaries, in order.
    private func bars(_ svg: String) -> [[String: String]] {
        let group = svg.components(separatedBy: "svg-chart__bars\">").dropFirst().first?.components(separatedBy: "</g>").first ?? ""
        return group.components(separatedBy: "<rect ").dropFirst().compactMap { chunk -> [String: String]? in
            let tag = String(chunk.prefix { $0 != ">" })
            guard tag.contains("height=") else { return nil }
            var attributes: [String: String] = [:]
            for part in tag.components(separatedBy: "\" ") {
                let pair = part.components(separatedBy: "=\"")
                if pair.count == 2 { attributes[pair[0].trimmingCharacters(in: .whitespaces)] = pair[1].replacingOccurrences(of: "\"", with: "") }
            }
            return attributes
        }
    }

    func testScaleRoundsUpToANiceStep() {
        XCTAssertEqual(chart([10, 20, nil, 40]).scale.maximum, 40)
        XCTAssertEqual(chart([10, 20, nil, 40]).scale.step, 10)
        // 81.2 h over a target of 8: steps of 20 up to 100.
        let tall = chart([81.2, 3], target: 8)
        XCTAssertEqual(tall.scale.step, 20)
        XCTAssertEqual(tall.scale.maximum, 100)
        // The target counts even when every value is below it.
        XCTAssertEqual(chart([1, 2], target: 24).scale.maximum, 25)
        XCTAssertEqual(chart([nil, nil], target: nil).scale.maximum, 1, "an empty chart still has an axis")
        XCTAssertEqual(chart([4.3], target: 4.2, fixedMaximum: 5).scale.maximum, 5)
        XCTAssertEqual(SVGChart.niceStep(0.3), 0.5)
        XCTAssertEqual(SVGChart.niceStep(7), 10)
    }

    func testBarHeightsAreProportionalToTheValues() {
        let svg = chart([10, 20, nil, 40]).render()
        let rects = bars(svg)
        XCTAssertEqual(rects.count, 3, "no bar for the missing value")
        // Plot from y = 30 to y = 224 (194 units) for 0...40.
        XCTAssertEqual(rects.map { $0["height"] }, ["48.5", "97", "194"])
        XCTAssertEqual(rects.map { $0["y"] }, ["175.5", "127", "30"])
        // Four bands of 201 units from x = 52; a lone series fills 60 % of its band, centred.
        XCTAssertEqual(rects.map { $0["x"] }, ["92.2", "293.2", "695.2"])
        XCTAssertEqual(rects.first?["width"], "120.6")
        XCTAssertTrue(svg.contains("<title>Q2 · Hours: 20</title>"), "each bar tells its value on hover")
    }

    func testAxisHasTickLabelsCategoryLabelsAndUnit() {
        let svg = chart([10, 20, nil, 40]).render()
        for tick in ["0", "10", "20", "30", "40"] {
            XCTAssertTrue(svg.contains("text-anchor=\"end\">\(tick)</text>"), "tick \(tick)")
        }
        XCTAssertFalse(svg.contains(">50</text>"))
        XCTAssertTrue(svg.contains(">hours</text>"))
        for label in ["Q1", "Q2", "Q3", "Q4"] {
            XCTAssertTrue(svg.contains("text-anchor=\"middle\">\(label)</text>"), label)
        }
        XCTAssertTrue(svg.contains("svg-chart__category--sub\" x=\"152.5\" y=\"256\" text-anchor=\"middle\">2026</text>"),
                      "the year sits under the first category")
    }

    func testTargetLineIsDashedAtTheTargetValue() throws {
        let svg = chart([10, 20, nil, 40], target: 30).render()
        // 30 of 40 → 224 − 0.75 × 194 = 78.5.
        let target = try XCTUnwrap(svg.components(separatedBy: "<g class=\"svg-chart__target\">").last)
        XCTAssertTrue(target.contains("y1=\"78.5\" y2=\"78.5\""), target)
        XCTAssertTrue(target.contains("stroke-dasharray=\"6 4\""))
        XCTAssertTrue(target.contains(">30</text>"), "the value at the end of the line")
        XCTAssertTrue(svg.contains(">Target ≤ 30.0</text>"), "the legend names the target")
        XCTAssertFalse(chart([10], target: nil).render().contains("svg-chart__target"), "no target, no line")
    }

    func testLineSeriesBreaksAtGaps() {
        let svg = chart([nil, nil, nil, nil], target: nil, line: [1, nil, 2, 4]).render()
        let polylines = svg.components(separatedBy: "<polyline").count - 1
        XCTAssertEqual(polylines, 1, "the lone first point gets no line, the last two are joined")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3, "a dot for every value")
        // Scale 0...4 (step 1): 2 → 224 − 97 = 127, 4 → 30; points at band centres 554.5 and 755.5.
        XCTAssertTrue(svg.contains("points=\"554.5,127 755.5,30\""), svg)
    }

    func testIsAnAccessibleImage() {
        let svg = chart([1, 2, 3, 4]).render()
        XCTAssertTrue(svg.hasPrefix("<svg class=\"svg-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 300\""))
        XCTAssertTrue(svg.contains("role=\"img\" aria-labelledby=\"test-title test-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"test-title\">Resolution</title>"))
        XCTAssertTrue(svg.contains("<desc id=\"test-desc\">Hours by quarter.</desc>"))
        XCTAssertFalse(svg.contains("<script"))
    }

    func testEscapesEveryText() {
        var chart = self.chart([1, 2], target: 1.5, labels: ["<b>Jan</b>", "Feb & Mar"])
        chart.title = "<script>alert(1)</script>"
        chart.description = "\"quoted\" 'single'"
        chart.axisLabel = "h < 8"
        chart.series[0].name = "P90 <90>"
        chart.target?.label = "Target <= 1.5"
        let svg = chart.render()
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(svg.contains("&lt;b&gt;Jan&lt;/b&gt;"))
        XCTAssertTrue(svg.contains("Feb &amp; Mar"))
        XCTAssertTrue(svg.contains("&quot;quoted&quot; &#39;single&#39;"))
        XCTAssertTrue(svg.contains(">h &lt; 8</text>"))
        XCTAssertTrue(svg.contains("P90 &lt;90&gt;"))
        XCTAssertTrue(svg.contains("Target &lt;= 1.5"))
    }

    func testOutputIsDeterministicAndCoordinatesAreShort() {
        let first = chart([1.23456, 7.891], line: [2.5, 3.25]).render()
        XCTAssertEqual(first, chart([1.23456, 7.891], line: [2.5, 3.25]).render())
        XCTAssertEqual(SVGChart.number(12), "12")
        XCTAssertEqual(SVGChart.number(12.25), "12.3")
        XCTAssertEqual(SVGChart.number(-0.5), "-0.5")
        XCTAssertEqual(SVGChart.number(0.04), "0")
    }
}
