import XCTest
@testable import DossierKit

final class OutputWriterTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private var output: URL { root.appendingPathComponent("Output") }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func testWritesFilesAndMarkerAndKeepsGitkeep() throws {
        try Fixtures.write(["Output/.gitkeep": ""], under: root)
        try OutputWriter(output: output, siteRoot: root).write([
            OutputFile(path: "index.html", text: "home"), OutputFile(path: "records/a/b.html", text: "b"),
        ])
        XCTAssertEqual(try read("index.html"), "home")
        XCTAssertEqual(try read("records/a/b.html"), "b")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.marker).path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
    }

    func testSecondBuildReplacesTheFirstWhole() throws {
        let writer = OutputWriter(output: output, siteRoot: root)
        try writer.write([OutputFile(path: "old.html", text: "old")])
        try writer.write([OutputFile(path: "new.html", text: "new")])
        XCTAssertEqual(try read("new.html"), "new")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Output") }
        XCTAssertEqual(leftovers, [])
    }

    func testRefusesAFolderItDidNotCreate() throws {
        try Fixtures.write(["Output/precious.txt": "keep me"], under: root)
        XCTAssertThrowsError(try OutputWriter(output: output, siteRoot: root).write([OutputFile(path: "a.html", text: "a")]))
        XCTAssertEqual(try read("precious.txt"), "keep me")
    }

    func testRefusesTheSiteRootAndContent() throws {
        XCTAssertThrowsError(try OutputWriter(output: root, siteRoot: root).write([]))
        XCTAssertThrowsError(try OutputWriter(output: root.appendingPathComponent("Content/out"), siteRoot: root).write([]))
        XCTAssertThrowsError(try OutputWriter(output: root.deletingLastPathComponent(), siteRoot: root).write([]))
    }

    func testFailedWriteLeavesPreviousOutputUntouched() throws {
        let writer = OutputWriter(output: output, siteRoot: root)
        try writer.write([OutputFile(path: "index.html", text: "good")])
        XCTAssertThrowsError(try writer.write([OutputFile(path: "../escape.html", text: "bad")]))
        XCTAssertEqual(try read("index.html"), "good")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
    }
}
