import XCTest
@testable import DossierKit

/// `--quiet`, `--verbose` and `--profile` through the built `dossier` executable.
final class OutputModeTests: XCTestCase {
    private var root: URL!

    /// The small clean site of `Fixtures`, with two profiles.
    override func setUpWithError() throws {
        root = try Fixtures.smallSiteOnDisk()
        try Fixtures.write(["dossier.yml": Fixtures.minimalConfig + """

        profiles:
          public: { include: [procedure] }
          internal: { include: all }
        """], under: root)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var executable: URL?
        for bundle in [Bundle.main] + Bundle.allBundles {
            for folder in [bundle.bundleURL, bundle.bundleURL.deletingLastPathComponent()] {
                let candidate = folder.appendingPathComponent("dossier")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { executable = candidate }
            }
        }
        guard let executable else { throw XCTSkip("dossier executable not built") }
        let result = try Subprocess.run(executable.path, arguments, in: root)
        return (result.status, result.output)
    }

    /// A file with a missing required field and an unknown one: one error, one warning.
    private func breakIt() throws {
        try Fixtures.write(["Content/records/incident/INC-2.md": """
        ---
        id: INC-2
        opened: 2026-03-01 09:00
        priority: P2
        service: Mail
        colour: blue
        ---
        """], under: root)
    }

    func testQuietCheckPrintsNothingOnSuccess() throws {
        let (status, output) = try run(["check", "--as-of", "2026-11-22", "--quiet"])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output, "")
    }

    func testQuietCheckPrintsOnlyErrorsAndTheFailureLine() throws {
        try breakIt()
        let (status, output) = try run(["check", "--as-of", "2026-11-22", "--quiet"])
        XCTAssertEqual(status, 1, output)
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.last?.hasPrefix("check failed: ") == true, output)
        XCTAssertFalse(output.contains("warning:"), "no warnings without --strict: \(output)")
        XCTAssertFalse(output.contains("files checked"), "no summary: \(output)")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.contains(": error: ") || $0.hasPrefix("  hint: ") }, output)
    }

    func testQuietBuildIsSilentAndNamesTheProfileOtherwise() throws {
        var (status, output) = try run(["build", "--as-of", "2026-11-22", "--profile", "public", "--quiet"])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output, "")
        (status, output) = try run(["build", "--as-of", "2026-11-22", "--profile", "public"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("with profile public"), output)
    }

    func testQuietBuildFailureEndsWithTheFailureLine() throws {
        try breakIt()
        let (status, output) = try run(["build", "--as-of", "2026-11-22", "-q"])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.hasSuffix("Output was left as it was\n"), output)
        XCTAssertTrue(output.contains("build failed: "), output)
    }

    func testVerbosePrintsEveryStage() throws {
        let (status, output) = try run(["build", "--as-of", "2026-11-22", "--verbose"])
        XCTAssertEqual(status, 0, output)
        for stage in PipelineProgress.Stage.allCases {
            XCTAssertNotNil(output.range(of: "(?m)^\(stage.rawValue) +\\d+ ", options: .regularExpression), "\(stage): \(output)")
        }
        XCTAssertTrue(output.contains("total "), output)
    }

    func testBadUsageExitsTwo() throws {
        var (status, output) = try run(["build", "--quiet", "--verbose"])
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("--quiet and --verbose"), output)
        (status, output) = try run(["build", "--as-of", "2026-11-22", "--profile", "nope"])
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("profiles are internal, public"), output)
        (status, output) = try run(["check", "-q", "-v"])
        XCTAssertEqual(status, 2, output)
    }
}
