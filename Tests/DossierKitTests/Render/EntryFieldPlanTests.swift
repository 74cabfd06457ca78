import XCTest
@testable import DossierKit

/// The fast paths of entry pages against the straightforward versions they replace: field rows
/// planned per type against `FieldValues.rows(for:skipping:)`, a scalar's items against the general
/// path, labels and words against `"field." + name` lookups, dates against interpolation, relative
/// links against a component-wise version.
final class EntryFieldPlanTests: XCTestCase {
    /// A view model as text with map keys sorted, to compare two of them.
    private func canonical(_ value: TemplateValue) -> String {
        switch value {
        case let .text(text): return "\"\(text)\""
        case let .utf8(bytes): return "\"\(String(decoding: bytes, as: UTF8.self))\""
        case let .bool(flag): return "\(flag)"
        case let .list(items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case let .map(map): return "{" + map.keys.sorted().map { "\($0):\(canonical(map[$0]!))" }.joined(separator: ",") + "}"
        case let .fields(fields): return canonical(.map(fields.mapValues { $0 }))
        case let .item(item): return canonical(.fields(item.fields))
        }
    }

    private func context(_ site: Site) throws -> RenderContext {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: site.config.language,
                                   fileSystem: .memory([String: String]()))
        return RenderContext(site: site, theme: theme, asOf: Fixtures.demoAsOf, references: References(site: site),
                             coverage: Coverage(site: site, asOf: Fixtures.demoAsOf).applicable(),
                             diagnostics: [], generator: "Dossier")
    }

    private func assertPlansMatch(_ site: Site, file: StaticString = #filePath, line: UInt = #line) throws {
        let context = try context(site)
        for entry in site.entries {
            let page = PagePaths.page(for: entry)
            let values = FieldValues(context: context, page: page)
            let type = try XCTUnwrap(site.catalog[entry.type])
            for skipped in [EntryPages.controlFields, ["id", "title"]] {
                let plan = EntryFieldPlan(type: type, catalog: site.catalog, skipping: skipped, values: values)
                XCTAssertEqual(canonical(.list(plan.rows(for: entry, values: values))),
                               canonical(.list(values.rows(for: entry, skipping: Set(skipped)))), entry.id, file: file, line: line)
            }
        }
    }

