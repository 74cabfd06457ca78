import Foundation
import XCTest
@testable import DossierKit

/// The demo organisation of this repository built once per test run for the site-wide quality
/// tests (links, HTML validity, determinism), in a temporary folder removed when the run ends.
enum SiteDemoBuild {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: URL?
    nonisolated(unsafe) private static var cleanupRegistered = false

    /// `…/dossier-site-tests-<pid>/`: every build of these tests goes below it.
    static let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("dossier-site-tests-\(ProcessInfo.processInfo.processIdentifier)")

    /// The demo built as of `Fixtures.demoAsOf` (shared by every test that only reads it).
    static func output() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let output = try build(into: "first")
        built = output
        return output
    }

    /// A fresh build of the demo into `scratch/<name>/Output`.
    static func build(into name: String) throws -> URL {
        registerCleanup()
        let output = scratch.appendingPathComponent(name).appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try Pipeline.build(Pipeline.BuildOptions(root: Fixtures.repositoryRoot, output: output.path, asOf: Fixtures.demoAsOf))
        guard result.written != nil else {
            throw DossierError.output("the demo did not build: \(result.check.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        }
        return output
    }

    private static func registerCleanup() {
        guard !cleanupRegistered else { return }
        cleanupRegistered = true
        atexit { try? FileManager.default.removeItem(at: SiteDemoBuild.scratch) }
    }

    /// Every regular file under `root`, as paths relative to it, sorted.
    static func files(under root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }
}
