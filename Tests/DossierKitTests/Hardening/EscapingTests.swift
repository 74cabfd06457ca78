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

    // MARK: - The payloads

    /// Each breaks out of a different context: element content, a double- or single-quoted attribute,
    /// a URL, a script block, a template, a JavaScript string (U+2028), a comment, an iCalendar line.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "</script><script>alert(2)</script>",
        "{{7*7}}",
        "\u{2028}",
        "<!--",
        "\nEND:VEVENT\nURL:javascript:alert(1)",
    ]
    static let payload = payloads.joined(separator: " ")

    /// An attachment whose file name is itself a payload (file names cannot hold `/`).
    static let attachmentName = "x\"><img src=x onerror=alert(1)>.txt"

    static let people = ["Ann " + payload, "Bob " + payload]

    /// A YAML double-quoted scalar holding `text` exactly.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func id(of type: String, variant: Int) -> String { "\(type)-\(variant == 0 ? "a" : "b")" }

    /// A YAML (flow) value of `kind` that parses as that kind; text carries the payload.
    static func value(_ kind: FieldKind, field: String, variant: Int) -> String {
        switch kind {
        case .string, .text, .any: return yaml("\(field) \(payload)")
        case .date: return "2026-03-01"
        case .datetime: return "2026-03-01 09:00"
        case .number: return "4"
        case .integer: return "3"
        case .bool: return variant == 0 ? "true" : "false"
        case let .enumeration(values): return yaml((variant == 0 ? values.first : values.last) ?? "")
        case let .reference(types): return yaml(id(of: types.first ?? "procedure", variant: 0))
        case .person: return yaml(people[variant % people.count])
        case .clause: return yaml(variant == 0 ? "iso20000-1:8.2" : "hostile:1")
        case .attachment: return yaml(attachmentName)
        case let .list(of):
            return "[" + value(of, field: field, variant: variant) + ", " + value(of, field: field, variant: 1 - variant) + "]"
        case let .map(fields):
            return "{ " + fields.map { yaml($0.name) + ": " + value($0.kind, field: $0.name, variant: variant) }
                .joined(separator: ", ") + " }"
        }
    }

    /// A content file of `type` with every field the catalog knows for it set.
    static func file(of type: TypeDefinition, catalog: TypeCatalog, variant: Int) -> String {
        var lines = ["---"]
        // A type's own field replaces a common one of the same name (`owner` of a nonconformity).
        var specs: [FieldSpec] = []
        for spec in catalog.allFields(of: type) {
            if let index = specs.firstIndex(where: { $0.name == spec.name }) { specs[index] = spec } else { specs.append(spec) }
        }
        for spec in specs {
            let text: String
            switch spec.name {
            case "id": text = yaml(id(of: type.name, variant: variant))
            case "type": text = yaml(type.name)
            case "title": text = yaml(variant == 0 ? payload : "\(type.name) \(payload)")
            default: text = value(spec.kind, field: spec.name, variant: variant)
            }
            lines.append("\(spec.name): \(text)")
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body(variant: variant)
    }

    /// A Markdown body with raw HTML, dangerous links in every spelling, payloads in a heading, a
    /// table, code, a link title and a wiki-link label.
    static func body(variant: Int) -> String {
        """
        # Heading <img src=x onerror=alert(1)> {{7*7}} \(variant)

        Text <script>alert(1)</script> and <img src=x onerror=alert(1)> and "><img src=x onerror=alert(1)>.

        <script>alert(1)</script>

        </script><script>alert(2)</script>

        <a href="javascript:alert(1)">raw link</a>

        [click](javascript:alert(1)) [CLICK](JaVaScRiPt:alert(1)) [entity](javascript&#58;alert(1)) \
        [spaced](<javascript:alert(1)>) <javascript:alert(1)> ![img](javascript:alert(1)) \
        [titled](https://example.com "\\"><img src=x onerror=alert(1)>") \
        [[procedure-a]] [[procedure-a|"><img src=x onerror=alert(1)>]] [[<script>alert(1)</script>]]

        `<script>alert(1)</script>`

            </script><script>alert(2)</script>

        | a | b |
        |---|---|
        | <script>alert(1)</script> | "><img src=x onerror=alert(1)> |

        Line\u{2028}separator and {{7*7}} and <!-- comment --> end.

        """
    }

    static let config = """
    organization: { name: \(yaml("Org " + payload)), short_name: \(yaml("Short " + payload)) }
    scope: \(yaml("Scope " + payload))
    language: en
    standards: [iso20000-1, iso10002, hostile]
    exclusions:
      - { clause: "iso20000-1:8.3.4.2", reason: \(yaml("Reason " + payload)) }
    schedules: { internal-audit: 12 months, self-check: 1 month, training: 6 months, document-review: 12 months, audit-note: 1 month }
    targets:
      incident.resolution_hours.p90: 8
      complaint.acknowledge_hours.max: 24
      complaint.close_days.max: 15
      satisfaction.score.min: 4.2
    certifications:
      - { standard: iso20000-1, body: \(yaml("Body " + payload)), number: \(yaml("No " + payload)), issued: 2025-06-10, expires: 2028-06-09 }
    people:
      - { name: \(yaml(people[0])), role: \(yaml("Role " + payload)), auditor: true }
      - { name: \(yaml(people[1])), role: \(yaml("Role " + payload)), auditor: true }
    types:
      audit-note:
        title: \(yaml("Notes " + payload))
        columns: [note]
        fields:
          date: { kind: date, required: true }
          note: { kind: text, required: true }
    """

    static let checklist = """
    id: hostile
    title: { en: \(yaml("Checklist " + payload)), zh-CN: \(yaml("Checklist " + payload)) }
    kind: requirements
    clauses:
      - id: "1"
        title: { en: \(yaml("Clause " + payload)), zh-CN: \(yaml("Clause " + payload)) }
        documents: []
        records: [incident-record]
        window: 12 months
        guidance: { en: \(yaml("Guidance " + payload)), zh-CN: \(yaml("Guidance " + payload)) }
      - id: "2"
        title: { en: \(yaml("Other " + payload)), zh-CN: \(yaml("Other " + payload)) }
        documents: [quality-manual]
        records: []
        guidance: { en: \(yaml("Guidance " + payload)), zh-CN: \(yaml("Guidance " + payload)) }
    """

    /// Files that break validation on purpose, so that diagnostics quoting the bad input are rendered
    /// too: a payload id, a payload file name, payloads in enum, date and number fields, a payload key.
    static let brokenFiles: [String: String] = [
        "Content/policies/bad-id.md": "---\nid: \(yaml("<script>alert(1)</script>"))\ntitle: T\n---\n",
        "Content/policies/\"><img src=x onerror=alert(1)>.md": "---\ntitle: \(yaml(payload))\n---\n",
        "Content/records/incident/incident-x.md": """
        ---
        id: incident-x
        title: \(yaml(payload))
        opened: \(yaml("opened " + payload))
        priority: \(yaml("<script>alert(1)</script>"))
        service: \(yaml(payload))
        status: \(yaml("\"><img src=x onerror=alert(1)>"))
        resolved: \(yaml("'><svg onload=alert(1)>"))
        owner: \(yaml("Nobody " + payload))
        procedure: \(yaml("<script>alert(1)</script>"))
        \(yaml("<script>alert(1)</script>")): \(yaml(payload))
        ---
        [[\(payload.replacingOccurrences(of: "\n", with: " "))]]
        """,
        "Content/records/satisfaction-survey/satisfaction-survey-x.md": """
        ---
        id: satisfaction-survey-x
        date: 2026-05-01
        period: \(yaml(payload))
        responses: \(yaml("<img src=x onerror=alert(1)>"))
        score: \(yaml("\"><img src=x onerror=alert(1)>"))
        ---
        """,
    ]

    /// Writes the hostile site under `root`: two files per built-in type (first and last enum values),
    /// the company type, the broken files, the attachment and the company checklist. Returns the
    /// good files' paths.
    static func writeSite(under root: URL) throws -> [String] {
        let catalog = try BuiltInData.typeCatalog()
        var files: [String: String] = ["dossier.yml": config,
                                       "Content/checklists/hostile.yml": checklist,
                                       "Content/attachments/" + attachmentName: "evidence\n"]
        var good: [String] = []
        for name in catalog.sortedNames {
            guard let type = catalog[name] else { continue }
            for variant in 0...1 {
                let path = "Content/\(type.folder)/\(id(of: name, variant: variant)).md"
                files[path] = file(of: type, catalog: catalog, variant: variant)
                good.append(path)
            }
        }
        files["Content/records/audit-note/audit-note-a.md"] = "---\nid: audit-note-a\ntitle: \(yaml(payload))\ndate: 2026-11-01\nnote: \(yaml(payload))\n---\n" + body(variant: 0)
        good.append("Content/records/audit-note/audit-note-a.md")
        files.merge(brokenFiles) { a, _ in a }
        try Fixtures.write(files, under: root)
        return good
    }

    /// The hostile site, written and built (with errors allowed) once per test run and shared by the
    /// tests that only read it; removed when the run ends.
    struct HostileBuild: @unchecked Sendable {
        var root: URL
        var output: URL
        var good: [String]
        var result: Pipeline.BuildResult
    }

    private static let sharedRoot = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("dossier-escaping-\(ProcessInfo.processInfo.processIdentifier)")

    private static let shared: Result<HostileBuild, Error> = Result {
        atexit { try? FileManager.default.removeItem(at: EscapingTests.sharedRoot) }
        try? FileManager.default.removeItem(at: sharedRoot)
        let good = try writeSite(under: sharedRoot)
        let output = sharedRoot.appendingPathComponent("Output")
        var options = Pipeline.BuildOptions(root: sharedRoot.path, output: output.path, asOf: Fixtures.demoAsOf)
        options.allowErrors = true
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

    /// No payload tag, event handler, script URL or foreign script element in an HTML (or SVG) file.
    static func assertSafeHTML(_ html: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        let lower = html.lowercased()
        for needle in ["<script>alert", "<img src=x onerror", "<svg onload", "</script><script>", "<!-- comment"] {
            XCTAssertFalse(lower.contains(needle), "\(path): unescaped \(needle)\n\(context(of: needle, in: html))", file: file, line: line)
        }
        let scanned = HTMLTags.scan(html)
        // Comments come only from cmark (dropped raw HTML); a `<!--` from a value would hide the rest
        // of the page, and an unterminated one never ends.
        for comment in scanned.comments where comment != " raw HTML omitted " {
            XCTFail("\(path): a comment no one wrote: <!--\(comment.prefix(80))", file: file, line: line)
        }
        for tag in scanned.tags {
            let place = "\(path): <\(tag.name) \(tag.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " "))>"
            XCTAssertFalse(["iframe", "object", "embed"].contains(tag.name) || (tag.name == "base" && path != "404.html"),
                           "\(place): a tag no value may create", file: file, line: line)
            for attribute in tag.attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(place): event handler", file: file, line: line)
                let url = attribute.value.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                if ["href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"].contains(attribute.name) {
                    for scheme in ["javascript:", "vbscript:", "data:text/html"] {
                        XCTAssertFalse(url.hasPrefix(scheme), "\(place): script URL", file: file, line: line)
                    }
                }
            }
            if tag.name == "script" {
                // The theme's own script elements load a file and hold no code.
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                XCTAssertTrue(src.hasSuffix("assets/js/tables.js") || src.hasSuffix("assets/js/search.js") || src.hasSuffix("index.js"),
                              "\(place): a script element the theme did not write", file: file, line: line)
                XCTAssertEqual(Set(tag.attributes.map(\.name)).subtracting(["src", "defer"]), [], place, file: file, line: line)
                XCTAssertTrue(html[tag.end...].hasPrefix("</script>"), "\(place): a script element with content", file: file, line: line)
            }
        }
    }

    /// Script files and data: no `<` or `>` at all, so nothing closes a script element.
    static func assertNoMarkup(_ text: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in ["<script", "</script", "<img", "<svg", "<!--"] {
            XCTAssertFalse(text.lowercased().contains(needle), "\(path): \(needle)\n\(context(of: needle, in: text))", file: file, line: line)
        }
    }

    /// Unfolded content lines are each one known property; no value opened a new line or event.
    static func assertSafeCalendar(_ text: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(path): a bare line feed", file: file, line: line)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "\(path): a bare carriage return", file: file, line: line)
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, lines.filter { $0 == "END:VEVENT" }.count, path, file: file, line: line)
        for content in lines {
            XCTAssertNotNil(content.range(of: #"^[A-Z][A-Z0-9-]*[;:]"#, options: .regularExpression), "\(path): \(content)", file: file, line: line)
            XCTAssertFalse(content.hasPrefix("URL:"), "\(path): injected \(content)", file: file, line: line)
        }
    }

    static func context(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle, options: .caseInsensitive) else { return "" }
        let start = text.index(range.lowerBound, offsetBy: -120, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 120, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
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

/// A small HTML tag scanner: start tags with their attributes (values entity-decoded), quoted values
/// kept whole, comments, end tags and text skipped. Enough to tell markup from escaped text.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Just after the tag's `>`.
        var end: String.Index
    }

    /// The start tags, and the text of every comment (an unterminated one runs to the end).
    static func scan(_ html: String) -> (tags: [Tag], comments: [Substring]) {
        var tags: [Tag] = []
        var comments: [Substring] = []
        var index = html.startIndex
        func peek(_ offset: Int = 0) -> Character? {
            guard let i = html.index(index, offsetBy: offset, limitedBy: html.endIndex), i < html.endIndex else { return nil }
            return html[i]
        }
        while let open = html[index...].firstIndex(of: "<") {
            index = html.index(after: open)
            if html[index...].hasPrefix("!--") {
                let start = html.index(index, offsetBy: 3)
                let close = html[start...].range(of: "-->")
                comments.append(html[start..<(close?.lowerBound ?? html.endIndex)])
                index = close?.upperBound ?? html.endIndex
                continue
            }
            guard let first = peek(), first.isLetter else { continue }
            var name = ""
            while let c = peek(), !c.isWhitespace, c != ">", c != "/" { name.append(c); index = html.index(after: index) }
            var attributes: [(String, String)] = []
            while let c = peek(), c != ">" {
                if c.isWhitespace || c == "/" { index = html.index(after: index); continue }
                var attribute = ""
                while let c = peek(), !c.isWhitespace, c != ">", c != "=", c != "/" || attribute.isEmpty {
                    attribute.append(c); index = html.index(after: index)
                }
                while peek()?.isWhitespace == true { index = html.index(after: index) }
                var value = ""
                if peek() == "=" {
                    index = html.index(after: index)
                    while peek()?.isWhitespace == true { index = html.index(after: index) }
                    if let quote = peek(), quote == "\"" || quote == "'" {
                        index = html.index(after: index)
                        let close = html[index...].firstIndex(of: quote) ?? html.endIndex
                        value = String(html[index..<close])
                        index = close < html.endIndex ? html.index(after: close) : close
                    } else {
                        while let c = peek(), !c.isWhitespace, c != ">" { value.append(c); index = html.index(after: index) }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), decode(value))) }
            }
            if index < html.endIndex { index = html.index(after: index) }
            tags.append(Tag(name: name.lowercased(), attributes: attributes, end: index))
        }
        return (tags, comments)
    }

    /// The entities a browser would decode before reading a URL.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#58;", ":"), ("&colon;", ":"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        return out
    }
}
