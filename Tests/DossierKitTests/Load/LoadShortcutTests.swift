import Foundation
import XCTest
@testable import DossierKit

/// The walk of `Content/` without a `stat` per file (`readdir`'s kinds, the read's own `fstat` for the
/// size limit) against listing, `lstat` and `stat` one after another.
final class LoadShortcutTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// `readdir`'s kinds are the kinds `lstat` gives, for files, folders and symlinks to either.
    func testDirectoryEntriesMatchListingThenLstat() throws {
        try Fixtures.write(["Content/a.md": "x", "Content/sub/b.md": "y", "Content/.hidden": "z", "Content/c.csv": "1"],
                           under: root)
        let content = root.appendingPathComponent("Content").path
        try FileManager.default.createSymbolicLink(atPath: content + "/link.md", withDestinationPath: content + "/a.md")
        try FileManager.default.createSymbolicLink(atPath: content + "/dirlink", withDestinationPath: content + "/sub")
        let local = FileSystem.local
        let expected = try local.list(content).sorted().map { ($0, local.kind(content + "/" + $0)) }
        let found = try XCTUnwrap(FileSystem.directoryEntries(content)).sorted { $0.name < $1.name }
        XCTAssertEqual(found.map(\.name), expected.map(\.0))
        XCTAssertEqual(found.map(\.kind), expected.map(\.1))
        XCTAssertEqual(try local.listKinds(content).sorted { $0.name < $1.name }.map(\.kind), expected.map(\.1))
        XCTAssertNil(FileSystem.directoryEntries(content + "/missing"))
        XCTAssertThrowsError(try local.listKinds(content + "/missing"))
        // A file system made of closures derives both from `list` and `kind`.
        let memory = FileSystem.memory(["/s/Content/a.md": "x", "/s/Content/d/b.md": "y"])
        XCTAssertEqual(try memory.listKinds("/s/Content").sorted { $0.name < $1.name }.map(\.kind), [.file, .directory])
    }

    /// One open and `fstat` answer what `size` then `read` answered: the bytes, or the size over the limit.
    func testReadUnlessLargerMatchesSizeThenRead() throws {
        try Fixtures.write(["big.md": String(repeating: "x", count: 2048), "small.md": "张伟", "empty.md": ""], under: root)
        for system in [FileSystem.local, FileSystem.memory(["\(root.path)/big.md": String(repeating: "x", count: 2048),
                                                            "\(root.path)/small.md": "张伟", "\(root.path)/empty.md": ""])] {
            for name in ["big.md", "small.md", "empty.md"] {
                let path = root.appendingPathComponent(name).path
                let size = try XCTUnwrap(system.size(path))
                switch try system.readUnlessLarger(path, 1024) {
                case let .data(data):
                    XCTAssertLessThanOrEqual(size, 1024, name)
                    XCTAssertEqual(data, try system.read(path), name)
                case let .tooLarge(reported):
                    XCTAssertGreaterThan(size, 1024, name)
                    XCTAssertEqual(reported, size, name)
                }
            }
            XCTAssertThrowsError(try system.readUnlessLarger(root.appendingPathComponent("missing.md").path, 1024))
        }
    }

    /// The walk reports refused files in walk order, interleaved with refused links, as before.
    func testWalkKeepsDiagnosticsInWalkOrder() throws {
        try Fixtures.write(["Content/a/big.md": String(repeating: "x", count: 2048), "Content/b.md": "x",
                            "Content/c/big.md": String(repeating: "y", count: 4096)], under: root)
        let content = root.appendingPathComponent("Content").path
        try FileManager.default.createSymbolicLink(atPath: content + "/b2.md", withDestinationPath: content + "/b.md")
        let result = try ContentLoader(fileSystem: .local, sizeLimit: 1024).load(root: root.path)
        XCTAssertEqual(result.files.map(\.path), ["Content/b.md"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["parse.too-large", "ref.symlink", "parse.too-large"])
        XCTAssertEqual(result.diagnostics.compactMap { $0.location?.path }, ["Content/a/big.md", "Content/b2.md", "Content/c/big.md"])
        XCTAssertEqual(result.diagnostics.map(\.message).last, "file is 4 KiB, over the 0 MiB limit")
    }
    /// A name whose bytes are not UTF-8 (a GBK name from Windows) is reported with its file, not
    /// thrown as a bare "no such file" error; a name that really holds U+FFFD is read as usual.
    func testNameThatIsNotUTF8IsADiagnostic() throws {
        try Fixtures.write(["Content/a.md": "x", "Content/\u{FFFD}real.md": "y"], under: root)
        let content = root.appendingPathComponent("Content").path
        for (name, isFolder) in [([UInt8]("bad".utf8) + [0xB2, 0xE2, 0xCA, 0xD4] + Array(".md".utf8), false),
                                 ([UInt8]("dir".utf8) + [0xFF], true)] {
            let path = Array(content.utf8) + [UInt8(ascii: "/")] + name + [0]
            let made = path.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { isFolder ? mkdir($0.baseAddress!, 0o755) : creat($0.baseAddress!, 0o644) }
            }
            XCTAssertGreaterThanOrEqual(made, 0, "cannot make the test's file")
            if !isFolder { close(made) }
        }
        let result = try ContentLoader(fileSystem: .local).load(root: root.path)
        XCTAssertEqual(result.files.map(\.path), ["Content/a.md", "Content/\u{FFFD}real.md"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["parse.encoding", "parse.encoding"])
        XCTAssertEqual(result.diagnostics.compactMap { $0.location?.path },
                       ["Content/bad\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}.md", "Content/dir\u{FFFD}"])
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.message.hasPrefix("file name is not valid UTF-8") })
    }
}
