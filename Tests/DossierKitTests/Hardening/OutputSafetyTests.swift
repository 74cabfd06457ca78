import Foundation
import XCTest
@testable import DossierKit

/// A failed build leaves the previous Output/ byte for byte as it was; Dossier deletes no folder it did
/// not create and refuses output folders that hold the site.
final class OutputSafetyTests: XCTestCase {
    /// `base/site` is the site; `base` is its parent, so that "a parent of the site root" can be
    /// checked without touching the system's temporary folder.
    private var base: URL!
    private var root: URL { base.appendingPathComponent("site") }
    private var output: URL { root.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        base = try Fixtures.temporaryFolder()
        try Fixtures.write([
            "site/dossier.yml": Fixtures.minimalConfig,
            "site/Content/procedures/PR-01.md": Fixtures.procedure,
            "site/Content/records/incident/INC-1.md": Fixtures.incident,
        ], under: base)
    }

    override func tearDownWithError() throws {
        // Undo any chmod of a test first, so that the folder can be removed.
        _ = chmod(root.path, 0o755)
        try? FileManager.default.removeItem(at: base)
    }

    private func options(output: URL? = nil, root: URL? = nil) -> Pipeline.BuildOptions {
        Pipeline.BuildOptions(root: (root ?? self.root).path, output: (output ?? self.output).path, asOf: Fixtures.demoAsOf)
    }

    /// A good first build, whose Output/ the failing builds must leave alone.
    private func buildGoodSite() throws -> Snapshot {
        XCTAssertNotNil(try Pipeline.build(options()).written)
        let snapshot = try Snapshot(output)
        XCTAssertGreaterThan(snapshot.files.count, 20)
        return snapshot
    }

    /// A content change, so that a build that did get through would write different bytes.
    private func changeContent() throws {
        try Fixtures.write(["site/Content/records/incident/INC-1.md": Fixtures.incident.replacingOccurrences(of: "Mail down", with: "Mail down again")],
                           under: base)
    }

    /// Nothing but Output/ and the site's own files beside it: no staging or old folder left behind.
    private func assertNoLeftovers(file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(names.filter { $0.hasPrefix(".Output") }, [], file: file, line: line)
    }

    // MARK: - A failed build leaves Output/ as it was

    func testValidationErrorsLeaveOutputByteIdentical() throws {
        let before = try buildGoodSite()
        try changeContent()
        try Fixtures.write(["site/Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: base)
        let result = try Pipeline.build(options())
        XCTAssertNil(result.written)
        XCTAssertEqual(result.check.diagnostics.filter { $0.severity == .error }.map(\.rule), ["parse.yaml"])
        try before.assertSame(as: Snapshot(output))
        try assertNoLeftovers()
    }

    func testBrokenTemplateInTheSiteThemeLeavesOutputByteIdentical() throws {
        let before = try buildGoodSite()
        try changeContent()
        try Fixtures.write(["site/Themes/default/templates/record.mustache": "<main>{{#fields}}never closed</main>\n"], under: base)
        XCTAssertThrowsError(try Pipeline.build(options())) { error in
            guard case let .theme(message) = error as? DossierError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("record.mustache"), message)
        }
        try before.assertSame(as: Snapshot(output))
        try assertNoLeftovers()
    }

    func testUnwritableOutputParentLeavesOutputByteIdentical() throws {
        let before = try buildGoodSite()
        try changeContent()
        XCTAssertEqual(chmod(root.path, 0o555), 0)
        defer { _ = chmod(root.path, 0o755) }
        // Permissions do not bind root (nor some file systems): the case is covered below by
        // testOutputWhoseParentIsAFileFailsAndChangesNothing.
        let probe = root.appendingPathComponent(".probe")
        if FileManager.default.createFile(atPath: probe.path, contents: Data()) {
            try? FileManager.default.removeItem(at: probe)
            throw XCTSkip("permissions do not apply here (running as root?)")
        }
        XCTAssertThrowsError(try Pipeline.build(options())) { error in
            guard case .output = error as? DossierError else { return XCTFail("\(error)") }
        }
        try before.assertSame(as: Snapshot(output))
        try assertNoLeftovers()
    }

    func testOutputWhoseParentIsAFileFailsAndChangesNothing() throws {
        _ = try buildGoodSite()
        try Fixtures.write(["site/blocker": "a plain file\n"], under: base)
        let before = try Snapshot(base)
        let target = root.appendingPathComponent("blocker/Output")
        XCTAssertThrowsError(try Pipeline.build(options(output: target))) { error in
            guard case .output = error as? DossierError else { return XCTFail("\(error)") }
        }
        try before.assertSame(as: Snapshot(base))
        // And from the command line: exit 2, with the reason.
        let result = try DossierBinary.run(["build", "--as-of", "2026-11-22", "--output", "blocker/Output"], in: root)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("blocker"), result.output)
        try before.assertSame(as: Snapshot(base))
    }

