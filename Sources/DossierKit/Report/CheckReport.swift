import Foundation

/// The outcome of `dossier check` in the formats CI and people read.
public struct CheckReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case human, json, sarif, junit
    }

    public var diagnostics: [Diagnostic]
    public var asOf: Day
    public var fileCount: Int
    /// Paths of every checked file, for formats that list passing files too (JUnit).
    public var files: [String]

    public init(diagnostics: [Diagnostic], asOf: Day, fileCount: Int, files: [String] = []) {
        self.diagnostics = diagnostics.filter { $0.severity != .off }
        self.asOf = asOf
        self.fileCount = fileCount
        self.files = files
    }

    public var errorCount: Int { diagnostics.errorCount }
    public var warningCount: Int { diagnostics.warningCount }

    public func render(_ format: Format, colour: Bool = false) -> String {
        switch format {
        case .human: return human(colour: colour)
        case .json: return json()
        case .sarif: return sarif()
        case .junit: return junit()
        }
    }

    /// Compiler style: `path:line:col: error: message [rule]`, a hint line, then a summary.
    public func human(colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        for diagnostic in diagnostics {
            let place = diagnostic.location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
            let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
            lines.append("\(paint(place, "1"))\(severity): \(diagnostic.message) \(paint("[\(diagnostic.rule)]", "2"))")
            if let hint = diagnostic.hint { lines.append("  \(paint("hint:", "36")) \(hint)") }
        }
        let errors = errorCount, warnings = warningCount
        let summary = "\(fileCount) file\(fileCount == 1 ? "" : "s") checked as of \(asOf): "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        lines.append(errors > 0 ? paint(summary, "1;31") : (warnings > 0 ? paint(summary, "1;33") : paint(summary, "1;32")))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON of PRODUCT.md §7.
    public func json() -> String {
        let items: [JSONValue] = diagnostics.map { d in
            .object([
                ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)),
                ("file", .optional(d.location?.path)),
                ("line", d.location.map { .int($0.line) } ?? .null), ("column", d.location.map { .int($0.column) } ?? .null),
                ("message", .string(d.message)), ("hint", .optional(d.hint)),
            ])
        }
        return JSONValue.object([
            ("asOf", .string(asOf.description)),
            ("diagnostics", .array(items)),
            ("summary", .object([("errors", .int(errorCount)), ("warnings", .int(warningCount)), ("files", .int(fileCount))])),
        ]).render() + "\n"
    }

    /// SARIF 2.1.0, for code-scanning dashboards.
    public func sarif() -> String {
        let used = Set(diagnostics.map(\.rule))
        let rules = Rules.all.filter { used.contains($0.id) } + used.filter { Rules.byID[$0] == nil }.sorted()
            .map { RuleInfo(id: $0, severity: .error, summary: $0) }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results: [JSONValue] = diagnostics.map { d in
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(d.rule)), ("ruleIndex", .int(ruleIndex[d.rule] ?? 0)),
                ("level", .string(d.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(d.hint.map { "\(d.message) (hint: \($0))" } ?? d.message))])),
            ]
            if let location = d.location {
                result.append(("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(Self.uri(location.path))), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", .object([("startLine", .int(location.line)), ("startColumn", .int(location.column))])),
                ]))])])))
            }
            return .object(result)
        }
        let driver: JSONValue = .object([
            ("name", .string("Dossier")), ("version", .string(DossierVersion.current)),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)), ("shortDescription", .object([("text", .string(rule.summary))])),
                    ("defaultConfiguration", .object([("level", .string(rule.severity == .warning ? "warning" : "error"))])),
                ])
            })),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("results", .array(results)),
            ])])),
        ]).render() + "\n"
    }

    /// Percent-encodes what a URI reference may not hold as is (spaces, non-ASCII stays UTF-8 encoded).
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "/-._~".contains(c) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// JUnit XML: one test case per checked file (and one for site-wide findings); errors fail it,
    /// warnings go to its output.
    public func junit() -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics { byFile[d.location?.path ?? SiteConfig.fileName, default: []].append(d) }
        let names = Array(Set(files + byFile.keys + [SiteConfig.fileName])).sorted()
        var cases: [String] = []
        var failures = 0
        for name in names {
            let found = byFile[name] ?? []
            let errors = found.filter { $0.severity == .error }
            let warnings = found.filter { $0.severity == .warning }
            var body = ""
            if !errors.isEmpty {
                failures += 1
                let text = errors.map(Self.line).joined(separator: "\n")
                body += "\n      <failure message=\"\(Self.xml("\(errors.count) error\(errors.count == 1 ? "" : "s")"))\" type=\"error\">\(Self.xml(text))</failure>"
            }
            if !warnings.isEmpty {
                body += "\n      <system-out>\(Self.xml(warnings.map(Self.line).joined(separator: "\n")))</system-out>"
            }
            let classname = name.split(separator: "/").dropLast().joined(separator: ".")
            cases.append("    <testcase name=\"\(Self.xml(name))\" classname=\"\(Self.xml(classname.isEmpty ? "site" : classname))\">"
                + (body.isEmpty ? "</testcase>" : body + "\n    </testcase>"))
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="dossier check" tests="\(names.count)" failures="\(failures)">
          <testsuite name="dossier check as of \(asOf)" tests="\(names.count)" failures="\(failures)" errors="0" skipped="0">
        \(cases.joined(separator: "\n"))
          </testsuite>
        </testsuites>

        """
    }

    static func line(_ d: Diagnostic) -> String {
        let place = d.location.map { "\($0.line):\($0.column): " } ?? ""
        return "\(place)\(d.severity.rawValue): \(d.message) [\(d.rule)]" + (d.hint.map { " (hint: \($0))" } ?? "")
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
