import Foundation
import XCTest
@testable import DossierKit

/// The site-wide outputs are written straight into bytes and rendered alongside the entry pages; these
/// tests hold them to what the straightforward versions (string trees, one job after another) produce.
final class SummaryOutputTests: XCTestCase {
    static let trees: [JSONValue] = [
        .object([]), .array([]), .null, .string(""), .int(-3), .number(4.35), .number(8), .number(.infinity), .bool(false),
        .object([
            ("text", .string("a\"b\\c\nd\re\tf \u{7}\u{7F} </script> & \u{2028}\u{2029} 中文")),
            ("empty", .object([])), ("none", .array([])),
            ("nested", .array([.object([("x", .array([.int(1), .array([]), .object([("y", .null)])]))]), .string("z")])),
            ("deep", .object([("a", .object([("b", .object([("c", .array([.bool(true)]))]))]))])),
        ]),
        // Deeper than the stream's run of spaces (32 levels), members and elements after a comma.
        (0..<40).reduce(JSONValue.int(1)) { inner, level in
            level.isMultiple(of: 2) ? .array([inner, .null]) : .object([("k", inner), ("m", .bool(true))])
        },
    ]

    func testStreamLaysOutJSONAsTheTreeRendererDoes() {
        for tree in Self.trees {
            var stream = JSONStream()
            stream.value(tree)
            XCTAssertEqual(stream.bytes.string, Self.referenceRender(tree))
            XCTAssertEqual(tree.render(), Self.referenceRender(tree))
        }
    }