    // MARK: - Folders Dossier did not create

    func testNonEmptyFolderWithoutTheMarkerIsRefusedAndLeftIntact() throws {
        let cases: [String: [String: String]] = [
            "precious": ["precious.txt": "keep me", "sub/deeper.txt": "me too"],
            "hidden files only": [".git/HEAD": "ref: refs/heads/main\n"],
            "an index.html only": ["index.html": "<p>someone else's site</p>"],
        ]
        for (name, files) in cases.sorted(by: { $0.key < $1.key }) {
            try? FileManager.default.removeItem(at: output)
            try Fixtures.write(files, under: output)
            let before = try Snapshot(base)
            XCTAssertThrowsError(try Pipeline.build(options()), name) { error in
                guard case let .output(message) = error as? DossierError else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue(message.contains(OutputWriter.marker), "\(name): \(message)")
            }
            try before.assertSame(as: Snapshot(base), name)
        }
    }

    func testOutputThatIsAFileIsRefusedAndLeftIntact() throws {
        try Fixtures.write(["site/Output": "not a folder\n"], under: base)
        let before = try Snapshot(base)
        XCTAssertThrowsError(try Pipeline.build(options()))
        try before.assertSame(as: Snapshot(base))
    }

    /// The staging and backup folders are Dossier's own, named afresh: a folder that merely has such a
    /// name (a user's, or another build's) is never removed.
    func testFoldersNamedLikeStagingOrBackupAreNotDeleted() throws {
        let pid = ProcessInfo.processInfo.processIdentifier
        let lookalikes = [".Output.staging-\(pid)", ".Output.old-\(pid)"]
        for name in lookalikes {
            try Fixtures.write(["site/\(name)/keep.txt": "not Dossier's\n"], under: base)
        }
        _ = try buildGoodSite()
        try changeContent()
        XCTAssertNotNil(try Pipeline.build(options()).written)
        for name in lookalikes {
            XCTAssertEqual(try? String(contentsOf: root.appendingPathComponent("\(name)/keep.txt"), encoding: .utf8), "not Dossier's\n", name)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Output") }
        XCTAssertEqual(Set(leftovers), Set(lookalikes), "only the lookalikes, no staging or backup of the builds")
    }

    /// Replacing an output folder Dossier made is fine, and removes only what was inside it.
    func testOutputFolderWithTheMarkerIsReplacedWhole() throws {
        _ = try buildGoodSite()
        try Fixtures.write(["site/Output/stale.html": "old"], under: base)
        try changeContent()
        XCTAssertNotNil(try Pipeline.build(options()).written)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/procedures/PR-01.md").path))
        try assertNoLeftovers()
    }

    // MARK: - Output folders that hold the site

    /// Each target also carries Dossier's marker (as if a build had once gone there), so that only the
    /// check for folders holding the site stands between the build and the site.
    func testOutputThatHoldsTheSiteIsRefused() throws {
        let cases: [(String, String)] = [
            ("the site root", root.path),
            ("the site root, spelled with a trailing slash", root.path + "/"),
            ("the site root, spelled with ..", root.path + "/Content/.."),
            ("the content folder", root.path + "/Content"),
            ("the content folder, spelled with . and ..", root.path + "/./Content/procedures/../"),
            ("inside the content folder, new", root.path + "/Content/site"),
            ("inside the content folder, existing", root.path + "/Content/procedures"),
            ("a parent of the site root", base.path),
        ]
        for folder in ["", "site", "site/Content", "site/Content/procedures"] {
            try Fixtures.write([(folder.isEmpty ? "" : folder + "/") + OutputWriter.marker: "Generated by Dossier.\n"], under: base)
        }
        for (name, path) in cases {
            let before = try Snapshot(base)
            XCTAssertThrowsError(try Pipeline.build(options(output: URL(fileURLWithPath: path))), name) { error in
                guard case let .output(message) = error as? DossierError else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue(message.contains("refusing to write into"), "\(name): \(message)")
            }
            try before.assertSame(as: Snapshot(base), name)
        }
    }

    /// The same folders spelled through a symbolic link: an empty Content/ (a new site) reached by
    /// another path is still the content folder.
    func testOutputThatHoldsTheSiteIsRefusedThroughSymbolicLinks() throws {
        let emptySite = base.appendingPathComponent("new-site")
        try Fixtures.write(["new-site/dossier.yml": Fixtures.minimalConfig, "new-site/Content/.gitkeep": "",
                            "new-site/" + OutputWriter.marker: "Generated by Dossier.\n"], under: base)
        let alias = base.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: emptySite)
        let cases: [(String, root: URL, output: URL)] = [
            ("content folder by its real path, site by the link", alias, emptySite.appendingPathComponent("Content")),
            ("content folder by the link, site by its real path", emptySite, alias.appendingPathComponent("Content")),
            ("site root by its real path, site by the link", alias, emptySite),
        ]
        for (name, siteRoot, target) in cases {
            let before = try Snapshot(base)
            XCTAssertThrowsError(try Pipeline.build(options(output: target, root: siteRoot)), name) { error in
                guard case .output = error as? DossierError else { return XCTFail("\(name): \(error)") }
            }
            try before.assertSame(as: Snapshot(base), name)
        }
    }

