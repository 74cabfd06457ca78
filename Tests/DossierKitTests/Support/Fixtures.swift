import Foundation
@testable import DossierKit

/// Paths of the repository, and small sites for tests.
enum Fixtures {
    /// The repository root (this file is Tests/DossierKitTests/Support/Fixtures.swift).
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let demoAsOf = Day(year: 2026, month: 11, day: 22)!

    static let minimalConfig = """
    organization: { name: Test Co, short_name: Test }
    language: en
    people:
      - { name: Ann, role: Quality manager, auditor: true }
      - { name: Bob, role: Engineer }
    """

    /// A site in memory at /site: `files` are paths under Content/.
    static func memorySite(config: String = minimalConfig, files: [String: String]) -> FileSystem {
        var all: [String: String] = ["/site/dossier.yml": config]
        for (path, text) in files { all["/site/Content/" + path] = text }
        return .memory(all)
    }

    /// A fresh temporary folder, removed by the caller's teardown.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A temporary site folder with the minimal config, `procedure` and `incident`; the caller removes it.
    static func smallSiteOnDisk() throws -> URL {
        let root = try temporaryFolder()
        try write([
            "dossier.yml": minimalConfig,
            "Content/procedures/PR-01.md": procedure,
            "Content/records/incident/INC-1.md": incident,
        ], under: root)
        return root
    }

    /// Writes `files` (relative paths → text) under `root`.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static let procedure = """
    ---
    id: PR-01
    title: Incident procedure
    version: "1.0"
    status: approved
    owner: Bob
    approved_by: Ann
    approved_on: 2026-01-10
    history:
      - { version: "1.0", date: 2026-01-10, by: Bob, change: First issue }
    ---
    ## Purpose

    Restore service fast. See [[INC-1]].
    """

    static let incident = """
    ---
    id: INC-1
    title: Mail down
    opened: 2026-03-01 09:00
    priority: P2
    service: Mail
    status: closed
    resolved: 2026-03-01 11:30
    procedure: PR-01
    ---
    Mail server restarted.
    """
}

extension TemplateLibrary {
    /// `renderBytes` as text, for comparing renders.
    func renderedText(_ name: String, _ context: TemplateValue) -> String? {
        guard let bytes = renderBytes(name, context) else { return nil }
        return bytes.string
    }
}
