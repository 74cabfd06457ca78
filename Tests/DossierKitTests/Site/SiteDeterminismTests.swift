import Foundation
import XCTest
@testable import DossierKit

/// Two builds of the demo with the same as-of date, into two folders, are byte-identical: same files,
/// same bytes. The second build runs the `dossier` executable in another time zone and locale when it
/// is built (so the clock, the zone and the locale cannot leak into output), else in this process.
final class SiteDeterminismTests: XCTestCase {
    private var executable: URL? {
        for bundle in Bundle.allBundles {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private func secondBuild() throws -> URL {
        guard let executable else { return try SiteDemoBuild.build(into: "second") }
        let output = SiteDemoBuild.scratch.appendingPathComponent("second-cli").appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "Pacific/Kiritimati"
        environment["LC_ALL"] = "de_DE.UTF-8"
        environment["LANG"] = "de_DE.UTF-8"
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        let result = try Subprocess.run(executable.path, ["build", "--as-of", Fixtures.demoAsOf.description, "--output", output.path],
                                        in: URL(fileURLWithPath: Fixtures.repositoryRoot), environment: environment)
        XCTAssertEqual(result.status, 0, result.output)
        return output
    }

    func testTwoBuildsWithTheSameAsOfDateAreByteIdentical() throws {
        let first = try SiteDemoBuild.output()
        let second = try secondBuild()
        let firstFiles = SiteDemoBuild.files(under: first), secondFiles = SiteDemoBuild.files(under: second)
        XCTAssertGreaterThan(firstFiles.count, 300)
        XCTAssertEqual(firstFiles, secondFiles, "the same files")
        var different: [String] = []
        for path in Set(firstFiles).intersection(secondFiles).sorted() {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            if a != b { different.append(path + Self.firstDifference(a, b)) }
        }
        XCTAssertEqual(different, [], "files that differ between two builds")
    }

    func testADifferentAsOfDateChangesTheOutput() throws {
        // The comparison above would pass vacuously if builds ignored their input; the as-of date must show.
        let first = try SiteDemoBuild.output()
        let output = SiteDemoBuild.scratch.appendingPathComponent("later").appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let later = Fixtures.demoAsOf.adding(days: 1)
        _ = try Pipeline.build(Pipeline.BuildOptions(root: Fixtures.repositoryRoot, output: output.path, asOf: later))
        let a = try Data(contentsOf: first.appendingPathComponent(PagePaths.dataExport))
        let b = try Data(contentsOf: output.appendingPathComponent(PagePaths.dataExport))
        XCTAssertNotEqual(a, b)
        XCTAssertTrue(String(decoding: b, as: UTF8.self).contains("\"asOf\": \"\(later)\""))
    }

    /// ` (first difference at byte N: …a… vs …b…)`, for the failure message.
    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        func excerpt(_ data: Data) -> String {
            let start = max(0, index - 40), end = min(data.count, index + 40)
            return String(decoding: data[start..<end], as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎")
        }
        return " (first difference at byte \(index): …\(excerpt(a))… vs …\(excerpt(b))…)"
    }
}