    func testRefusedOutputFromTheCommandLineExitsTwoAndChangesNothing() throws {
        let before = try Snapshot(base)
        for target in ["Content", ".", "..", "Content/out", "./Content/../Content/"] {
            let result = try DossierBinary.run(["build", "--as-of", "2026-11-22", "--output", target], in: root)
            XCTAssertEqual(result.status, 2, "\(target): \(result.output)")
            XCTAssertTrue(result.output.contains("refusing"), "\(target): \(result.output)")
            try before.assertSame(as: Snapshot(base), target)
        }
    }
}

/// Every file and folder under a folder, with its bytes (symbolic links by their target), to compare
/// a tree before and after.
struct Snapshot: Equatable {
    var files: [String: Data] = [:]
    var folders: Set<String> = []

    init(_ root: URL) throws {
        let manager = FileManager.default
        func walk(_ relative: String) throws {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            for name in try manager.contentsOfDirectory(atPath: url.path) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = root.appendingPathComponent(path).path
                let attributes = try manager.attributesOfItem(atPath: full)
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory?:
                    folders.insert(path)
                    try walk(path)
                case .typeSymbolicLink?:
                    files[path] = Data(("symlink:" + (try manager.destinationOfSymbolicLink(atPath: full))).utf8)
                default:
                    files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
                }
            }
        }
        if manager.fileExists(atPath: root.path) { try walk("") }
    }

    func assertSame(as after: Snapshot, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let added = Set(after.files.keys).union(after.folders).subtracting(Set(files.keys).union(folders))
        let removed = Set(files.keys).union(folders).subtracting(Set(after.files.keys).union(after.folders))
        let changed = files.keys.filter { after.files[$0] != nil && after.files[$0] != files[$0] }
        XCTAssertEqual(added.sorted(), [], "\(message): added", file: file, line: line)
        XCTAssertEqual(removed.sorted(), [], "\(message): removed", file: file, line: line)
        XCTAssertEqual(changed.sorted(), [], "\(message): changed", file: file, line: line)
    }
}

/// The built `dossier` executable, found as CommandLineTests finds it.
enum DossierBinary {
    static var executable: URL {
        get throws {
            let url = Bundle.main.bundleURL.appendingPathComponent("dossier")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            for bundle in Bundle.allBundles {
                let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            throw XCTSkip("dossier executable not built")
        }
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Subprocess.Result {
        try Subprocess.run(try executable.path, arguments, in: directory)
    }
}
