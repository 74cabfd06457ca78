import XCTest
@testable import DossierKit

/// An incremental build writes exactly what a whole build writes, and skips what did not change.
final class IncrementalBuildTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.smallSiteOnDisk()
        try Fixtures.write([
            "Content/records/incident/INC-2.md": Fixtures.incident.replacingOccurrences(of: "id: INC-1", with: "id: INC-2")
                .replacingOccurrences(of: "title: Mail down", with: "title: Printer down"),
        ], under: root)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func build(_ output: String, incremental: Bool) throws -> Pipeline.BuildResult {
        var options = Pipeline.BuildOptions(root: root.path, output: root.appendingPathComponent(output).path, asOf: Fixtures.demoAsOf)
        options.incremental = incremental
        let result = try Pipeline.build(options)
        XCTAssertNotNil(result.written, "\(result.check.diagnostics)")
        return result
    }

    /// Every file under `folder` by relative path.
    private func tree(_ folder: String) throws -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    private func modificationDate(_ path: String) throws -> Date {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.modificationDate] as? Date)
    }

    /// Marks a built file as old, to see later whether the incremental build rewrote it.
    private func age(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                              ofItemAtPath: root.appendingPathComponent(path).path)
    }

    private func assertIncrementalEqualsWhole(file: StaticString = #filePath, line: UInt = #line) throws {
        _ = try build("Output", incremental: true)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("Whole"))
        _ = try build("Whole", incremental: false)
        var incremental = try tree("Output")
        let whole = try tree("Whole")
        // The cache is the incremental build's own file: a plain build leaves none.
        XCTAssertNotNil(incremental.removeValue(forKey: BuildCache.fileName), file: file, line: line)
        XCTAssertEqual(incremental.keys.sorted(), whole.keys.sorted(), file: file, line: line)
        for (path, data) in whole where incremental[path] != data {
            XCTFail("\(path) differs from a whole build", file: file, line: line)
        }
    }

    func testABodyEditRewritesItsPageOnly() throws {
        _ = try build("Output", incremental: true)
        let other = "Output/records/incident/INC-2.html", citing = "Output/documents/PR-01.html"
        try age(other)
        try age(citing)
        try edit("Content/records/incident/INC-1.md") { $0 + "\n\nA new paragraph about the outage.\n" }
        try assertIncrementalEqualsWhole()
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("Output/records/incident/INC-1.html"), encoding: .utf8)
            .contains("A new paragraph about the outage."))
        XCTAssertEqual(try modificationDate(other), Date(timeIntervalSince1970: 1_000_000_000), "an unrelated page was rendered again")
        XCTAssertEqual(try modificationDate(citing), Date(timeIntervalSince1970: 1_000_000_000), "a body edit does not change who cites whom")
    }

    func testATitleEditUpdatesThePagesThatShowIt() throws {
        _ = try build("Output", incremental: true)
        try edit("Content/records/incident/INC-1.md") { $0.replacingOccurrences(of: "title: Mail down", with: "title: Mail server down") }
        try assertIncrementalEqualsWhole()
        // PR-01 links to INC-1 and lists it as citing: its page shows the new title.
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("Output/documents/PR-01.html"), encoding: .utf8)
            .contains("Mail server down"))
    }

    func testAddedRemovedAndSiteWideChangesMatchAWholeBuild() throws {
        _ = try build("Output", incremental: true)
        try Fixtures.write(["Content/records/incident/INC-3.md": Fixtures.incident.replacingOccurrences(of: "id: INC-1", with: "id: INC-3")],
                           under: root)
        try assertIncrementalEqualsWhole()
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/records/incident/INC-2.md"))
        try assertIncrementalEqualsWhole()
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/records/incident/INC-2.html").path))
        try edit("dossier.yml") { $0.replacingOccurrences(of: "language: en", with: "language: zh-CN") }
        try assertIncrementalEqualsWhole()
    }

    /// A plain build writes the site alone (no cache, and none left from an earlier build), so an
    /// incremental build after it renders every page; `writesCache` (serve's first build) leaves one.
    func testAPlainBuildLeavesNoCache() throws {
        let output = root.appendingPathComponent("Output")
        _ = try build("Output", incremental: true)
        XCTAssertNotNil(BuildCache.load(for: output))
        _ = try build("Output", incremental: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: BuildCache.location(for: output).path))
        try age("Output/records/incident/INC-2.html")
        try assertIncrementalEqualsWhole()
        XCTAssertNotEqual(try modificationDate("Output/records/incident/INC-2.html"), Date(timeIntervalSince1970: 1_000_000_000))

        var options = Pipeline.BuildOptions(root: root.path, output: root.appendingPathComponent("Cached").path, asOf: Fixtures.demoAsOf)
        options.writesCache = true
        _ = try Pipeline.build(options)
        let cache = try XCTUnwrap(BuildCache.load(for: root.appendingPathComponent("Cached")))
        XCTAssertNotNil(cache.items["records/incident/INC-2.html"]?.inputs, "entry pages carry their inputs")
        XCTAssertEqual(try tree("Cached").count, try tree("Whole").count + 1, "the site and the cache")
    }

    func testParseCacheReparsesOnlyChangedFilesAndForgetsOnConfigChange() throws {
        let cache = ParseCache()
        var options = Pipeline.BuildOptions(root: root.path, output: root.appendingPathComponent("Output").path, asOf: Fixtures.demoAsOf)
        options.parseCache = cache
        _ = try Pipeline.build(options)
        XCTAssertEqual(cache.misses, 3)
        XCTAssertEqual(cache.hits, 0)
        try edit("Content/records/incident/INC-1.md") { $0 + "\n\nOne more line.\n" }
        options.incremental = true
        _ = try Pipeline.build(options)
        XCTAssertEqual(cache.misses, 1, "only the edited file is parsed again")
        XCTAssertEqual(cache.hits, 2)
        try assertIncrementalEqualsWhole()
        try edit("dossier.yml") { $0 + "\n" }
        _ = try Pipeline.build(options)
        XCTAssertEqual(cache.misses, 3, "a config change may change every file's type: all parsed again")
    }

    func testWithoutACacheTheBuildIsWhole() throws {
        _ = try build("Output", incremental: true)
        try FileManager.default.removeItem(at: BuildCache.location(for: root.appendingPathComponent("Output")))
        XCTAssertNil(BuildCache.load(for: root.appendingPathComponent("Output")))
        try age("Output/records/incident/INC-2.html")
        try assertIncrementalEqualsWhole()
        XCTAssertNotEqual(try modificationDate("Output/records/incident/INC-2.html"), Date(timeIntervalSince1970: 1_000_000_000))
    }
}
