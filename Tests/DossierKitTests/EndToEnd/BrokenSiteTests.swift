import XCTest
@testable import DossierKit

/// Bad input gets diagnostics with file and line, the build fails, and Output/ is left as it was.
final class BrokenSiteTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.smallSiteOnDisk()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func build() throws -> Pipeline.BuildResult {
        try Pipeline.build(Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf))
    }

    func testGoodSiteBuilds() throws {
        let result = try build()
        XCTAssertEqual(result.check.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertNotNil(result.written)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/records/incident/INC-1.html").path))
    }

    func testBrokenFilesFailTheBuildAndLeaveOutputAlone() throws {
        _ = try build()
        let index = root.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        try Fixtures.write([
            "Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n",
            "Content/policies/POL-2.md": "---\nid: POL-2\ntitle: never closed\n",
        ], under: root)
        let result = try build()
        XCTAssertNil(result.written)
        let located = result.check.diagnostics.filter { $0.severity == .error }.map { "\($0.location?.path ?? ""):\($0.rule)" }
        XCTAssertEqual(located, ["Content/policies/POL-1.md:parse.yaml", "Content/policies/POL-2.md:parse.unterminated"])
        XCTAssertEqual(try Data(contentsOf: index), before, "Output/ must be untouched")
    }

    func testAllowErrorsStillRenders() throws {
        try Fixtures.write(["Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: root)
        var options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        options.allowErrors = true
        XCTAssertNotNil(try Pipeline.build(options).written)
    }

    func testBrokenConfigIsAnEnvironmentFailureWithItsLine() throws {
        try Fixtures.write(["dossier.yml": "language: klingon\n"], under: root)
        XCTAssertThrowsError(try build()) { error in
            guard case let .unusableConfig(diagnostics) = error as? DossierError else { return XCTFail("\(error)") }
            XCTAssertEqual(diagnostics.first?.location, SourceLocation(path: "dossier.yml", line: 1, column: 11))
        }
    }

    func testMissingConfigIsAClearError() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("dossier.yml"))
        XCTAssertThrowsError(try build()) { error in
            XCTAssertTrue("\(error)".contains("dossier.yml"))
        }
    }
}
