import Foundation
import XCTest
@testable import DossierKit

/// The hostile site `EscapingTests` builds: payloads in every value an author controls.
extension EscapingTests {
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
}
