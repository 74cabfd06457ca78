import Foundation
import XCTest
@testable import DossierKit

/// Session 4's shortcuts in the summary pages, the fingerprints and writing, each held to the
/// straightforward code it replaced.
final class SummaryShortcutTests: XCTestCase {
    private static func demo() throws -> (site: Site, theme: Theme, context: RenderContext) {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true)
        let theme = try Theme.load(name: "default", root: Fixtures.repositoryRoot, language: .zhCN)
        let context = RenderContext(site: result.site, theme: theme, asOf: Fixtures.demoAsOf, references: References(site: result.site),
                                    coverage: Coverage(site: result.site, asOf: Fixtures.demoAsOf).applicable(),
                                    diagnostics: [], generator: "Dossier test")
        return (result.site, theme, context)
    }

    private static func scalars(of node: YAMLNode) -> [String] {
        switch node.value {
        case let .scalar(text, _): return [text]
        case let .sequence(items): return items.flatMap(scalars)
        case let .mapping(entries): return entries.flatMap { scalars(of: $0.value) }
        }
    }

    // MARK: - References

    /// Outgoing references and citations from each type's reference fields, made once, against the
    /// field specs of every entry filtered as before.
    func testReferencesFromEachTypesFieldsMatchFilteringEveryEntrysSpecs() throws {
        let site = try Self.demo().site
        let references = References(site: site)
        var citing: [String: [Int]] = [:]
        var outgoingCount = 0
        for (index, entry) in site.entries.enumerated() {
            let fields = site.catalog[entry.type].map { site.catalog.allFields(of: $0).filter(\.kind.isReference) } ?? []
            let expected = fields.flatMap { field in entry.strings(field.name).map { "\(field.name)=\($0)" } }
            XCTAssertEqual(references.outgoing(of: entry).map { "\($0.field)=\($0.id)" }, expected, entry.id)
            outgoingCount += expected.count
            var seen: Set<String> = [entry.id]
            for target in fields.flatMap({ entry.strings($0.name) }) + entry.resolvedLinks.compactMap({ $0?.targetID })
            where seen.insert(target).inserted {
                citing[target, default: []].append(index)
            }
        }
        XCTAssertGreaterThan(outgoingCount, 100)
        XCTAssertEqual(references.citing, citing)
    }

    /// Distinct elements, searched linearly while few and through a set past 16: the same as filtering
    /// through a set from the start, for short and long lists with repeats and texts equal only as
    /// `String`s (composed and decomposed é, U+212A and K).
    func testDistinctListMatchesFilteringThroughASet() {
        var generator = SystemRandomNumberGenerator()
        let pool = ["INC-1", "INC-2", "PR-01", "caf\u{E9}", "cafe\u{301}", "\u{212A}-1", "K-1"] + (0..<40).map { "REC-\($0)" }
        for length in [0, 1, 5, 15, 16, 17, 40, 200] {
            for _ in 0..<20 {
                let ids = (0..<length).map { _ in pool.randomElement(using: &generator)! }
                var distinct = DistinctList<String>()
                var seen: Set<String> = []
                let expected = ids.filter { seen.insert($0).inserted }
                var inserted: [String] = []
                for id in ids where distinct.insert(id) { inserted.append(id) }
                XCTAssertEqual(inserted, expected, "\(ids)")
                XCTAssertEqual(distinct.elements, expected, "\(ids)")
            }
        }
    }

    /// Entry summaries take each type's label and date field from the context's table, made once:
    /// the same as looking the type up in the catalog for every summary.
    func testSummariesFromTheTypeTableMatchTheCatalog() throws {
        let (site, _, context) = try Self.demo()
        var dated = 0
        for entry in site.entries {
            let type = site.catalog[entry.type]
            XCTAssertEqual(context.typeLabel(entry.type), type?.title.text(context.strings.language) ?? entry.type, entry.id)
            let expectedDay = RecordDates.day(of: entry, catalog: site.catalog)
            let summary = context.summaryValue(of: entry, from: "records/incident/INC-1.html")
            XCTAssertEqual(summary["typeLabel"]?.plain as? String, context.typeLabel(entry.type), entry.id)
            XCTAssertEqual(summary["date"]?.plain as? String, expectedDay.map { context.strings.format($0) }, entry.id)
            if expectedDay != nil { dated += 1 }
        }
        XCTAssertGreaterThan(dated, 100)
        XCTAssertEqual(context.typeLabel("no-such-type"), "no-such-type")
        XCTAssertNotEqual(context.typeLabel("incident"), "incident")
    }

    // MARK: - Search index

    /// The search index's front-matter text as it was made before: joined, then collapsed.
    private static func referenceFrontMatterText(_ node: YAMLNode, strings: InterfaceStrings) -> String {
        var parts: [String] = []
        var seen: Set<String> = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { return }
            parts.append(trimmed)
        }
        func walk(_ node: YAMLNode) {
            switch node.value {
            case .scalar:
                guard let text = node.string, !node.isNull else { return }
                add(text)
                let word = strings["value." + text]
                if word != "value." + text { add(word) }
            case let .sequence(items): items.forEach(walk)
            case let .mapping(entries): for entry in entries where !SearchIndex.skippedFields.contains(entry.key) { walk(entry.value) }
            }
        }
        walk(node)
        return ReferenceCode.collapsed(parts.joined(separator: " "))
    }

    func testFrontMatterTextEqualsJoiningThenCollapsing() throws {
        let (site, _, context) = try Self.demo()
        for entry in site.entries {
            XCTAssertEqual(SearchIndex.frontMatterText(entry.frontMatter, strings: context.strings),
                           Self.referenceFrontMatterText(entry.frontMatter, strings: context.strings), entry.id)
        }
        // Many values (the set takes over from the linear search), repeats, padding, enum words.
        let values = (0..<40).map { "  value \($0 % 25)\u{3000}x\n" } + ["approved", " 中文 ", "\u{3000}中", "中\u{A0}", "a\u{301}", "open"]
        let node = YAMLNode(.mapping([
            YAMLEntry(key: "list", line: 1, column: 1, value: YAMLNode(.sequence(values.map { YAMLNode(.scalar($0, plain: true), line: 1, column: 1) }), line: 1, column: 1)),
            YAMLEntry(key: "id", line: 2, column: 1, value: YAMLNode(.scalar("X-1", plain: true), line: 2, column: 1)),
            YAMLEntry(key: "status", line: 3, column: 1, value: YAMLNode(.scalar("approved", plain: true), line: 3, column: 1)),
        ]), line: 1, column: 1)
        XCTAssertEqual(SearchIndex.frontMatterText(node, strings: context.strings),
                       Self.referenceFrontMatterText(node, strings: context.strings))
    }

    func testCollapsingRunsEqualsTheByteLoop() throws {
        let (site, _, _) = try Self.demo()
        let samples = ["", " ", "a", "  a \t\n b\u{3000}\u{3000}中  ", "\u{3000}", "x\u{E3}", "x\u{3001}\u{3000}", "a\u{1}b  c",
                       "\u{3000}a\u{3000}", "末尾\u{3000}"] + site.entries.map(\.body.plainText)
        for text in samples {
            XCTAssertEqual(SearchIndex.collapsed(text), ReferenceCode.collapsed(text), text)
        }
    }

    /// A value the search index takes as simple is its own trimmed, plain and collapsed form, on
    /// random texts (spaces, other white space, E3 and other non-CJK leads, CJK, ASCII); and the
    /// common values are simple, so that the shortcut is taken.
    func testSimpleValuesAreTheirOwnTrimmedPlainAndCollapsedForms() {
        var generator = SplitMix64(seed: 0x51A9)
        // Simple characters weighted up, so that many texts are simple and many are one character off.
        let alphabet = ["a", "Z", "-", ":", " ", "中", "文", "a", "中", "1"] + ["  ", "\t", "\n", "\u{3000}", "\u{3001}", "é", "\u{A0}", "\u{7F}", "\u{1F600}"]
        var simple = 0
        for length in 0..<24 {
            for _ in 0..<60 {
                let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                guard text.withUTF8Bytes(SearchIndex.isSimpleValue) else { continue }
                simple += 1
                XCTAssertEqual(SearchIndex.trimmed(text), text, text.debugDescription)
                XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), text, text.debugDescription)
                XCTAssertTrue(KeyShapes.isCanonicallyPlain(text), text.debugDescription)
                XCTAssertEqual(SearchIndex.collapsed(text), text, text.debugDescription)
            }
        }
        XCTAssertGreaterThan(simple, 40)
        for text in ["2026-01-01T10:35", "P3", "邮件托管", "iso20000-1:8.6.1", "恒达电器Exchange 邮箱磁盘空间不足"] {
            XCTAssertTrue(text.withUTF8Bytes(SearchIndex.isSimpleValue), text)
        }
        for text in ["", " a", "a ", "a  b", "a\tb", "\u{3000}", "é", "a\u{A0}"] {
            XCTAssertFalse(text.withUTF8Bytes(SearchIndex.isSimpleValue), text.debugDescription)
        }
    }

    func testTrimmingShortcutAgreesWithFoundation() {
        for text in ["a", "中", "中文", " 中", "中 ", "中\u{3000}", "\u{3000}中", "中\u{A0}", "中\u{301}", "\u{2003}x", "x\u{85}",
                     "é", "é ", "a\u{301}", "\u{1680}", "中a", "a中", "\u{9FFF}", "\u{4E00}\u{200A}", "", " "] {
            XCTAssertEqual(SearchIndex.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
        }
    }

    // MARK: - Page fingerprints

    func testKeyShapesAdmitEveryTextTheIndexFinds() throws {
        let (site, _, _) = try Self.demo()
        let shapes = KeyShapes(site.indexByID.keys)
        var texts = site.entries.flatMap { Self.scalars(of: $0.frontMatter) } + Array(site.indexByID.keys)
        texts += ["", "x", "PR-0", "PR-01 ", "\u{212A}", "PR\u{2011}01"]
        var rejected = 0
        for text in texts {
            if site.indexByID[text] != nil { XCTAssertTrue(shapes.admits(text), text) }
            if !shapes.admits(text) { rejected += 1 }
        }
        XCTAssertGreaterThan(rejected, texts.count / 3, "the shortcut rules most values out")
        // Canonical equivalence: U+212A KELVIN SIGN equals K, and é spelt two ways are one key.
        let kelvin = KeyShapes(["K"])
        XCTAssertTrue(kelvin.admits("\u{212A}"))
        let accented = KeyShapes(["\u{E9}"])
        XCTAssertTrue(accented.admits("e\u{301}"))
        XCTAssertFalse(KeyShapes(["AB-1"]).admits("XY-1"))
        XCTAssertFalse(KeyShapes(["AB-1"]).admits("AB-12"))
        XCTAssertTrue(KeyShapes(["AB-1"]).admits("AB-2"))
    }

    // MARK: - Writing while rendering

    func testSafePathsOnBytesAgreeWithSplitting() {
        func reference(_ path: String) -> Bool {
            !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false)
                .contains { $0.isEmpty || $0 == ".." || $0 == "." }
        }
        let parts = ["", ".", "..", "...", "a", ".a", "a.", "..a", "中", "a b"]
        var paths = parts
        for first in parts { for second in parts { paths += [first + "/" + second, "/" + first + "/" + second, first + "/" + second + "/"] } }
        paths += ["records/incident/INC-1.html", "a//b", "./a", "a/./b", "a/../b", "//"]
        for path in paths { XCTAssertEqual(OutputWriter.isSafe(path), reference(path), path) }
    }

    /// A whole build writes every page from the render workers; the tree equals the rendered files.
    func testStreamedBuildWritesWhatTheRendererMakes() throws {
        let (_, theme, _) = try Self.demo()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("summary-shortcut-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = Pipeline.BuildOptions(root: Fixtures.repositoryRoot, output: output.path, asOf: Fixtures.demoAsOf)
        options.generator = "Dossier test"
        options.writesCache = true
        let result = try Pipeline.build(options)
        let written = try XCTUnwrap(result.written)
        // The renderer's files for the site the build rendered (after its profile).
        let shown = ProfileFilter(result.profile.profile).apply(to: result.check.site, diagnostics: result.check.diagnostics)
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf, generator: "Dossier test")
            .render(shown.site, diagnostics: shown.diagnostics)
        XCTAssertEqual(written, files.count)
        for file in files {
            XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent(file.path)), file.data, file.path)
        }
        let cache = try XCTUnwrap(BuildCache.load(for: output))
        XCTAssertEqual(cache.items.count, files.count)
        for file in files { XCTAssertEqual(cache.items[file.path]?.content, Fingerprint.of(file.data), file.path) }
    }

    /// A whole build makes every entry's page once and hands them to the renderer; the context then
    /// answers from them, and without them makes each path as before. (The build above writes the
    /// same bytes as a renderer that was given none.)
    func testPagePathsMadeOnceAreThoseTheContextAnswers() throws {
        let (site, theme, context) = try Self.demo()
        let made = site.entries.map(PagePaths.page(for:))
        XCTAssertEqual(site.entries.indices.map(context.pagePath(of:)), made)
        XCTAssertEqual(context.allPagePaths, made)
        // Given paths are used as given (marked here so that a fallback to making them would show).
        let marked = made.map { "marked/" + $0 }
        let given = RenderContext(site: site, theme: theme, asOf: Fixtures.demoAsOf, references: context.references,
                                  coverage: context.coverage, diagnostics: [], generator: "Dossier test", pagePaths: marked)
        XCTAssertEqual(site.entries.indices.map(given.pagePath(of:)), marked)
        XCTAssertEqual(given.allPagePaths, marked)
        let export = try XCTUnwrap(DataExport(context: given).render().first)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: export.data) as? [String: Any])
        let urls = try XCTUnwrap(json["entries"] as? [[String: Any]]).compactMap { $0["url"] as? String }
        XCTAssertEqual(Set(urls), Set(marked))
    }
}
