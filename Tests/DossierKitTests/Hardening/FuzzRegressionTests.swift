import Foundation
import XCTest
@testable import DossierKit

/// The fuzz target's path (Fuzz/DossierFuzz.swift) over the inputs kept in the repository:
/// Fuzz/regressions/ holds every input the fuzzer or its probes found crashing or hanging (after the
/// fix), Fuzz/seeds/ the hand-made hostile seeds. Each file is read as one content file,
/// Content/records/incident/F.md, parsed, and when it yields an entry validated on a one-entry site of
/// the demo's config. None may crash; each must give diagnostics (a regression) or diagnostics or a
/// valid entry (a seed); a file that yields no entry must say why; and each must finish well within
/// the fuzzer's per-input timeout of 10 s, since a hang is a finding too.
final class FuzzRegressionTests: XCTestCase {
    /// The fuzzer's `-timeout`: an input slower than this is reported as a timeout.
    private static let timeLimit: Duration = .seconds(10)

    func testRegressionsGiveDiagnosticsWithoutCrashing() throws {
        let files = try Self.files(in: "Fuzz/regressions")
        for (name, data) in files {
            let outcome = try Self.checkOneFile(data)
            XCTAssertFalse(outcome.diagnostics.isEmpty, "\(name): no diagnostic")
            Self.assertSound(outcome, name)
        }
    }

    func testHostileSeedsGiveDiagnosticsOrAValidEntry() throws {
        let files = try Self.files(in: "Fuzz/seeds")
        XCTAssertGreaterThanOrEqual(files.count, 20, "the hostile seeds are missing")
        for (name, data) in files {
            let outcome = try Self.checkOneFile(data)
            XCTAssertTrue(outcome.entry != nil || !outcome.diagnostics.isEmpty, "\(name): neither an entry nor a diagnostic")
            Self.assertSound(outcome, name)
        }
    }

    /// A few seeds whose outcome is known: the file-level refusals the hostile seeds were written for.
    func testHostileSeedsAreRefusedWithTheRightRule() throws {
        let expected = [
            "empty.md": "parse.empty",
            "whitespace-only.md": "parse.empty",
            "bom-only.md": "parse.empty",
            "no-front-matter.md": "parse.no-front-matter",
            "unterminated-front-matter.md": "parse.unterminated",
            "nul-byte.md": "parse.binary",
            "invalid-utf8.md": "parse.encoding",
            "truncated-utf8.md": "parse.encoding",
            "alias-bomb.md": "parse.yaml-too-large",
            "deep-yaml-flow.md": "parse.yaml-too-deep",
            // 1000 levels: past libyaml's own nesting limit, a syntax error before Dossier's limit of 64.
            "deep-yaml-flow-map.md": "parse.yaml",
            "deep-yaml-block.md": "parse.yaml-too-deep",
        ]
        let files = Dictionary(uniqueKeysWithValues: try Self.files(in: "Fuzz/seeds"))
        for (name, rule) in expected.sorted(by: { $0.key < $1.key }) {
            let data = try XCTUnwrap(files[name], "Fuzz/seeds/\(name) is missing")
            let outcome = try Self.checkOneFile(data)
            XCTAssertNil(outcome.entry, name)
            XCTAssertEqual(outcome.diagnostics.map(\.rule), [rule], name)
        }
    }

    /// A file of CRLF lines behind a byte-order mark is an ordinary record.
    func testBOMAndCRLFSeedYieldsAnEntry() throws {
        let data = try XCTUnwrap(Dictionary(uniqueKeysWithValues: try Self.files(in: "Fuzz/seeds"))["bom-crlf.md"])
        let outcome = try Self.checkOneFile(data)
        XCTAssertEqual(outcome.entry?.id, "F")
        XCTAssertEqual(outcome.entry?.body.headings.first?.text, "现象")
    }

    // MARK: Found while probing next to the fuzz target (inputs it does not vary)

    /// `schedules:` with a count past `Int`'s date arithmetic trapped in `ScheduleRule` (Interval.months).
    func testHugeScheduleIntervalIsADiagnostic() {
        let result = ConfigParser().parse("""
        organization: { name: Test Co, short_name: Test }
        schedules:
          self-check: 9223372036854775807 years
          training: 100001 days
          internal-audit: 12 months
        """)
        XCTAssertEqual(result.config.schedules.map(\.type), ["internal-audit"])
        XCTAssertEqual(result.diagnostics.filter { $0.rule == Rules.configInvalid.id }.count, 2, "\(result.diagnostics)")
        XCTAssertNil(Interval("9223372036854775807 years"))
        XCTAssertEqual(Interval("\(Interval.maximumCount) days")?.count, Interval.maximumCount)
    }

