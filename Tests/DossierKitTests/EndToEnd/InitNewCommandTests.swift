import XCTest
@testable import DossierKit

/// `dossier init`, `new`, `clauses` and `schema` run as a user would, on a temporary folder.
final class InitNewCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryFolder() }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var executable: URL {
        get throws {
            for bundle in [Bundle.main] + Bundle.allBundles {
                for base in [bundle.bundleURL, bundle.bundleURL.deletingLastPathComponent()] {
                    let candidate = base.appendingPathComponent("dossier")
                    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                }
            }
            throw XCTSkip("dossier executable not built")
        }
    }

    private func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let result = try Subprocess.run(try executable.path, arguments, in: directory ?? folder)
        return (result.status, result.output)
    }

    func testInitWritesASiteThatChecksCleanThenNewAddsRecords() throws {
        let created = try run(["init", "site", "--standard", "iso20000-1,iso10002", "--language", "en", "--as-of", "2026-11-22"])
        XCTAssertEqual(created.status, 0, created.output)
        XCTAssertTrue(created.output.contains("dossier check: 0 errors"), created.output)
        let site = folder.appendingPathComponent("site")
        for path in ["dossier.yml", ".gitignore", ".github/workflows/dossier.yml", "Content/manual/MAN-01.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), path)
        }
        let check = try run(["check", "--as-of", "2026-11-22"], in: site)
        XCTAssertEqual(check.status, 0, check.output)

        let new = try run(["new", "incident", "--as-of", "2026-11-22"], in: site)
        XCTAssertEqual(new.status, 0, new.output)
        XCTAssertTrue(new.output.contains("Content/records/incident/INC-2026-0002.md"), new.output)
        let titled = try run(["new", "procedure", "--title", "Change procedure", "--as-of", "2026-11-22"], in: site)
        XCTAssertEqual(titled.status, 0, titled.output)
        let after = try run(["check", "--as-of", "2026-11-22"], in: site)
        XCTAssertEqual(after.status, 0, after.output)

        let duplicate = try run(["new", "incident", "--id", "INC-2026-0002", "--as-of", "2026-11-22"], in: site)
        XCTAssertEqual(duplicate.status, 2, duplicate.output)
        XCTAssertTrue(duplicate.output.contains("already used"), duplicate.output)
        let unknown = try run(["new", "incidnet"], in: site)
        XCTAssertEqual(unknown.status, 2, unknown.output)
        XCTAssertTrue(unknown.output.contains("did you mean 'incident'"), unknown.output)
        XCTAssertTrue(unknown.output.contains("known types:"), unknown.output)
    }

    func testInitRefusesANonEmptyFolderUnlessForced() throws {
        let marker = folder.appendingPathComponent("notes.txt")
        try Data("keep me".utf8).write(to: marker)
        let refused = try run(["init", ".", "--standard", "iso9001", "--language", "zh-CN", "--as-of", "2026-11-22"])
        XCTAssertEqual(refused.status, 2, refused.output)
        XCTAssertTrue(refused.output.contains("not empty"), refused.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dossier.yml").path))
        let forced = try run(["init", ".", "--standard", "iso9001", "--language", "zh-CN", "--as-of", "2026-11-22", "--force"])
        XCTAssertEqual(forced.status, 0, forced.output)
        XCTAssertEqual(try String(contentsOf: marker, encoding: .utf8), "keep me")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dossier.yml").path))
    }

    func testInitRejectsBadArguments() throws {
        let unknown = try run(["init", "x", "--standard", "iso2000", "--as-of", "2026-11-22"])
        XCTAssertEqual(unknown.status, 2, unknown.output)
        XCTAssertTrue(unknown.output.contains("iso20000-1"), unknown.output)
        let none = try run(["init", "x"])
        XCTAssertEqual(none.status, 2, none.output)
        let language = try run(["init", "x", "--standard", "iso9001", "--language", "fr"])
        XCTAssertEqual(language.status, 2, language.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }
}

extension InitNewCommandTests {
    func testClausesAndSchemaOnTheDemoSite() throws {
        let root = URL(fileURLWithPath: Fixtures.repositoryRoot)
        let overview = try run(["clauses", "--as-of", "2026-11-22"], in: root)
        XCTAssertEqual(overview.status, 0, overview.output)
        XCTAssertTrue(overview.output.contains("iso20000-1"), overview.output)
        XCTAssertFalse(overview.output.contains("\u{1B}["), "no colour into a pipe")
        let detail = try run(["clauses", "iso10002", "--as-of", "2026-11-22"], in: root)
        XCTAssertEqual(detail.status, 0, detail.output)
        XCTAssertTrue(detail.output.contains("7.4"), detail.output)
        let unknown = try run(["clauses", "iso20000"], in: root)
        XCTAssertEqual(unknown.status, 2, unknown.output)
        XCTAssertTrue(unknown.output.contains("did you mean 'iso20000-1'"), unknown.output)

        let output = folder.appendingPathComponent("dossier.schema.json").path
        let schema = try run(["schema", "--output", output, "--per-type", folder.appendingPathComponent("schemas").path,
                              "--as-of", "2026-11-22"], in: root)
        XCTAssertEqual(schema.status, 0, schema.output)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        XCTAssertEqual(object?["$schema"] as? String, JSONSchemaWriter.draft)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("schemas/incident.json").path))
    }
}
