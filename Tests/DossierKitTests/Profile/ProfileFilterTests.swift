import XCTest
@testable import DossierKit

/// The profile stage on the leak fixture, in memory: what each profile keeps, strips and masks.
final class ProfileFilterTests: XCTestCase {
    private var checked: Pipeline.CheckResult!

    override func setUpWithError() throws {
        checked = try Pipeline.check(root: "/site", asOf: ProfileFixtures.asOf, fileSystem: ProfileFixtures.memorySite(),
                                     rendersBodies: true)
    }

    private var site: Site { checked.site }

    private func apply(_ name: String) throws -> ProfileFilter.Result {
        let profile = try XCTUnwrap(site.config.profiles[name], name)
        return ProfileFilter(profile).apply(to: site, diagnostics: checked.diagnostics)
    }

    func testIncludeAllWithoutRedactionChangesNothing() throws {
        let result = try apply("internal")
        XCTAssertEqual(result.site.entries.map(\.id), site.entries.map(\.id))
        XCTAssertEqual(result.diagnostics, checked.diagnostics)
        XCTAssertEqual(result.site.attachments.count, site.attachments.count)
    }

    func testIncludeSelectsTypesAndLeavesConfidentialOut() throws {
        let result = try apply("public")
        XCTAssertEqual(result.site.entries.map(\.id).sorted(), ["MAN-01", "POL-01"],
                       "the confidential policy is left out although policies are included")
        XCTAssertNil(result.site.entry(id: ProfileFixtures.confidentialID))
        XCTAssertEqual(try apply("auditor").site.entries.count, site.entries.count, "include: all shows confidential files")
    }

    func testGroupsIncludeEveryTypeOfTheirCategory() {
        let documents = ProfileFilter(SiteConfig.Profile(includes: [Located("documents", line: 1)]))
        XCTAssertEqual(site.entries.filter(documents.includes).map(\.id).sorted(), ["MAN-01", "POL-01", ProfileFixtures.draftProcedureID])
        let records = ProfileFilter(SiteConfig.Profile(includes: [Located("records", line: 1)]))
        XCTAssertEqual(site.entries.filter(records.includes).map(\.id), [ProfileFixtures.complaintID])
    }

    func testConfidentialFailsClosed() throws {
        let entry = try XCTUnwrap(site.entry(id: "POL-01"))
        func with(_ value: String) -> Entry {
            var copy = entry
            copy.frontMatter = YAMLNode(.mapping((entry.frontMatter.entries ?? []) + [
                YAMLEntry(key: "confidential", line: 20, column: 1, value: YAMLNode(.scalar(value, plain: true), line: 20, column: 15)),
            ]), line: 1, column: 1)
            return copy
        }
        let filter = ProfileFilter(SiteConfig.Profile(includes: [Located("policy", line: 1)]))
        XCTAssertFalse(filter.includes(with("true")))
        XCTAssertFalse(filter.includes(with("maybe")), "a value that is not clearly false hides the file")
        XCTAssertTrue(filter.includes(with("false")))
        XCTAssertTrue(filter.includes(with("")), "an empty value is no value")
    }

    func testReferencesToLeftOutEntriesAreRemoved() throws {
        let result = try apply("public")
        let policy = try XCTUnwrap(result.site.entry(id: "POL-01"))
        XCTAssertEqual(policy.strings("related"), ["MAN-01"])
        let manual = try XCTUnwrap(result.site.entry(id: "MAN-01"))
        XCTAssertEqual(manual.strings("related"), ["POL-01"])
        XCTAssertEqual(manual.resolvedLinks.compactMap { $0?.targetID }, ["POL-01"])

        let complaint = try XCTUnwrap(try apply("complaints").site.entry(id: ProfileFixtures.complaintID))
        XCTAssertNil(complaint["procedure"], "a single reference to a left-out entry goes with its key")
        XCTAssertNil(complaint["related"], "a list left empty goes too")
        XCTAssertEqual(complaint.string("channel"), "phone", "values that name no entry stay")
    }

    func testBodyLinksToLeftOutEntriesBecomeText() throws {
        let manual = try XCTUnwrap(try apply("public").site.entry(id: "MAN-01"))
        XCTAssertTrue(manual.body.html.contains("the register"))
        XCTAssertTrue(manual.body.html.contains("the yearly review"))
        XCTAssertEqual(manual.body.html.components(separatedBy: "dossier-link:").count - 1, 1, "only the link to POL-01 is left")
        for link in manual.body.links {
            if case let .contentPath(path, _) = link.target { XCTAssertFalse(path.contains(ProfileFixtures.complaintID), path) }
            if case let .contentID(id, _) = link.target { XCTAssertNotEqual(id, ProfileFixtures.confidentialID) }
        }
    }