    /// A company checklist's `points: 1e300` (or a level's `min: 1e999`) trapped in the clause pages,
    /// which print whole numbers through `Int`; a clause `window:` too large trapped in coverage.
    func testOutOfRangeChecklistNumbersAreDiagnostics() throws {
        let parsed = ChecklistParser().parse("""
        id: huge
        title: { en: Huge }
        kind: scored
        scoring:
          pass: { min: 1e999, name: { en: Pass } }
          levels:
            - { min: 95, name: { en: Top } }
        clauses:
          - { id: "1", title: { en: One }, points: 1e300, documents: [] }
          - { id: "2", title: { en: Two }, points: nan, documents: [] }
          - { id: "3", title: { en: Three }, points: 6.5, window: 9223372036854775807 years, documents: [] }
        """, path: "Content/checklists/huge.yml")
        let checklist = try XCTUnwrap(parsed.checklist)
        XCTAssertEqual(checklist.clauses.map(\.points), [nil, nil, 6.5])
        XCTAssertNil(checklist.clauses[2].window)
        XCTAssertNil(checklist.pass)
        XCTAssertEqual(checklist.levels.map(\.min), [95])
        XCTAssertEqual(parsed.diagnostics.filter { $0.rule == Rules.schemaChecklist.id }.count, 4, "\(parsed.diagnostics)")
    }

    // MARK: The fuzz target's path

    private struct Outcome {
        var entry: Entry?
        var diagnostics: [Diagnostic]
        var duration: Duration
    }

    private static let context: Result<(config: SiteConfig, catalog: TypeCatalog, checklists: [Checklist]), Error> = Result {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/dossier.yml", encoding: .utf8)
        let config = ConfigParser().parse(text)
        guard config.isUsable else { throw DossierError.unusableConfig(config.diagnostics) }
        return (config.config, try BuiltInData.typeCatalog(), BuiltInData.parsedBuiltInChecklists().checklists)
    }

    /// What `checkOneFile` in Fuzz/DossierFuzz.swift does, with the entry kept for the assertions.
    private static func checkOneFile(_ data: Data) throws -> Outcome {
        let (config, catalog, checklists) = try context.get()
        let clock = ContinuousClock()
        let start = clock.now
        let parsed = EntryParser(catalog: catalog, allowRawHTML: false)
            .parse(SourceFile(path: "Content/records/incident/F.md", data: data))
        var diagnostics = parsed.diagnostics
        if let entry = parsed.entry {
            var site = Site(config: config, catalog: catalog, entries: [entry], checklists: checklists)
            let links = LinkResolver().resolve(site.entries, index: site.indexByID)
            site.entries[0].resolvedLinks = links.links[0]
            diagnostics = Validator().validate(site, asOf: Fixtures.demoAsOf, earlier: diagnostics + links.diagnostics)
        }
        return Outcome(entry: parsed.entry, diagnostics: diagnostics, duration: clock.now - start)
    }

    private static func assertSound(_ outcome: Outcome, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        if outcome.entry == nil {
            XCTAssertFalse(outcome.diagnostics.isEmpty, "\(name): no entry and no diagnostic", file: file, line: line)
        }
        for diagnostic in outcome.diagnostics {
            guard let location = diagnostic.location else { continue }
            XCTAssertGreaterThanOrEqual(location.line, 1, "\(name): \(diagnostic.rule)", file: file, line: line)
            XCTAssertGreaterThanOrEqual(location.column, 1, "\(name): \(diagnostic.rule)", file: file, line: line)
        }
        XCTAssertLessThan(outcome.duration, timeLimit, "\(name): took \(outcome.duration)", file: file, line: line)
    }

    /// The files of a folder of the repository, by name, in name order.
    private static func files(in folder: String) throws -> [(String, Data)] {
        let url = URL(fileURLWithPath: Fixtures.repositoryRoot).appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "\(folder) is empty")
        return try names.map { ($0, try Data(contentsOf: url.appendingPathComponent($0))) }
    }
}
