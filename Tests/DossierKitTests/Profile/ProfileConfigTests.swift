import XCTest
@testable import DossierKit

/// `profiles:` and `default_profile:` in the config: how they are read (`ConfigParser`), checked
/// against the site's types (`ProfileRule`) and chosen for a build (`ProfileChoice`).
final class ProfileConfigTests: XCTestCase {
    private func parse(_ profiles: String) -> ConfigParser.Result {
        ConfigParser().parse("language: en\nprofiles:\n" + profiles)
    }

    func testReadsIncludeAndRedactWithTheirLines() throws {
        let result = parse("""
          public:   { include: [manual, policy] }
          auditor:  { include: all, redact: [customer.phone, customer.email] }
          listed:   { include: [records, all] }
          single:   { include: incident, redact: customer.phone }
          masking:  { redact: [title] }
        """)
        XCTAssertEqual(result.diagnostics, [])
        let profiles = result.config.profiles
        XCTAssertEqual(profiles["public"]?.include, ["manual", "policy"])
        XCTAssertEqual(profiles["public"]?.includes?.map(\.line), [3, 3])
        XCTAssertNil(try XCTUnwrap(profiles["auditor"]).include)
        XCTAssertEqual(profiles["auditor"]?.redact, ["customer.phone", "customer.email"])
        XCTAssertNil(try XCTUnwrap(profiles["listed"]).include, "a list naming all includes all")
        XCTAssertEqual(profiles["single"]?.include, ["incident"])
        XCTAssertEqual(profiles["single"]?.redact, ["customer.phone"])
        XCTAssertNil(try XCTUnwrap(profiles["masking"]).include, "no include: everything")
        XCTAssertTrue(try XCTUnwrap(profiles["listed"]).showsEverything)
        XCTAssertFalse(try XCTUnwrap(profiles["masking"]).showsEverything)
    }

    func testMalformedProfilesMakeTheConfigUnusable() {
        for (text, expected) in [
            ("  public: all\n", "a profile is a map"),
            ("  public: { include: }\n", "include: needs all or a list"),
            ("  public: { include: [[manual]] }\n", "include: expects names"),
            ("  public: { redact: [{ a: b }] }\n", "redact: expects names"),
        ] {
            let result = parse(text)
            XCTAssertFalse(result.isUsable, text)
            XCTAssertTrue(result.diagnostics.contains { $0.rule == Rules.configInvalid.id && $0.message.contains(expected) },
                          "\(text): \(result.diagnostics.map(\.message))")
        }
        let unknownKey = parse("  public: { include: [manual], redcat: [x] }\n")
        XCTAssertEqual(unknownKey.diagnostics.map(\.rule), [Rules.configUnknownKey.id])
        XCTAssertEqual(unknownKey.diagnostics.first?.hint, "did you mean 'redact'?")
    }

    // MARK: - ProfileRule

    private func check(_ profiles: String, files: [String: String] = ["procedures/PR-01.md": Fixtures.procedure]) throws -> [Diagnostic] {
        let config = Fixtures.minimalConfig + "\nprofiles:\n" + profiles
        let result = try Pipeline.check(root: "/site", asOf: Fixtures.demoAsOf,
                                        fileSystem: Fixtures.memorySite(config: config, files: files))
        return result.diagnostics.filter { $0.location?.path == SiteConfig.fileName }
    }

    func testKnownTypesGroupsAndFieldPathsPass() throws {
        XCTAssertEqual(try check("""
          a: { include: [manual, policy, documents, records, complaint], redact: [customer.phone, history.by, title, related] }
        """), [])
    }

    func testUnknownTypeIsAnErrorAtItsLine() throws {
        let diagnostics = try check("  public: { include: [manual, polcy] }\n")
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.rule, Rules.configInvalid.id)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location?.line, 7)
        XCTAssertTrue(diagnostic.message.contains("'polcy'"), diagnostic.message)
        XCTAssertEqual(diagnostic.hint, "did you mean 'policy'?")
    }

    func testRedactPathsMustNameAFieldAndNotTheIdentity() throws {
        let diagnostics = try check("  a: { redact: [customer.phnoe, id, type] }\n")
        XCTAssertEqual(diagnostics.count, 3, diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.rule == Rules.configInvalid.id && $0.severity == .error })
        XCTAssertEqual(diagnostics.first { $0.message.contains("phnoe") }?.hint, "did you mean 'customer.phone'?")
        XCTAssertTrue(diagnostics.contains { $0.message.contains("cannot redact 'id'") })
    }

    func testAFieldOnlySomeFileWritesCanBeRedacted() throws {
        let note = "---\nid: INC-9\nopened: 2026-03-01 09:00\npriority: P2\nservice: Mail\nstatus: open\nsupplier_contact: { phone: '1' }\n---\n"
        XCTAssertEqual(try check("  a: { redact: [supplier_contact.phone] }\n", files: ["records/incident/INC-9.md": note, "procedures/PR-01.md": Fixtures.procedure]), [])
        XCTAssertEqual(try check("  a: { redact: [supplier_contact.phone] }\n").count, 1)
    }

    // MARK: - ProfileChoice

    func testChoiceFollowsTheOptionThenTheDefault() throws {
        var config = parse("  public: { include: [manual] }\n  internal: { include: all }\n").config
        XCTAssertEqual(try ProfileChoice.resolve(nil, config: config), .everything)
        config.defaultProfile = "internal"
        XCTAssertEqual(try ProfileChoice.resolve(nil, config: config).name, "internal")
        XCTAssertEqual(try ProfileChoice.resolve("public", config: config).profile.include, ["manual"])
    }

    func testUnknownProfileNamesTheProfiles() {
        let config = parse("  public: { include: [manual] }\n  internal: { include: all }\n").config
        XCTAssertThrowsError(try ProfileChoice.resolve("pubic", config: config)) { error in
            XCTAssertEqual("\(error)", "no profile 'pubic' in dossier.yml (did you mean 'public'?): profiles are internal, public")
        }
        XCTAssertThrowsError(try ProfileChoice.resolve("public", config: SiteConfig())) { error in
            XCTAssertTrue("\(error)".contains("defines no profiles"), "\(error)")
        }
    }
}
