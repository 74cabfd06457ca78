import XCTest
@testable import DossierKit

/// The leak test of PRODUCT.md §10: builds the leak fixture with every profile into a temporary
/// folder, reads every file written (pages, search index, JSON, calendar, CSS, SVG, attachments) and
/// checks that no marker the profile hides appears anywhere — in the bytes or in a file's path —
/// while the profiles that show it do have it (so the test can fail).
final class ProfileBuildTests: XCTestCase {
    private var root: URL!
    private var outputs: URL!

    override func setUpWithError() throws {
        root = try ProfileFixtures.siteOnDisk()
        outputs = try Fixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: outputs)
    }

    /// Builds with `profile` and returns every output file: path relative to the output → contents.
    private func build(_ profile: String?) throws -> (result: Pipeline.BuildResult, files: [String: Data]) {
        let output = outputs.appendingPathComponent(profile ?? "default")
        var options = Pipeline.BuildOptions(root: root.path, output: output.path, asOf: ProfileFixtures.asOf)
        options.profile = profile
        options.allowErrors = true  // the complaint cites a draft procedure: an error the dashboard shows
        let result = try Pipeline.build(options)
        XCTAssertNotNil(result.written)
        var files: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(output.path.count + 1))] = try Data(contentsOf: url)
        }
        return (result, files)
    }

    private func places(_ marker: String, in files: [String: Data]) -> [String] {
        let needle = Data(marker.utf8)
        return files.compactMap { path, data in
            path.contains(marker) || data.range(of: needle) != nil ? path : nil
        }.sorted()
    }

    func testNoProfileLeaksWhatItHides() throws {
        for profile in ProfileFixtures.profiles {
            let (result, files) = try build(profile)
            XCTAssertEqual(result.profile.name, profile)
            XCTAssertTrue(files.keys.contains("index.html"), profile)
            XCTAssertTrue(files.keys.contains("data/dossier.json"), profile)
            XCTAssertTrue(files.keys.contains { $0.hasSuffix(".ics") }, profile)
            XCTAssertTrue(files.keys.contains { $0.hasPrefix("search/") }, profile)
            for marker in ProfileFixtures.markers {
                let found = places(marker.text, in: files)
                if marker.shownBy.contains(profile) {
                    XCTAssertFalse(found.isEmpty, "\(profile) should show \(marker.text)")
                } else {
                    XCTAssertEqual(found, [], "\(profile) leaks \(marker.text)")
                }
            }
        }
    }

    func testRedactedValuesShowTheMarker() throws {
        let (_, files) = try build("auditor")
        let page = try XCTUnwrap(files.first { $0.key.hasSuffix("\(ProfileFixtures.complaintID).html") }?.value)
        let html = String(decoding: page, as: UTF8.self)
        XCTAssertTrue(html.contains(Redaction.marker), "the masked phone and email show the marker")
        XCTAssertTrue(html.contains(ProfileFixtures.customerName), "an unmasked field of the same map stays")
        let json = String(decoding: try XCTUnwrap(files["data/dossier.json"]), as: UTF8.self)
        XCTAssertTrue(json.contains("\"phone\": \"\(Redaction.marker)\""), json)
    }

    func testLinksToHiddenEntriesBecomePlainText() throws {
        let (_, files) = try build("public")
        let manual = String(decoding: try XCTUnwrap(files.first { $0.key.hasPrefix("manual/MAN-01") }?.value), as: UTF8.self)
        XCTAssertTrue(manual.contains("the register"), "the author's label stays")
        XCTAssertTrue(manual.contains("the yearly review"))
        XCTAssertFalse(manual.contains("dossier-link:"))
        XCTAssertFalse(manual.contains("href=\"#\""), "no dead links")
        XCTAssertTrue(manual.contains("POL-01.html"), "links to included entries still work")
    }

    func testValidationSeesTheWholeSite() throws {
        let (result, _) = try build("public")
        // The draft procedure the (hidden) complaint cites is still an error of the build.
        XCTAssertTrue(result.check.diagnostics.contains { $0.location?.path.contains(ProfileFixtures.complaintID) == true })
        XCTAssertGreaterThan(result.check.errorCount, 0)
    }

    func testDefaultProfileAndUnknownProfile() throws {
        let (result, _) = try build(nil)
        XCTAssertEqual(result.profile.name, "internal", "default_profile applies when --profile is not given")
        var options = Pipeline.BuildOptions(root: root.path, output: outputs.appendingPathComponent("x").path, asOf: ProfileFixtures.asOf)
        options.profile = "publc"
        XCTAssertThrowsError(try Pipeline.build(options)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("did you mean 'public'"), message)
            XCTAssertTrue(message.contains("auditor, complaints, internal, public"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: outputs.appendingPathComponent("x").path))
    }
}

