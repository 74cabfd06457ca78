import XCTest
@testable import DossierKit

/// `PagePreview` renders an edited file's page from the last good build exactly as the next build
/// will, and declines whenever the file alone cannot tell.
final class PagePreviewTests: XCTestCase {
    private var root: URL!
    private let incident = "Content/records/incident/INC-1.md"

    override func setUpWithError() throws { root = try Fixtures.smallSiteOnDisk() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func build(profile: String? = nil, config: String? = nil) throws -> Pipeline.BuildResult {
        if let config { try Fixtures.write(["dossier.yml": config], under: root) }
        var options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        options.keepsPreview = true
        options.incremental = true
        options.profile = profile
        let result = try Pipeline.build(options)
        XCTAssertNotNil(result.written, "\(result.check.diagnostics)")
        return result
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    private func output(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Output/" + path))
    }

    func testTheEditedPageIsTheOneTheNextBuildWrites() throws {
        let preview = try XCTUnwrap(try build().preview)
        try edit(incident) { $0.replacingOccurrences(of: "Mail server restarted.", with: "Mail server restarted; see [[PR-01]].")
            .replacingOccurrences(of: "title: Mail down", with: "title: Mail down for two hours") }

        let pages = try XCTUnwrap(preview.pages(for: [incident]))
        XCTAssertEqual(pages.map(\.path), ["records/incident/INC-1.html"])
        let html = String(decoding: pages[0].data, as: UTF8.self)
        XCTAssertTrue(html.contains("Mail down for two hours"), "the new title")
        XCTAssertTrue(html.contains("PR-01.html"), "the new body link is resolved")
        XCTAssertNotEqual(pages[0].data, try output(pages[0].path), "the page on disk is still the last build's")

        _ = try build()
        XCTAssertEqual(pages[0].data, try output(pages[0].path), "the build writes the previewed bytes")
    }

    func testDocumentsPreviewToo() throws {
        let preview = try XCTUnwrap(try build().preview)
        let path = "Content/procedures/PR-01.md"
        try edit(path) { $0.replacingOccurrences(of: "Restore service fast.", with: "Restore service within four hours.") }
        let pages = try XCTUnwrap(preview.pages(for: [path]))
        _ = try build()
        XCTAssertEqual(pages.map(\.path), ["documents/PR-01.html"])
        XCTAssertEqual(pages[0].data, try output(pages[0].path))
    }

    func testDeclinesWhatTheFileAloneCannotTell() throws {
        let preview = try XCTUnwrap(try build().preview)
        XCTAssertNil(preview.pages(for: []), "nothing changed")
        XCTAssertNil(preview.pages(for: ["dossier.yml"]), "the config changes every page")
        XCTAssertNil(preview.pages(for: ["Content/records/incident/INC-9.md"]), "a new file")
        XCTAssertNil(preview.pages(for: [incident, "Themes/default/templates/layout.mustache"]), "a theme file among them")

        try edit(incident) { $0.replacingOccurrences(of: "title: Mail down", with: "title: [broken") }
        XCTAssertNil(preview.pages(for: [incident]), "a file that no longer parses")
        try edit(incident) { $0.replacingOccurrences(of: "title: [broken", with: "title: Mail down") }
        XCTAssertNotNil(preview.pages(for: [incident]), "fixed again")

        try edit(incident) { $0.replacingOccurrences(of: "id: INC-1", with: "id: INC-7") }
        XCTAssertNil(preview.pages(for: [incident]), "a new id moves the page")
        try edit(incident) { $0.replacingOccurrences(of: "id: INC-7", with: "id: INC-1") + "\nSee [[INC-404]].\n" }
        XCTAssertNil(preview.pages(for: [incident]), "a link to nothing is an error")

        try FileManager.default.removeItem(at: root.appendingPathComponent(incident))
        XCTAssertNil(preview.pages(for: [incident]), "a deleted file")
    }

    func testOnlyWhenTheProfileShowsEverything() throws {
        let config = Fixtures.minimalConfig + "\nprofiles:\n  public: { include: [procedure] }\n  auditor: { include: all, redact: [service] }\n"
        XCTAssertNil(try build(profile: "public", config: config).preview, "a profile that leaves entries out")
        XCTAssertNil(try build(profile: "auditor").preview, "a profile that masks values")
        XCTAssertNotNil(try build().preview)
    }

    func testKeptOnlyWhenAsked() throws {
        let options = Pipeline.BuildOptions(root: root.path, asOf: Fixtures.demoAsOf)
        XCTAssertNil(try Pipeline.build(options).preview, "`dossier build` keeps nothing")
    }
}
