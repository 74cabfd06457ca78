import Foundation
import XCTest
@testable import DossierKit

final class ContentLoaderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testWalksSortedAndSeparatesOtherFiles() throws {
        try Fixtures.write([
            "Content/b/2.md": "x", "Content/a/1.md": "x", "Content/a/sub/0.md": "x",
            "Content/attachments/x.csv": "1,2", "Content/.hidden.md": "x",
        ], under: root)
        let result = try ContentLoader(fileSystem: .local).load(root: root.path)
        XCTAssertEqual(result.files.map(\.path), ["Content/a/1.md", "Content/a/sub/0.md", "Content/b/2.md"])
        XCTAssertEqual(result.otherFiles, ["Content/attachments/x.csv"])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testSymlinksAreRefusedNotFollowed() throws {
        try Fixtures.write(["Content/a.md": "x", "secret.md": "outside"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/link.md").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/dir").path,
                                                   withDestinationPath: root.path)
        let result = try ContentLoader(fileSystem: .local).load(root: root.path)
        XCTAssertEqual(result.files.map(\.path), ["Content/a.md"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["ref.symlink", "ref.symlink"])
        XCTAssertEqual(Set(result.diagnostics.compactMap { $0.location?.path }), ["Content/dir", "Content/link.md"])
    }

    func testFilesOverTheSizeLimitAreRefusedUnread() throws {
        try Fixtures.write(["Content/big.md": String(repeating: "x", count: 2048), "Content/small.md": "x"], under: root)
        let result = try ContentLoader(fileSystem: .local, sizeLimit: 1024).load(root: root.path)
        XCTAssertEqual(result.files.map(\.path), ["Content/small.md"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["parse.too-large"])
    }

    /// Files are read in parallel once the walk is done; a failure still surfaces as the first one in
    /// walk order, as when each file was read where the walk found it.
    func testTheFirstReadFailureInWalkOrderIsThrown() throws {
        struct Unreadable: Error, Equatable { var path: String }
        let files = ["/s/Content/a.md", "/s/Content/b/1.md", "/s/Content/b/2.md", "/s/Content/c.md"]
        let memory = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ($0, "x") }))
        let failing = FileSystem(read: { path in
                                     guard path.hasSuffix("2.md") || path.hasSuffix("c.md") else { return try memory.read(path) }
                                     throw Unreadable(path: path)
                                 },
                                 list: memory.list, kind: memory.kind, size: memory.size)
        XCTAssertThrowsError(try ContentLoader(fileSystem: failing).load(root: "/s")) { error in
            XCTAssertEqual(error as? Unreadable, Unreadable(path: "/s/Content/b/2.md"))
        }
        let loaded = try ContentLoader(fileSystem: memory).load(root: "/s")
        XCTAssertEqual(loaded.files.map(\.path), ["Content/a.md", "Content/b/1.md", "Content/b/2.md", "Content/c.md"])
    }

    /// Folders are listed depth by depth, on every core, before the walk: the walk still meets them
    /// depth first in name order, and the first listing failure in that order ends it, though a
    /// shallower folder later in the walk was listed (and failed) before.
    func testFoldersListedByDepthAreWalkedDepthFirstAndTheFirstFailureInWalkOrderIsThrown() throws {
        struct Unlistable: Error, Equatable { var path: String }
        let files = ["/s/Content/a.md", "/s/Content/b/1.md", "/s/Content/b/deep/er/x.md", "/s/Content/b/deep/y.md",
                     "/s/Content/b/z.md", "/s/Content/c/2.md", "/s/Content/d.md"]
        let memory = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ($0, "x") }))
        let loaded = try ContentLoader(fileSystem: memory).load(root: "/s")
        XCTAssertEqual(loaded.files.map(\.path), ["Content/a.md", "Content/b/1.md", "Content/b/deep/er/x.md",
                                                  "Content/b/deep/y.md", "Content/b/z.md", "Content/c/2.md", "Content/d.md"])
        let failing = FileSystem(read: memory.read,
                                 list: { path in
                                     guard path.hasSuffix("/deep") || path.hasSuffix("/c") else { return try memory.list(path) }
                                     throw Unlistable(path: path)
                                 },
                                 kind: memory.kind, size: memory.size)
        XCTAssertThrowsError(try ContentLoader(fileSystem: failing).load(root: "/s")) { error in
            XCTAssertEqual(error as? Unlistable, Unlistable(path: "/s/Content/b/deep"))
        }
    }

    func testMissingContentFolderIsAnEnvironmentError() {
        XCTAssertThrowsError(try ContentLoader(fileSystem: .local).load(root: root.path)) { error in
            XCTAssertEqual(error as? DossierError, .missingContent(path: root.path + "/Content"))
        }
    }

    func testConfigThatIsNotUTF8IsUnusable() throws {
        try Fixtures.write(["Content/a.md": "x"], under: root)
        try Data([0x6F, 0x3A, 0x20, 0xC3, 0x28]).write(to: root.appendingPathComponent("dossier.yml"))
        XCTAssertThrowsError(try SiteSource.read(root: root.path)) { error in
            guard case let .unusableConfig(diagnostics) = error as? DossierError else { return XCTFail("\(error)") }
            XCTAssertEqual(diagnostics.map(\.rule), ["config.encoding"])
        }
    }
}
