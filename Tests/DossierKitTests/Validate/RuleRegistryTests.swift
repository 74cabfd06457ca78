import Foundation
import XCTest
@testable import DossierKit

/// Every rule has a stable id in its family, is exercised by some test, and is documented.
final class RuleRegistryTests: XCTestCase {
    static let families = ["parse", "schema", "ref", "doc", "record", "schedule", "nc", "coverage", "cert", "people", "config"]

    func testIDsAreUniqueAndDottedInAKnownFamily() {
        XCTAssertEqual(Set(Rules.all.map(\.id)).count, Rules.all.count)
        for rule in Rules.all {
            let family = String(rule.id.prefix { $0 != "." })
            XCTAssertTrue(Self.families.contains(family), rule.id)
            XCTAssertNotEqual(rule.severity, .off, rule.id)
            XCTAssertFalse(rule.summary.isEmpty, rule.id)
        }
    }

    /// The sources create diagnostics only through the registry, never with a bare rule-id string.
    func testSourcesUseTheRegistry() throws {
        let sources = Fixtures.repositoryRoot + "/Sources/DossierKit"
        let enumerator = FileManager.default.enumerator(atPath: sources)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasSuffix("RuleRegistry.swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            XCTAssertNil(text.range(of: #"rule: "[a-z]"#, options: .regularExpression), "\(path) uses a bare rule id")
        }
    }

    /// "Every rule id covered": each id appears in at least one test file other than this one.
    func testEveryRuleIsExercisedByATest() throws {
        let tests = Fixtures.repositoryRoot + "/Tests/DossierKitTests"
        var corpus = ""
        let enumerator = FileManager.default.enumerator(atPath: tests)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasSuffix("RuleRegistryTests.swift") else { continue }
            corpus += try String(contentsOfFile: tests + "/" + path, encoding: .utf8)
        }
        let registryNames = try String(contentsOfFile: Fixtures.repositoryRoot + "/Sources/DossierKit/Model/RuleRegistry.swift", encoding: .utf8)
        for rule in Rules.all {
            // A test may name the id ("nc.overdue") or the registry constant (Rules.ncOverdue).
            let constant = registryNames.range(of: #"let (\w+) = rule\("\#(rule.id)""#, options: .regularExpression)
                .map { String(registryNames[$0]).split(separator: " ")[1] }
            let named = corpus.contains("\"\(rule.id)\"") || constant.map { corpus.contains("Rules.\($0)") } == true
            XCTAssertTrue(named, "no test exercises \(rule.id)")
        }
    }

    func testEveryRuleIsDocumented() throws {
        let docs = try String(contentsOfFile: Fixtures.repositoryRoot + "/docs/validation.md", encoding: .utf8)
        for rule in Rules.all {
            XCTAssertTrue(docs.contains("`\(rule.id)`"), "docs/validation.md does not list \(rule.id)")
        }
    }
}
