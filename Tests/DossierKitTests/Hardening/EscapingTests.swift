import Foundation
import XCTest
@testable import DossierKit

/// Every value a site author controls (front matter of every built-in type, titles, config strings,
/// a company checklist and type, Markdown bodies, even diagnostics that quote bad input) carries
/// script payloads; the built site, scanned file by file, shows them only as text.
final class EscapingTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private static let sharedRoot = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("dossier-escaping-\(ProcessInfo.processInfo.processIdentifier)")

    private static let shared: Result<HostileBuild, Error> = Result {
        atexit { try? FileManager.default.removeItem(at: EscapingTests.sharedRoot) }
        try? FileManager.default.removeItem(at: sharedRoot)
        let good = try writeSite(under: sharedRoot)
        let output = sharedRoot.appendingPathComponent("Output")
        var options = Pipeline.BuildOptions(root: sharedRoot.path, output: output.path, asOf: Fixtures.demoAsOf)
        options.allowErrors = true
        // With the build cache, whose lines carry the hostile attachments' names.
        options.writesCache = true
        let result = try Pipeline.build(options)
        guard result.written != nil else { throw DossierError.output("the hostile site did not build") }
        return HostileBuild(root: sharedRoot, output: output, good: good, result: result)
    }

    private func hostileBuild() throws -> HostileBuild { try Self.shared.get() }

    // MARK: - The whole site

    func testHostileSiteParsesEveryFieldAsItsKind() throws {
        let built = try hostileBuild()
        let good = built.good
        let result = built.result
        let site = result.check.site
        let catalog = try BuiltInData.typeCatalog()
        for path in good {
            guard let entry = site.entries.first(where: { $0.path == path }) else {
                XCTFail("\(path) did not become an entry")
                continue
            }
            // Every field the type knows is set.
            guard let type = catalog[entry.type] else { continue }
            let keys = Set((entry.frontMatter.entries ?? []).map(\.key))
            XCTAssertEqual(Set(catalog.allFields(of: type).map(\.name)).subtracting(keys), [], path)
        }
        XCTAssertEqual(good.count, 2 * catalog.types.count + 1)
        // The payloads must reach the renderer as values of their kind, not be dropped by the parser.
        let shapeProblems = result.check.diagnostics.filter { d in
            guard let path = d.location?.path, good.contains(path) || path == "dossier.yml" || path.hasPrefix("Content/checklists/") else { return false }
            return d.rule.hasPrefix("parse.") || d.rule.hasPrefix("config.") || ["schema.kind", "schema.enum", "schema.unknown-field",
                "schema.required", "schema.checklist", "schema.unknown-type", "schema.id", "people.unknown"].contains(d.rule)
        }
        XCTAssertEqual(shapeProblems.map(\.formatted), [])
        XCTAssertEqual(site.config.people.map(\.name), Self.people)
        XCTAssertEqual(site.config.organization.name, "Org " + Self.payload)
        // The broken files really are broken, so their diagnostics (quoting the payloads) get rendered.
        let rules = Set(result.check.diagnostics.map(\.rule))
        XCTAssertTrue(rules.isSuperset(of: ["schema.id", "schema.enum", "schema.kind", "schema.unknown-field", "ref.dangling", "people.unknown"]),
                      "\(rules.sorted())")
    }

    func testNoOutputFileCarriesAnUnescapedPayload() throws {
        let output = try hostileBuild().output
        let files = SiteDemoBuild.files(under: output)
        XCTAssertGreaterThan(files.count, 150)
        var seenKinds: Set<String> = []
        var templateTextSeen = false
        for path in files where !path.hasPrefix("attachments/") && path != OutputWriter.marker {
            let data = try Data(contentsOf: output.appendingPathComponent(path))
            let text = try XCTUnwrap(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
            let ext = (path as NSString).pathExtension
            seenKinds.insert(ext)
            switch ext {
            case "html":
                Self.assertSafeHTML(text, path: path)
                if text.contains("{{7*7}}") { templateTextSeen = true }
            case "js":
                Self.assertNoMarkup(text, path: path)
                XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(path): raw U+2028 ends a JS line")
            case "json":
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), path)
                XCTAssertFalse(text.unicodeScalars.contains("\u{2028}"), "\(path): raw U+2028")
            case "css":
                XCTAssertFalse(text.contains("alert("), path)
                XCTAssertFalse(text.lowercased().contains("javascript:"), path)
            case "ics":
                Self.assertSafeCalendar(text, path: path)
            case "svg":
                Self.assertSafeHTML(text, path: path)
            case "" where path == ".dossier-cache":
                // The build cache: two hashes and an output path per line (an attachment's path is
                // the file's own name, payload included); never read by a browser (serve refuses
                // hidden names) and never a value from front matter.
                for line in text.split(separator: "\n").dropFirst() {
                    let fields = line.split(separator: " ", maxSplits: 2)
                    XCTAssertEqual(fields.count, 3, "\(path): \(line)")
                    XCTAssertTrue(fields.prefix(2).allSatisfy { $0 == "-" || $0.allSatisfy(\.isHexDigit) }, "\(path): \(line)")
                }
            default:
                XCTFail("\(path): an output file of a kind this test does not check")
            }
        }
        XCTAssertTrue(seenKinds.isSuperset(of: ["html", "js", "json", "css", "ics"]), "\(seenKinds.sorted())")
        XCTAssertTrue(templateTextSeen, "{{7*7}} should reach the pages as text")
    }

    // MARK: - Data and script files keep the payload as text

    func testDataExportParsesAndRoundTripsThePayload() throws {
        let output = try hostileBuild().output
        let data = try Data(contentsOf: output.appendingPathComponent("data/dossier.json"))
        let object = try JSONSerialization.jsonObject(with: data)
        let strings = Self.strings(in: object)
        XCTAssertTrue(strings.contains(Self.payload), "the payload title is exported as the same text")
        XCTAssertTrue(strings.contains("Org " + Self.payload))
        XCTAssertTrue(strings.contains(Self.people[0]))
        XCTAssertTrue(strings.contains { $0.contains("description " + Self.payload) }, "field values are exported as text")
    }

    static func strings(in object: Any) -> Set<String> {
        switch object {
        case let text as String: return [text]
        case let array as [Any]: return array.reduce(into: []) { $0.formUnion(strings(in: $1)) }
        case let dictionary as [String: Any]:
            return dictionary.reduce(into: Set(dictionary.keys)) { $0.formUnion(strings(in: $1.value)) }
        default: return []
        }
    }

    func testSearchIndexEscapesThePayloadAndRoundTripsIt() throws {
        let output = try hostileBuild().output
        let text = try String(contentsOf: output.appendingPathComponent("search/index.js"), encoding: .utf8)
        let prefix = "window.DOSSIER_SEARCH = "
        let start = try XCTUnwrap(text.range(of: prefix)).upperBound
        let end = try XCTUnwrap(text.range(of: "};", options: .backwards)).lowerBound
        XCTAssertFalse(text.contains("<"), "no raw < in the index")
        XCTAssertFalse(text.contains(">"), "no raw > in the index")
        XCTAssertTrue(text.contains(#"\u003cscript\u003ealert(1)\u003c/script\u003e"#))
        XCTAssertTrue(text.contains(#"\u2028"#))
        XCTAssertFalse(text.unicodeScalars.contains("\u{2028}"))
        let json = try JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any]
        let entries = try XCTUnwrap(json?["entries"] as? [[String: Any]])
        XCTAssertTrue(entries.contains { $0["title"] as? String == Self.payload }, "the title reads back as the payload")
        XCTAssertTrue(entries.contains { ($0["meta"] as? String)?.contains("<script>alert(1)</script>") == true })
    }

    // MARK: - base_url

    /// `base_url` is written into 404.html (`<base href>` and the home link) and calendar URLs: a
    /// `javascript:` value would be a clickable script link, so the config refuses it at its line.
    func testBaseURLThatIsAScriptURLIsRefused() throws {
        for bad in ["javascript:alert(1)//", "JavaScript:alert(1)//", "data:text/html,<script>alert(1)</script>", "\"><script>alert(1)</script>"] {
            try Fixtures.write([
                "dossier.yml": Fixtures.minimalConfig + "\nbase_url: \(Self.yaml(bad))\n",
                "Content/procedures/PR-01.md": Fixtures.procedure,
                "Content/records/incident/INC-1.md": Fixtures.incident,
            ], under: root)
            var options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
            options.allowErrors = true
            XCTAssertThrowsError(try Pipeline.build(options), bad) { error in
                guard case let .unusableConfig(diagnostics) = error as? DossierError else { return XCTFail("\(error)") }
                XCTAssertEqual(diagnostics.map(\.rule), ["config.invalid"], bad)
                XCTAssertEqual(diagnostics.first?.location?.line, 6, bad)
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), bad)
        }
        for good in ["/", "/evidence/", "https://iso.example.com/evidence"] {
            try Fixtures.write(["dossier.yml": Fixtures.minimalConfig + "\nbase_url: \(Self.yaml(good))\n"], under: root)
            let output = root.appendingPathComponent("Output")
            XCTAssertNotNil(try Pipeline.build(Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)).written, good)
            let notFound = try String(contentsOf: output.appendingPathComponent("404.html"), encoding: .utf8)
            Self.assertSafeHTML(notFound, path: "404.html")
            XCTAssertTrue(notFound.contains("<base href=\"\(good.hasSuffix("/") ? good : good + "/")\">"), good)
        }
    }

    // MARK: - Raw HTML in Markdown

    private static let rawHTMLBody = """

    <div class="raw-marker"><script>alert(1)</script></div>

    Inline <b class="raw-inline">bold</b> and <img src=x onerror=alert(1)>.

    [click](javascript:alert(1)) [CLICK](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox(1)) [page](data:text/html,<script>alert(1)</script>)
    """

    func testRawHTMLIsDroppedByDefaultAndKeptWhenAllowed() throws {
        try Fixtures.write([
            "dossier.yml": Fixtures.minimalConfig,
            "Content/procedures/PR-01.md": Fixtures.procedure + Self.rawHTMLBody,
            "Content/records/incident/INC-1.md": Fixtures.incident,
        ], under: root)
        let output = root.appendingPathComponent("Output")
        let options = Pipeline.BuildOptions(root: root.path, output: output.path, asOf: Fixtures.demoAsOf)
        XCTAssertNotNil(try Pipeline.build(options).written)
        let pages = [try XCTUnwrap(Self.page(of: "PR-01", under: output)), output.appendingPathComponent("print/procedures.html")]
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            Self.assertSafeHTML(html, path: page.lastPathComponent)
            XCTAssertFalse(html.contains("raw-marker"), page.path)
            XCTAssertFalse(html.contains("raw-inline"), page.path)
            XCTAssertFalse(html.lowercased().contains("script:"), page.path)
            XCTAssertTrue(html.contains("Restore service fast"), page.path)
            XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), page.path)
        }

        try Fixtures.write(["dossier.yml": Fixtures.minimalConfig + "\nallow_raw_html: true\n"], under: root)
        XCTAssertNotNil(try Pipeline.build(options).written)
        let kept = try String(contentsOf: try XCTUnwrap(Self.page(of: "PR-01", under: output)), encoding: .utf8)
        XCTAssertTrue(kept.contains(#"<div class="raw-marker"><script>alert(1)</script></div>"#), kept)
        XCTAssertTrue(kept.contains(#"<b class="raw-inline">bold</b>"#), kept)
    }

    /// The page of the entry `id`: the HTML file named after it.
    static func page(of id: String, under output: URL) -> URL? {
        SiteDemoBuild.files(under: output).first { ($0 as NSString).lastPathComponent == id + ".html" && !$0.hasPrefix("print/") }
            .map { output.appendingPathComponent($0) }
    }
}
