import XCTest
@testable import DossierKit

/// Runs the built `dossier` executable on fixture sites, as a user or CI would.
final class CommandLineTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.smallSiteOnDisk()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// The executable built next to the test bundle (`swift build --build-tests` builds both).
    private var executable: URL {
        get throws {
            let url = Bundle.main.bundleURL.appendingPathComponent("dossier")
            if !FileManager.default.isExecutableFile(atPath: url.path) {
                // `swift test` without a prior build: look beside the xctest bundle.
                for bundle in Bundle.allBundles {
                    let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier")
                    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                }
                throw XCTSkip("dossier executable not built")
            }
            return url
        }
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Subprocess.run(try executable.path, arguments, in: root)
        return (result.status, result.output)
    }

    func testBuildSucceedsAndWritesTheSite() throws {
        let (status, output) = try run(["build", "--as-of", "2026-11-22"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("0 errors"), output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/index.html").path))
    }

    func testBrokenFileExitsOneWithCompilerStyleDiagnostic() throws {
        try Fixtures.write(["Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: root)
        let (status, output) = try run(["build", "--as-of", "2026-11-22"])
        XCTAssertEqual(status, 1, output)
        XCTAssertNotNil(output.range(of: #"Content/policies/POL-1\.md:[34]:\d+: error"#, options: .regularExpression), output)
        XCTAssertTrue(output.contains("error: YAML syntax error"), output)
        XCTAssertTrue(output.contains("[parse.yaml]"), output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/index.html").path))
    }

    func testBadUsageExitsTwo() throws {
        let (status, output) = try run(["build", "--as-of", "tomorrow"])
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("--as-of"), output)
    }

    func testBrokenConfigExitsTwo() throws {
        try Fixtures.write(["dossier.yml": "language: [\n"], under: root)
        let (status, output) = try run(["build"])
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("dossier.yml:"), output)
    }

    func testVersion() throws {
        let (status, output) = try run(["--version"])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), DossierVersion.current)
    }
}

extension CommandLineTests {
    func testCheckPrintsJSONAndExitsByErrors() throws {
        let clean = try run(["check", "--as-of", "2026-11-22", "--format", "json"])
        XCTAssertEqual(clean.status, 0, clean.output)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(clean.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["asOf"] as? String, "2026-11-22")
        try Fixtures.write(["Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: root)
        let broken = try run(["check", "--as-of", "2026-11-22", "--format", "json"])
        XCTAssertEqual(broken.status, 1, broken.output)
        XCTAssertTrue(broken.output.contains("\"rule\": \"parse.yaml\""), broken.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), "check never writes")
    }

    func testStrictFailsOnWarnings() throws {
        try Fixtures.write(["Content/policies/POL-9.md": "---\nid: POL-8\ntitle: Mismatched name\nversion: \"1\"\nstatus: draft\nowner: Bob\n---\n"],
                           under: root)
        let relaxed = try run(["check", "--as-of", "2026-11-22"])
        XCTAssertEqual(relaxed.status, 0, relaxed.output)
        XCTAssertTrue(relaxed.output.contains("warning:"), relaxed.output)
        let strict = try run(["check", "--as-of", "2026-11-22", "--strict"])
        XCTAssertEqual(strict.status, 1, strict.output)
    }

    func testUnknownFormatIsBadUsage() throws {
        let result = try run(["check", "--format", "xml"])
        XCTAssertEqual(result.status, 2, result.output)
    }
}