    /// The tree renderer of earlier releases, string by string and level by level.
    static func referenceRender(_ value: JSONValue, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch value {
        case let .string(text): return JSONValue.quote(text)
        case let .int(number): return String(number)
        case let .number(number): return JSONValue.format(number)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case let .array(items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + referenceRender($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case let .object(pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + JSONValue.quote($0.0) + ": " + referenceRender($0.1, indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    func testStreamedMembersMatchTheTree() {
        var stream = JSONStream()
        stream.object { json in
            json.field("a", "x")
            json.key("list")
            json.array { json in
                for number in 1...2 { json.item(); json.int(number) }
                json.item()
                json.object { json in json.field("missing", nil as String?) }
            }
            json.key("empty")
            json.array { _ in }
            json.field("flag", true)
        }
        let tree = JSONValue.object([
            ("a", .string("x")), ("list", .array([.int(1), .int(2), .object([("missing", .null)])])),
            ("empty", .array([])), ("flag", .bool(true)),
        ])
        XCTAssertEqual(stream.bytes.string, Self.referenceRender(tree))
    }

    func testQuotingEveryByteAsTheCharacterLoopDid() {
        // Every control character, the script-unsafe ones and U+2028/9 mid-text, at the ends, and split.
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["\u{2028}", "x\u{2029}", "\u{2028}y", "<&>", "\u{E2}", "é\u{2027}", "中\u{3000}文"]
        for sample in samples {
            for scriptSafe in [false, true] {
                XCTAssertEqual(JSONValue.quote(sample, scriptSafe: scriptSafe), Self.referenceQuote(sample, scriptSafe: scriptSafe),
                               "\(Array(sample.utf8)) scriptSafe \(scriptSafe)")
            }
        }
    }

    /// The quoting of earlier releases, Character by Character.
    static func referenceQuote(_ text: String, scriptSafe: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where scriptSafe: out += "\\u003c"
            case ">" where scriptSafe: out += "\\u003e"
            case "&" where scriptSafe: out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: - The demo site

    private static func demo() throws -> (site: Site, theme: Theme) {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true)
        let theme = try Theme.load(name: "default", root: Fixtures.repositoryRoot, language: .zhCN)
        return (result.site, theme)
    }

    func testSearchIndexBytesEqualTheStringJoinedScript() throws {
        let (site, theme) = try Self.demo()
        let context = RenderContext(site: site, theme: theme, asOf: Fixtures.demoAsOf, references: References(site: site),
                                    coverage: Coverage(site: site, asOf: Fixtures.demoAsOf).applicable(),
                                    diagnostics: [], generator: "Dossier test")
        let index = SearchIndex(context: context, page: PagePaths.searchIndex)
        XCTAssertGreaterThan(index.entries.count, 100)
        XCTAssertEqual(index.javascript().string, Self.referenceScript(index))
    }

    /// The index script as earlier releases joined it from strings.
    static func referenceScript(_ index: SearchIndex) -> String {
        let literal = { (text: String) in referenceQuote(text, scriptSafe: true) }
        var out = "/* Dossier search index: generated, do not edit. */\nwindow.DOSSIER_SEARCH = {\"version\": 1,\n\"types\": ["
        out += index.types.map { "{\"key\": \(literal($0.key)), \"label\": \(literal($0.label)), \"count\": \($0.count)}" }
            .joined(separator: ",\n")
        out += "],\n\"entries\": [\n"
        out += index.entries.map { entry in
            "{\"id\": \(literal(entry.id)), \"title\": \(literal(entry.title)), \"type\": \(entry.type), "
                + "\"url\": \(literal(entry.url)), \"text\": \(literal(entry.text)), \"meta\": \(literal(entry.meta))}"
        }.joined(separator: ",\n")
        return out + "\n]};\n"
    }

    func testCollapsingWhitespace() {
        XCTAssertEqual(SearchIndex.collapsed("  a \t\n b\u{3000}\u{3000}中  "), "a b 中")
        XCTAssertEqual(SearchIndex.collapsed(" \u{3000} "), "")
        XCTAssertEqual(SearchIndex.collapsed("\u{3001}x"), "\u{3001}x", "other ideographic punctuation stays")
    }

    func testTrimmingShortcutAgreesWithFoundation() {
        for text in ["a", "ab c", " a", "a\n", "\u{3000}a", "a\u{A0}", "é", "\u{7F}x", "x\u{1}", "", "\u{85}b", "a\u{301}"] {
            if text.hasVisibleASCIIEnds {
                XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), text, text)
            }
        }
        XCTAssertTrue("INC-2026-0033".hasVisibleASCIIEnds)
        XCTAssertFalse(" x".hasVisibleASCIIEnds)
        XCTAssertEqual("\u{3000}中 ".trimmingWhitespace(.whitespacesAndNewlines), "中")
    }

    func testRenderingAllAtOnceEqualsRenderingOneJobAfterAnother() throws {
        let (site, theme) = try Self.demo()
        let renderer = SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf, generator: "Dossier test")
        let files = try renderer.render(site)

        let references = References(site: site)
        let context = RenderContext(site: site, theme: theme, asOf: Fixtures.demoAsOf, references: references,
                                    coverage: Coverage(site: site, asOf: Fixtures.demoAsOf).applicable(),
                                    diagnostics: [], generator: "Dossier test")
        var expected = try site.entries.indices.map { index in
            let page = try EntryPages(context: context).page(for: index)
            return OutputFile(path: page.path, text: page.html)
        }
        for job in SiteRenderer.summaryJobs(context: context) { expected += try job.render() }
        expected += theme.assets.map { OutputFile(path: $0.key, data: $0.value) }
        expected += site.attachments.map { OutputFile(path: PagePaths.attachment($0.key), data: $0.value) }
        XCTAssertEqual(files.map(\.path), expected.map(\.path).sorted())
        XCTAssertEqual(Set(files.map(\.path)).count, files.count, "no path twice")
        let byPath = Dictionary(uniqueKeysWithValues: expected.map { ($0.path, $0.data) })
        for file in files { XCTAssertEqual(file.data, byPath[file.path], file.path) }
        XCTAssertTrue(files.contains { $0.path == PagePaths.dataExport })
        XCTAssertTrue(files.contains { $0.path == SearchPages.indexScript })
    }

    /// Entry pages are rendered in two interleaved halves (so that the two workers write into
    /// different folders): every position once, alternating between the halves.
    func testEntryPagesAreRenderedInInterleavedHalves() {
        XCTAssertEqual(SiteRenderer.interleavedHalves(0), [])
        XCTAssertEqual(SiteRenderer.interleavedHalves(1), [0])
        XCTAssertEqual(SiteRenderer.interleavedHalves(5), [0, 3, 1, 4, 2])
        XCTAssertEqual(SiteRenderer.interleavedHalves(6), [0, 3, 1, 4, 2, 5])
        for count in [2, 3, 7, 10_001] {
            let order = SiteRenderer.interleavedHalves(count)
            XCTAssertEqual(order.sorted(), Array(0..<count), "a permutation of \(count)")
            let half = (count + 1) / 2
            for (slot, position) in order.enumerated() {
                XCTAssertEqual(position < half, slot.isMultiple(of: 2), "slot \(slot) of \(count)")
            }
        }
    }
}
