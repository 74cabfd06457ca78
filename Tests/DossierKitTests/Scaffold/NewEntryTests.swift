import XCTest
@testable import DossierKit

/// `dossier new` in memory: for every type, the new file lands in the type's folder with the next id
/// and brings no error to `dossier check`.
final class NewEntryTests: XCTestCase {
    private let asOf = Day(year: 2026, month: 11, day: 22)!
    private let config = Fixtures.minimalConfig + "\nstandards: [iso20000-1]\n"

    private func tree(_ extra: [String: String] = [:]) -> [String: String] {
        var files: [String: String] = ["/site/dossier.yml": config,
                                       "/site/Content/procedures/PR-01.md": Fixtures.procedure,
                                       "/site/Content/records/incident/INC-1.md": Fixtures.incident]
        for (path, text) in extra { files[path] = text }
        return files
    }

    func testEveryTypeGivesAFileThatChecksWithoutErrors() throws {
        let base = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(tree()))
        for name in base.site.catalog.sortedNames {
            let file = try NewEntry.file(typeName: name, id: nil, title: nil, site: base.site, asOf: asOf,
                                         root: "/site", fileSystem: .memory(tree()))
            let type = try XCTUnwrap(base.site.catalog[name])
            XCTAssertTrue(file.path.hasPrefix("Content/\(type.folder)/"), file.path)
            let result = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(tree(["/site/" + file.path: file.text])))
            let errors = result.diagnostics.filter { $0.severity == .error && $0.location?.path == file.path }
            XCTAssertEqual(errors.map(\.formatted), [], "\(name):\n\(file.text)")
            XCTAssertTrue(result.site.entries.contains { $0.path == file.path && $0.type == name }, name)
        }
    }

    func testNextIdAndValuesFromTheSchema() throws {
        let site = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(tree())).site
        let incident = try NewEntry.file(typeName: "incident", id: nil, title: "Printer down", site: site, asOf: asOf,
                                         root: "/site", fileSystem: .memory(tree()))
        XCTAssertEqual(incident.path, "Content/records/incident/INC-2026-0001.md")
        XCTAssertTrue(incident.text.contains("opened: 2026-11-22 09:00\n"), incident.text)
        XCTAssertTrue(incident.text.contains("priority: P1\n"))
        XCTAssertTrue(incident.text.contains("title: Printer down\n"))
        let procedure = try NewEntry.file(typeName: "procedure", id: nil, title: nil, site: site, asOf: asOf,
                                          root: "/site", fileSystem: .memory(tree()))
        XCTAssertEqual(procedure.path, "Content/procedures/PR-02.md")
        XCTAssertTrue(procedure.text.contains("status: draft\n"))
        XCTAssertTrue(procedure.text.contains("owner: Ann\n"))
        let audit = try NewEntry.file(typeName: "internal-audit", id: nil, title: nil, site: site, asOf: asOf,
                                      root: "/site", fileSystem: .memory(tree()))
        XCTAssertTrue(audit.text.contains("auditors: [Ann]"), audit.text)
    }

    func testRecordsFiledByYearGoIntoTheYearFolder() throws {
        let files = tree(["/site/Content/records/incident/2025/INC-2025-0044.md": Fixtures.incident.replacingOccurrences(of: "INC-1", with: "INC-2025-0044")])
        let site = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(files)).site
        let file = try NewEntry.file(typeName: "incident", id: nil, title: nil, site: site, asOf: asOf, root: "/site", fileSystem: .memory(files))
        XCTAssertEqual(file.path, "Content/records/incident/2026/INC-2026-0001.md")
    }

    func testBadRequestsAreRefused() throws {
        let site = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(tree())).site
        func attempt(_ type: String, id: String?) -> ScaffoldError? {
            do {
                _ = try NewEntry.file(typeName: type, id: id, title: nil, site: site, asOf: asOf, root: "/site", fileSystem: .memory(tree()))
                return nil
            } catch { return error as? ScaffoldError }
        }
        guard case let .unknownType(name, known)? = attempt("incidnet", id: nil) else { return XCTFail("unknown type accepted") }
        XCTAssertEqual(name, "incidnet")
        XCTAssertTrue(known.contains("incident"))
        XCTAssertEqual(attempt("incident", id: "../evil"), .invalidID("../evil"))
        // Its page would be the incident register's records/incident/index.html.
        XCTAssertEqual(attempt("incident", id: "Index"), .invalidID("Index"))
        XCTAssertTrue(ScaffoldError.invalidID("Index").description.contains("reserved"))
        XCTAssertEqual(attempt("incident", id: "inc-1"), .duplicateID("inc-1", existing: "Content/records/incident/INC-1.md"))
        // A file of that name exists but is not a content entry (no front matter): still never overwritten.
        let clash = tree(["/site/Content/records/incident/INC-9.md": "not a record"])
        let clashSite = try Pipeline.check(root: "/site", asOf: asOf, fileSystem: .memory(clash)).site
        XCTAssertThrowsError(try NewEntry.file(typeName: "incident", id: "INC-9", title: nil, site: clashSite, asOf: asOf,
                                               root: "/site", fileSystem: .memory(clash))) { error in
            XCTAssertEqual(error as? ScaffoldError, .fileExists("Content/records/incident/INC-9.md"))
        }
    }
}