    func testPlannedRowsEqualRowsOnTheDemo() throws {
        try assertPlansMatch(try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true).site)
    }

    /// Unknown fields, a known field left empty (shown among the unknown ones), a key written twice,
    /// lists, maps, dates, enum values and references.
    func testPlannedRowsEqualRowsForOddFrontMatter() throws {
        let files = [
            "procedures/PR-01.md": Fixtures.procedure,
            "records/incident/INC-1.md": """
            ---
            id: INC-1
            title: Mail down
            opened: 2026-03-01 09:00
            priority: ~
            extra: [a, b, "c, d", e]
            service: Mail
            status: closed
            status: open
            notes: { why: disk, when: [2026-03-01] }
            resolved: 2026-03-01 11:30
            procedure: PR-01
            title: again
            ---
            Body.
            """,
        ]
        let fs = Fixtures.memorySite(files: files)
        try assertPlansMatch(try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site)
    }

    func testScalarItemsEqualTheGeneralPath() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true).site
        let values = FieldValues(context: try context(site), page: "records/incident/INC-1.html")
        let kinds: [FieldKind] = [.string, .text, .date, .datetime, .bool, .enumeration(["a"]), .reference([]), .clause,
                                  .attachment, .person, .any, .list(.string)]
        for kind in kinds {
            for text in ["", "~", "null", "2026-03-01", "2026-03-01 09:30", "true", "approved", "PR-01", "iso9001:8.2", "a/b.pdf", "x & y"] {
                let node = YAMLNode(.scalar(text, plain: true), line: 1, column: 1)
                // `items` still goes the general way (every node through `unmarkedItems`).
                let general = try XCTUnwrap(TemplateValue(values.items(node, kind: kind)))
                XCTAssertEqual(canonical(.list(values.itemValues(node, kind: kind))), canonical(general), "\(kind) \(text)")
            }
            // Lists of scalars go a short way too; nested lists and maps the general one.
            func scalar(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, plain: true), line: 1, column: 1) }
            let lists: [[YAMLNode]] = [[], [scalar("PR-01")], [scalar("2026-03-01"), scalar("~"), scalar("iso9001:8.2"), scalar("x")],
                                       [scalar("a"), YAMLNode(.sequence([scalar("b")]), line: 1, column: 1)]]
            for list in lists {
                let node = YAMLNode(.sequence(list), line: 1, column: 1)
                let general = try XCTUnwrap(TemplateValue(values.items(node, kind: kind)))
                XCTAssertEqual(canonical(.list(values.itemValues(node, kind: kind))), canonical(general), "\(kind) \(list.count)")
            }
        }
    }

    func testLabelsAndWordsEqualKeyLookups() throws {
        for language in [Language.en, .zhCN] {
            let strings = try Theme.load(name: "default", root: "/nowhere", language: language,
                                         fileSystem: .memory([String: String]())).strings
            let names = strings.keys.compactMap { key -> String? in
                key.hasPrefix("field.") || key.hasPrefix("value.") ? String(key.split(separator: ".", maxSplits: 1)[1]) : nil
            } + ["unknown", "", "field.x"]
            for name in names {
                let label = strings["field." + name]
                XCTAssertEqual(strings.label(field: name), label == "field." + name ? name : label, name)
                let word = strings["value." + name]
                XCTAssertEqual(strings.word(value: name), word == "value." + name ? name : word, name)
            }
        }
    }

    func testDatesEqualInterpolation() throws {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for language in [Language.en, .zhCN] {
            let strings = try Theme.load(name: "default", root: "/nowhere", language: language,
                                         fileSystem: .memory([String: String]())).strings
            for text in ["2026-03-08", "0001-01-01", "9999-12-31", "2024-02-29"] {
                let day = try XCTUnwrap(Day(iso: text))
                let expected = language == .en ? "\(day.day) \(months[day.month - 1]) \(day.year)" : "\(day.year)年\(day.month)月\(day.day)日"
                XCTAssertEqual(strings.format(day), expected)
                for (time, clock) in [("T00:00", "00:00"), ("T09:05", "09:05"), ("T23:59", "23:59"), (" 10:30", "10:30")] {
                    XCTAssertEqual(strings.format(try XCTUnwrap(DateTime(iso: text + time))), expected + " " + clock)
                }
            }
        }
    }

    func testRelativeLinksEqualTheComponentWiseVersion() {
        func straightforward(_ from: String, _ to: String) -> String {
            let source = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            var target = to.split(separator: "/", omittingEmptySubsequences: false)
            var common = 0
            while common < source.count, common < target.count - 1, source[source.startIndex + common] == target[common] { common += 1 }
            target.removeFirst(common)
            return String(repeating: "../", count: source.count - common) + target.joined(separator: "/")
        }
        let paths = ["index.html", "manual/MAN-01.html", "manual/MAN-02.html", "records/incident/INC-1.html",
                     "records/incident/index.html", "records/index.html", "records/inc/x.html", "documents/PR-06.html",
                     "attachments/a/b/c.pdf", "clauses/iso9001/8.2.html#x", "records/中文/记录.html"]
        for from in paths {
            for to in paths {
                XCTAssertEqual(PagePaths.relative(from: from, to: to), straightforward(from, to), "\(from) → \(to)")
            }
        }
    }

    func testClauseTargetsEqualTheSearchThroughCoverage() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true).site
        let coverage = Coverage(site: site, asOf: Fixtures.demoAsOf).applicable()
        let targets = ClauseTargets(coverage: coverage)
        var references = ["", ":", "nothing", "iso9001:", "iso9001:99.99", "unknown:8.2", "iso9001:8.2:x"]
        for checklist in coverage.map(\.checklist) { references += checklist.clauses.map { checklist.id + ":" + $0.id } }
        XCTAssertGreaterThan(references.count, 50)
        for reference in references {
            XCTAssertEqual(targets.target(reference), PagePaths.clauseTarget(reference: reference, coverage: coverage), reference)
        }
    }

    /// `BodyHTML.shiftingHeadings` against the byte-by-byte version it replaced.
    func testShiftingHeadingsEqualsTheByteByByteVersion() {
        func straightforward(_ html: String) -> String {
            var output: [UInt8] = []
            var changed = false
            let bytes = Array(html.utf8)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                output.append(byte)
                if byte == UInt8(ascii: "<") {
                    var j = i + 1
                    if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
                    if j + 2 < bytes.count, bytes[j] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[j + 1]),
                       bytes[j + 2] == UInt8(ascii: ">") || bytes[j + 2] == UInt8(ascii: " ") {
                        output.append(contentsOf: bytes[(i + 1)...j])
                        output.append(bytes[j + 1] + 1)
                        i = j + 2
                        changed = true
                        continue
                    }
                }
                i += 1
            }
            return changed ? String(decoding: output, as: UTF8.self) : html
        }
        let samples = ["", "<", "<h", "<h1", "<h1>", "</h5>", "<h6>x</h6>", "<h1 id=\"a\">标题</h1><p>x < y</p><h2>b</h2>",
                       "text<h3 class=x>z</h3", "<<h1>>", "</h1 ", "<h2>" + String(repeating: "中文 & <b>x</b> ", count: 500) + "</h2>"]
        for sample in samples {
            let shifted = Array(sample.utf8).withUnsafeBufferPointer(BodyHTML.shiftingHeadings)
            XCTAssertEqual(shifted.map { String(decoding: $0, as: UTF8.self) } ?? sample, straightforward(sample), sample)
        }
    }
}
