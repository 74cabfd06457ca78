import XCTest
@testable import DossierKit

/// `dossier schema`: the schema is valid draft 2020-12, accepts the demo site's front matter and
/// rejects broken front matter. Validation runs in Python's jsonschema (installed by `make test-deps`,
/// with PyYAML to read the front matter); the test is skipped where they are missing.
final class JSONSchemaWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryFolder() }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func python(_ script: String) throws -> Subprocess.Result {
        let probe = try Subprocess.run("/usr/bin/env", ["python3", "-c", "import jsonschema, yaml"])
        if probe.status != 0 { throw XCTSkip("python3 with jsonschema and PyYAML not installed (make test-deps)") }
        return try Subprocess.run("/usr/bin/env", ["python3", "-c", script], in: folder)
    }

    /// Validates each file's front matter against the combined schema and its folder's schema;
    /// prints one line per invalid file.
    private let validate = #"""
    import json, sys, datetime, jsonschema, yaml
    def plain(o):
        if isinstance(o, datetime.datetime): return o.strftime('%Y-%m-%d %H:%M:%S')
        if isinstance(o, datetime.date): return o.isoformat()
        if isinstance(o, dict): return {str(k): plain(v) for k, v in o.items()}
        if isinstance(o, list): return [plain(v) for v in o]
        return o
    combined = json.load(open('combined.json'))
    jsonschema.Draft202012Validator.check_schema(combined)
    combined = jsonschema.Draft202012Validator(combined)
    validators = {}
    for line in open('files.txt', encoding='utf-8'):
        path, type_ = line.rstrip('\n').split('\t')
        if type_ not in validators:
            per_type = json.load(open('types/%s.json' % type_))
            jsonschema.Draft202012Validator.check_schema(per_type)
            validators[type_] = jsonschema.Draft202012Validator(per_type)
        data = plain(yaml.load(open(path, encoding='utf-8').read().split('---\n')[1], Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader)))
        errors = list(combined.iter_errors(data)) + list(validators[type_].iter_errors(data))
        if errors: print('INVALID', path, errors[0].message[:200])
    print('done')
    """#

    private func write(_ schema: JSONSchemaWriter, catalog: TypeCatalog, files: [(path: String, type: String)]) throws {
        try Data(schema.combined().utf8).write(to: folder.appendingPathComponent("combined.json"))
        let types = folder.appendingPathComponent("types")
        try FileManager.default.createDirectory(at: types, withIntermediateDirectories: true)
        for name in catalog.sortedNames {
            try Data(schema.standalone(catalog[name]!).utf8).write(to: types.appendingPathComponent(name + ".json"))
        }
        try Data(files.map { "\($0.path)\t\($0.type)" }.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("files.txt"))
    }

    /// One Python run for both directions (starting it and checking the schema cost most of the time).
    func testDemoFrontMatterIsValidAndBrokenFrontMatterIsRejected() throws {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf)
        let bad = [
            ("missing.md", "---\nid: INC-9\nopened: 2026-01-01 09:00\npriority: P2\nstatus: open\n---\n", "incident"),      // no service
            ("enum.md", "---\nid: INC-8\nopened: 2026-01-01 09:00\npriority: P9\nservice: Mail\nstatus: open\n---\n", "incident"),
            ("when.md", "---\nid: INC-7\nopened: 2026-01-01 09:00\npriority: P2\nservice: Mail\nstatus: closed\n---\n", "incident"),  // no resolved
            ("date.md", "---\nid: TRN-9\ndate: 1 March\ntopic: x\ntrainer: 张伟\nattendees: [张伟]\nhours: 2\n---\n", "training"),
            ("person.md", "---\nid: TRN-8\ndate: 2026-03-01\ntopic: x\ntrainer: Nobody\nattendees: [张伟]\nhours: 2\n---\n", "training"),
            ("range.md", "---\nid: SAT-9\ndate: 2026-03-01\nperiod: 2026\nresponses: 3\nscore: 7\n---\n", "satisfaction-survey"),
        ]
        for (name, text, _) in bad { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let demo = result.site.entries.map { (path: Fixtures.repositoryRoot + "/" + $0.path, type: $0.type) }
        try write(JSONSchemaWriter(site: result.site), catalog: result.site.catalog, files: demo + bad.map { ($0.0, $0.2) })
        let run = try python(validate)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.hasSuffix("done\n"), run.output)
        XCTAssertFalse(run.output.contains("INVALID " + Fixtures.repositoryRoot), run.output)
        for (name, _, _) in bad { XCTAssertTrue(run.output.contains("INVALID \(name)"), "\(name) accepted:\n\(run.output)") }
    }

    func testSchemaIsDerivedFromTheCatalog() throws {
        let catalog = try BuiltInData.typeCatalog()
        let text = JSONSchemaWriter(catalog: catalog, people: ["Ann"], clauses: ["iso20000-1:8.6.1"]).combined()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let defs = try XCTUnwrap(object["$defs"] as? [String: Any])
        XCTAssertEqual(Set(defs.keys), Set(catalog.sortedNames))
        let incident = try XCTUnwrap(defs["incident"] as? [String: Any])
        XCTAssertEqual(incident["required"] as? [String], ["opened", "priority", "service", "status"])
        XCTAssertTrue(text.contains("\"P1\""))
        // Deterministic: the same catalog gives the same bytes.
        XCTAssertEqual(text, JSONSchemaWriter(catalog: catalog, people: ["Ann"], clauses: ["iso20000-1:8.6.1"]).combined())
    }
}
