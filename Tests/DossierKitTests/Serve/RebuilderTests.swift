import XCTest
@testable import DossierKit
@testable import DossierServe

/// `serve`'s builds: the first is whole and leaves the build cache (a plain `dossier build` leaves
/// none), so that the next ones render only the pages whose inputs changed.
final class RebuilderTests: XCTestCase {
    func testTheFirstBuildLeavesTheCacheTheNextOneUses() throws {
        let root = try Fixtures.smallSiteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        let rebuilder = Rebuilder.full(options)
        XCTAssertNotNil(try rebuilder.rebuild([]).written)
        let output = URL(fileURLWithPath: options.output)
        XCTAssertNotNil(BuildCache.load(for: output), "the first build left no cache")

        // A page the edit does not touch keeps its old date: it was not rendered again.
        let procedure = output.appendingPathComponent("documents/PR-01.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        XCTAssertTrue(FileManager.default.fileExists(atPath: procedure))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: procedure)
        let incident = root.appendingPathComponent("Content/records/incident/INC-1.md")
        try Data((try String(contentsOf: incident, encoding: .utf8) + "\n\nOne more line.\n").utf8).write(to: incident)
        XCTAssertNotNil(try rebuilder.rebuild(["Content/records/incident/INC-1.md"]).written)
        let modified = try FileManager.default.attributesOfItem(atPath: procedure)[.modificationDate] as? Date
        XCTAssertEqual(modified, old)
    }
}