    func testRedactionMasksNestedValuesOnly() throws {
        let complaint = try XCTUnwrap(try apply("auditor").site.entry(id: ProfileFixtures.complaintID))
        XCTAssertEqual(complaint["customer"]?["phone"]?.string, Redaction.marker)
        XCTAssertEqual(complaint["customer"]?["email"]?.string, Redaction.marker)
        XCTAssertEqual(complaint["customer"]?["name"]?.string, ProfileFixtures.customerName)
        XCTAssertEqual(complaint.title, ProfileFixtures.complaintTitle)
    }

    func testRedactingTheTitleMasksTheEntryTitle() throws {
        let filter = ProfileFilter(SiteConfig.Profile(includes: nil, redactions: [Located("title", line: 1)]))
        let result = filter.apply(to: site, diagnostics: [])
        XCTAssertEqual(result.site.entry(id: ProfileFixtures.complaintID)?.title, Redaction.marker)
        XCTAssertEqual(result.site.entry(id: "POL-01")?.title, Redaction.marker)
    }

    func testAttachmentsOnlyWhenAnIncludedEntryNamesThem() throws {
        XCTAssertEqual(try apply("public").site.attachments.count, 0)
        XCTAssertEqual(Array(try apply("complaints").site.attachments.keys), ["letters/\(ProfileFixtures.attachmentName)"])
    }

    func testAttachmentsABodyLinksToOrShowsAreKept() throws {
        let files: [String: Data] = [
            "/site/dossier.yml": Data((Fixtures.minimalConfig + "\nprofiles:\n  p: { include: [procedure] }\n").utf8),
            "/site/Content/procedures/PR-01.md": Data((Fixtures.procedure + "\n\n![chart](../attachments/pics/a.png) [data](../attachments/data/b.csv)\n").utf8),
            "/site/Content/attachments/pics/a.png": Data([0x89, 0x50]),
            "/site/Content/attachments/data/b.csv": Data("x".utf8),
            "/site/Content/attachments/data/unused.csv": Data("y".utf8),
        ]
        let checked = try Pipeline.check(root: "/site", asOf: Fixtures.demoAsOf, fileSystem: .memory(files), rendersBodies: true)
        let profile = try XCTUnwrap(checked.site.config.profiles["p"])
        let kept = ProfileFilter(profile).apply(to: checked.site, diagnostics: []).site.attachments
        XCTAssertEqual(kept.keys.sorted(), ["data/b.csv", "pics/a.png"])
    }

    func testSchedulesAndTargetsOfLeftOutTypesAreDropped() throws {
        let config = try apply("public").site.config
        XCTAssertEqual(config.schedules.map(\.type), [])
        XCTAssertEqual(config.targets.map(\.key), [])
        let complaints = try apply("complaints").site.config
        XCTAssertEqual(complaints.targets.map(\.key), ["complaint.close_days.max"])
        XCTAssertEqual(try apply("auditor").site.config.schedules.map(\.type), ["self-check"], "include: all keeps them")
    }

    func testDiagnosticsNeverNameWhatIsHidden() throws {
        let all = checked.diagnostics
        XCTAssertTrue(all.contains { $0.message.contains(ProfileFixtures.draftProcedureID) }, "the fixture has such a diagnostic")
        XCTAssertTrue(all.contains { $0.location?.path.contains(ProfileFixtures.confidentialID) == true })
        for name in ["public", "complaints"] {
            let shown = try apply(name).diagnostics
            for diagnostic in shown {
                let text = [diagnostic.message, diagnostic.hint ?? "", diagnostic.location?.path ?? ""].joined(separator: " ")
                for hidden in [ProfileFixtures.draftProcedureID, ProfileFixtures.confidentialID, ProfileFixtures.confidentialPolicyID] {
                    XCTAssertFalse(text.contains(hidden), "\(name): \(diagnostic.formatted)")
                }
            }
        }
    }

    func testDiagnosticsOnMaskedLinesOrQuotingMaskedValuesAreDropped() throws {
        let complaint = try XCTUnwrap(site.entry(id: ProfileFixtures.complaintID))
        let phoneLine = try XCTUnwrap(complaint.frontMatter.entry("customer")).line
        let diagnostics = [
            Diagnostic(rule: "schema.kind", message: "some finding", location: SourceLocation(path: complaint.path, line: phoneLine)),
            Diagnostic(rule: "record.target", message: "call \(ProfileFixtures.phone) back", location: nil),
            Diagnostic(rule: "record.target", message: "a finding to keep", location: SourceLocation(path: complaint.path, line: 2)),
        ]
        let profile = try XCTUnwrap(site.config.profiles["auditor"])
        let shown = ProfileFilter(profile).apply(to: site, diagnostics: diagnostics).diagnostics
        XCTAssertEqual(shown.map(\.message), ["a finding to keep"])
    }
}