/// The demo's own profiles (PRODUCT.md §3: public, auditor, internal), rendered in memory.
final class DemoProfileTests: XCTestCase {
    private var checked: Pipeline.CheckResult!
    private var theme: Theme!

    override func setUpWithError() throws {
        checked = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf)
        theme = try Theme.load(name: checked.site.config.theme, root: Fixtures.repositoryRoot, language: checked.site.config.language)
    }

    private func render(_ name: String) throws -> (site: Site, files: [OutputFile]) {
        let choice = try ProfileChoice.resolve(name, config: checked.site.config)
        let shown = ProfileFilter(choice.profile).apply(to: checked.site, diagnostics: checked.diagnostics)
        return (shown.site, try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(shown.site, diagnostics: shown.diagnostics))
    }

    func testDemoDefinesTheProfilesAndChecksClean() {
        XCTAssertEqual(checked.site.config.profiles.keys.sorted(), ["auditor", "internal", "public"])
        XCTAssertEqual(checked.site.config.defaultProfile, "internal")
        XCTAssertEqual(checked.errorCount, 0, checked.diagnostics.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n"))
    }

    func testAuditorSeesEverythingButCustomerContacts() throws {
        let contacts = checked.site.entries(ofType: "complaint").flatMap { entry in
            ["phone", "email"].compactMap { entry["customer"]?[$0]?.string }
        }
        XCTAssertGreaterThan(contacts.count, 10, "the demo's complaints carry phone numbers and e-mail addresses")
        let (site, files) = try render("auditor")
        XCTAssertEqual(site.entries.count, checked.site.entries.count)
        for file in files {
            for contact in contacts {
                XCTAssertNil(file.data.range(of: Data(contact.utf8)), "\(file.path) shows \(contact)")
            }
        }
        XCTAssertTrue(files.contains { $0.path.hasPrefix("records/complaint/") && $0.data.range(of: Data(Redaction.marker.utf8)) != nil })
    }

    func testPublicShowsOnlyTheManualAndPolicies() throws {
        let (site, files) = try render("public")
        XCTAssertEqual(Set(site.entries.map(\.type)), ["manual", "policy"])
        let hidden = checked.site.entries.filter { $0.type != "manual" && $0.type != "policy" }
        let paths = Set(files.map(\.path))
        for entry in hidden { XCTAssertFalse(paths.contains(PagePaths.page(for: entry)), entry.id) }
        XCTAssertFalse(paths.contains { $0.hasPrefix("attachments/") })
        let export = try XCTUnwrap(files.first { $0.path == "data/dossier.json" })
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: export.data) as? [String: Any])
        let entries = try XCTUnwrap(json["entries"] as? [[String: Any]])
        XCTAssertEqual(Set(entries.compactMap { $0["type"] as? String }), ["manual", "policy"])
        let schedules = try XCTUnwrap((json["config"] as? [String: Any])?["schedules"] as? [String: Any])
        XCTAssertEqual(Array(schedules.keys), ["document-review"], "schedules of hidden record types are not reported as missed")
    }
}
