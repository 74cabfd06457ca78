import XCTest
@testable import DossierKit

/// The clause pages: readiness overview, coverage matrix, one page per clause (ClausePages).
final class ClausePagesTests: XCTestCase {
    private typealias F = SiteWideFixtures

    /// A company checklist with one clause per kind of unmet expectation, and an excluded group.
    static let gapsChecklist = """
    id: gaps
    title: { en: Gap standard, zh-CN: 差距标准 }
    kind: requirements
    clauses:
      - id: "1"
        title: { en: Operation, zh-CN: 运行 }
      - id: "1.1"
        title: { en: Continuity, zh-CN: 连续性 }
        documents: [service-continuity-plan]
        records: [continuity-test-report]
        window: 12 months
        guidance: { en: "Test the plan every year.", zh-CN: "每年演练一次连续性计划。" }
      - id: "1.2"
        title: { en: Policy, zh-CN: 方针 }
        documents: [management-policy]
        records: []
      - id: "1.3"
        title: { en: Leadership, zh-CN: 领导作用 }
        documents: []
        records: []
      - id: "1.4"
        title: { en: Internal audit, zh-CN: 内部审核 }
        documents: []
        records: [internal-audit-report]
        window: 6 months
      - id: "1.5"
        title: { en: Warranty, zh-CN: 三包 }
        documents: [warranty-policy]
        records: [made-up-evidence]
      - id: "1.6"
        title: { en: Incidents, zh-CN: 事件 }
        documents: []
        records: [incident-record]
      - id: "2"
        title: { en: Suppliers, zh-CN: 供方 }
      - id: "2.1"
        title: { en: Supplier control, zh-CN: 供方控制 }
        documents: [supplier-contract]
        records: []
    """

    static let gapsConfig = F.config("""
    standards: [gaps]
    exclusions:
      - clause: gaps:2
        reason: "No suppliers <script>alert(2)</script>"
    """)

    /// 1.1: only a draft plan and a test older than the window; 1.2: a policy past its review;
    /// 1.6: covered by a procedure claiming it and two incidents in the window.
    static let gapsFiles = F.files(
        F.document("PLN-01", kind: "service-continuity-plan", status: "draft"),
        F.record("continuity-test", "CT-0", date: "2025-01-03", ["scenario: Fire", "result: Passed"]),
        F.document("POL-01", folder: "policies", kind: "management-policy", approvedOn: "2025-06-01"),
        ("procedures/PR-01.md", F.file(["id: PR-01", "title: \"Incidents <script>alert(1)</script>\"", "version: \"1.0\"",
                                        "status: approved", "owner: Bob", "approved_by: Ann", "approved_on: 2026-03-01",
                                        "clauses: [gaps:1.6]"])),
        ("records/incident/INC-1.md", F.file(["id: INC-1", "title: Mail down", "opened: 2026-03-01 09:00", "priority: P2",
                                              "service: Mail", "status: closed", "resolved: 2026-03-01 11:30"])),
        ("records/incident/INC-2.md", F.file(["id: INC-2", "title: Disk full", "opened: 2026-09-12 10:00", "priority: P3",
                                              "service: Files", "status: closed", "resolved: 2026-09-12 12:00"])),
        ("checklists/gaps.yml", gapsChecklist)
    )

    /// Renders a site and returns its HTML pages by path.
    private func render(config: String, files: [String: String], language: Language = .en) throws -> [String: String] {
        let fs = Fixtures.memorySite(config: config, files: files)
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let output = try SiteRenderer(theme: theme, asOf: F.asOf).render(site)
        var pages: [String: String] = [:]
        for file in output where file.path.hasSuffix(".html") { pages[file.path] = String(decoding: file.data, as: UTF8.self) }
        return pages
    }

    private func gapsSite(_ language: Language = .en) throws -> [String: String] {
        let config = language == .en ? Self.gapsConfig : Self.gapsConfig.replacingOccurrences(of: "language: en", with: "language: zh-CN")
        return try render(config: config, files: Self.gapsFiles, language: language)
    }

    /// The items of the "why" list of a clause page, tags removed.
    private func reasons(in html: String) -> [String] {
        guard let start = html.range(of: "<ul class=\"clause-gaps\">"),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "</li>").compactMap { item in
            let text = item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            return text.isEmpty ? nil : text
        }
    }

    // MARK: overview

    func testOverviewShowsCountsBarAndLinkToTheMatrix() throws {
        let html = try XCTUnwrap(try gapsSite()["clauses/index.html"])
        XCTAssertTrue(html.contains(">Gap standard</a></h2>"))
        // 1.6 covered; 1.1 and 1.2 partial (something answers each); 1.3, 1.4, 1.5 missing; 2.1 excluded.
        XCTAssertTrue(html.contains("1 of 6 applicable clauses covered"), html)
        XCTAssertTrue(html.contains("<span class=\"clause-readiness__percent\">16%</span>"))
        for (status, count) in [("covered", 1), ("partial", 2), ("missing", 3), ("excluded", 1)] {
            XCTAssertTrue(html.contains("clause-bar__segment--\(status)\" style=\"flex-grow: \(count)\""), status)
            XCTAssertTrue(html.contains("<a href=\"gaps/index.html#show-\(status)\">"), status)
        }
        XCTAssertTrue(html.contains("href=\"gaps/index.html\""))
        // Needs attention: missing clauses first, then partial ones, linked to their pages.
        let missing = try XCTUnwrap(html.range(of: "href=\"gaps/1.3.html\""))
        let partial = try XCTUnwrap(html.range(of: "href=\"gaps/1.1.html\""))
        XCTAssertLessThan(missing.lowerBound, partial.lowerBound)
    }

    func testOverviewWithoutStandardsSaysHowToAddThem() throws {
        let html = try XCTUnwrap(try render(config: F.config(), files: ["attachments/a.txt": "x"])["clauses/index.html"])
        XCTAssertTrue(html.contains("No standard applies yet"))
        XCTAssertFalse(html.contains("clause-standard\""))
    }

    // MARK: matrix

    func testMatrixListsEveryClauseInOrderUnderGroupHeadings() throws {
        let html = try XCTUnwrap(try gapsSite()["clauses/gaps/index.html"])
        let order = ["id=\"g-1\"", "href=\"1.1.html\">1.1<", "href=\"1.2.html\">1.2<", "href=\"1.3.html\">1.3<",
                     "href=\"1.4.html\">1.4<", "href=\"1.5.html\">1.5<", "href=\"1.6.html\">1.6<", "id=\"g-2\"", "href=\"2.1.html\">2.1<"]
        var position = html.startIndex
        for marker in order {
            let found = try XCTUnwrap(html.range(of: marker, range: position..<html.endIndex), "\(marker) out of order")
            position = found.upperBound
        }
        XCTAssertEqual(html.components(separatedBy: "<tr class=\"clause-row ").count - 1, 7)
        XCTAssertTrue(html.contains("<tr class=\"clause-row clause-row--d0 is-covered\">"))
        XCTAssertEqual(html.components(separatedBy: " is-partial\">").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: " is-missing\">").count - 1, 3)
        // Group headings summarise their clauses; the excluded group has nothing applicable.
        XCTAssertTrue(html.contains("1/6 covered"))
        // The filter: one target per status and chips with counts; no chip links to an empty status.
        for status in ["covered", "partial", "missing", "excluded"] {
            XCTAssertTrue(html.contains("id=\"show-\(status)\""), status)
        }
        XCTAssertTrue(html.contains("href=\"#show-partial\">Partial <span class=\"clause-chip__count\">2</span>"))
        XCTAssertFalse(html.contains("clause-chip--excluded is-empty"), "one clause is excluded: its chip is a link")
    }

    func testMatrixRowShowsDocumentsEvidenceAndExclusionReason() throws {
        let html = try XCTUnwrap(try gapsSite()["clauses/gaps/index.html"])
        let row16 = try XCTUnwrap(html.components(separatedBy: "<tr class=\"clause-row").first { $0.contains(">1.6<") })
        XCTAssertTrue(row16.contains("href=\"../../documents/PR-01.html\""))
        XCTAssertTrue(row16.contains("<span class=\"clause-evidence__count\">2</span>"))
        XCTAssertTrue(row16.contains("<time datetime=\"2026-09-12\">12 Sep 2026</time>"))
        let row11 = try XCTUnwrap(html.components(separatedBy: "<tr class=\"clause-row").first { $0.contains(">1.1<") })
        XCTAssertTrue(row11.contains("PLN-01"))
        XCTAssertTrue(row11.contains("clause-pending--draft\">Draft<"))
        XCTAssertTrue(row11.contains("is-stale\">latest <time datetime=\"2025-01-03\">"), row11)
        let row21 = try XCTUnwrap(html.components(separatedBy: "<tr class=\"clause-row").first { $0.contains(">2.1<") })
        XCTAssertTrue(row21.contains("Excluded"))
        XCTAssertTrue(row21.contains("No suppliers &lt;script&gt;alert(2)&lt;/script&gt;"))
    }

    // MARK: clause page

    func testClausePageSaysWhyInWordsForEveryKindOfGap() throws {
        let pages = try gapsSite()
        func why(_ clause: String) throws -> [String] { reasons(in: try XCTUnwrap(pages["clauses/gaps/\(clause).html"])) }
        XCTAssertEqual(try why("1.1"), [
            "Only documents that are not yet approved answer it: PLN-01 Document PLN-01.",
            "The latest record, CT-0 of 3 Jan 2025, is older than 12 months.",
        ])
        XCTAssertEqual(try why("1.2"), ["The document that answers it is past its review date: POL-01 Document POL-01 (review due 1 Jun 2026)."])
        XCTAssertEqual(try why("1.3"), ["No approved document, and no record from the last 12 months, lists this clause in its clauses."])
        XCTAssertEqual(try why("1.4"), [
            "No approved, current document lists this clause in its clauses.",
            "No record of Internal audits dated within the last 6 months.",
        ])
        XCTAssertEqual(try why("1.5"), [
            "No approved, current document of kind Warranty, return and exchange terms, and no approved document lists this clause.",
            "No record type evidences made-up-evidence, and no record from the last 12 months lists this clause.",
        ])
        XCTAssertEqual(try why("1.6"), [])
        let draftLink = try XCTUnwrap(pages["clauses/gaps/1.1.html"])
        XCTAssertTrue(draftLink.contains("<a href=\"../../documents/PLN-01.html\"><span class=\"mono\">PLN-01</span> Document PLN-01</a>"))
        XCTAssertTrue(draftLink.contains("<a href=\"../../records/continuity-test/CT-0.html\"><span class=\"mono\">CT-0</span></a>"))
    }

    func testGapsAreWordedInChinese() throws {
        let pages = try gapsSite(.zhCN)
        XCTAssertEqual(reasons(in: try XCTUnwrap(pages["clauses/gaps/1.1.html"])), [
            "回应本条款的文件尚未批准：PLN-01 Document PLN-01。",
            "最近一条记录 CT-0（2025年1月3日）已超过12个月。",
        ])
        XCTAssertEqual(reasons(in: try XCTUnwrap(pages["clauses/gaps/1.4.html"])), [
            "没有已批准的现行文件在 clauses 中列出本条款。",
            "近6个月内没有内部审核记录。",
        ])
        XCTAssertEqual(reasons(in: try XCTUnwrap(pages["clauses/gaps/1.5.html"])), [
            "没有类别为质量保证与三包规定的已批准现行文件，也没有已批准的文件列出本条款。",
            "没有记录类型对应made-up-evidence，近12个月内也没有记录列出本条款。",
        ])
        let matrix = try XCTUnwrap(pages["clauses/gaps/index.html"])
        XCTAssertTrue(matrix.contains(">部分覆盖<"))
        XCTAssertTrue(matrix.contains("<h1>差距标准</h1>"))
        for (path, html) in pages where path.hasPrefix("clauses/") {
            XCTAssertNil(html.range(of: "[>\\s]clause[A-Z][A-Za-z]+", options: .regularExpression), "\(path) shows a raw key")
            XCTAssertNil(html.range(of: "\\{[a-z]+\\}", options: .regularExpression), "\(path) shows a placeholder")
        }
    }

    func testClausePageShowsExpectationsDocumentsAndEvidenceNewestFirst() throws {
        let pages = try gapsSite()
        let page11 = try XCTUnwrap(pages["clauses/gaps/1.1.html"])
        XCTAssertTrue(page11.contains("<h1><span class=\"entry__id mono\">1.1</span> Continuity</h1>"))
        XCTAssertTrue(page11.contains("Test the plan every year."))
        XCTAssertTrue(page11.contains("Service continuity plan <code class=\"clause-code\">service-continuity-plan</code>"))
        XCTAssertTrue(page11.contains("Continuity test report"))
        XCTAssertTrue(page11.contains("<a href=\"../../records/continuity-test/index.html\">Continuity tests</a>"))
        XCTAssertTrue(page11.contains("within the last 12 months"))
        XCTAssertTrue(page11.contains("badge badge--draft\">Draft</span>"), "the draft is listed as pending")

        let page12 = try XCTUnwrap(pages["clauses/gaps/1.2.html"])
        XCTAssertTrue(page12.contains("review overdue since 1 Jun 2026"))

        let page16 = try XCTUnwrap(pages["clauses/gaps/1.6.html"])
        XCTAssertTrue(page16.contains("clause-badge--covered clause-badge--large\">Covered<"))
        XCTAssertTrue(page16.contains("Every expectation of this clause is met as of 22 Nov 2026."))
        XCTAssertTrue(page16.contains("Any approved, current document that lists this clause in its clauses"))
        XCTAssertTrue(page16.contains("<span class=\"mono\">PR-01</span> Incidents &lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        let newer = try XCTUnwrap(page16.range(of: "<td class=\"clause-evidence__date\">12 Sep 2026</td>"))
        let older = try XCTUnwrap(page16.range(of: "<td class=\"clause-evidence__date\">1 Mar 2026</td>"))
        XCTAssertLessThan(newer.lowerBound, older.lowerBound)
        XCTAssertTrue(page16.contains("href=\"../../records/incident/INC-2.html\">INC-2</a>"))
    }

    func testExcludedClauseShowsTheReasonAndItsParent() throws {
        let html = try XCTUnwrap(try gapsSite()["clauses/gaps/2.1.html"])
        XCTAssertTrue(html.contains("Declared not applicable"))
        XCTAssertTrue(html.contains("No suppliers &lt;script&gt;alert(2)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Excluded with its parent clause gaps:2 in dossier.yml."))
        XCTAssertFalse(html.contains("clause-gaps"))
    }

    func testClausePageLinksToMatrixGroupAndNeighbours() throws {
        let pages = try gapsSite()
        let first = try XCTUnwrap(pages["clauses/gaps/1.1.html"])
        XCTAssertTrue(first.contains("<a href=\"../index.html\">Clause coverage</a>"))
        XCTAssertTrue(first.contains("<a href=\"index.html\">Gap standard</a>"))
        XCTAssertTrue(first.contains("<a href=\"index.html#g-1\">1 Operation</a>"))
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("href=\"1.2.html\" rel=\"next\""))
        let last = try XCTUnwrap(pages["clauses/gaps/2.1.html"])
        XCTAssertTrue(last.contains("href=\"1.6.html\" rel=\"prev\""), "previous crosses the group boundary")
        XCTAssertFalse(last.contains("rel=\"next\""))
        XCTAssertNil(pages["clauses/gaps/1.html"], "groups have no page of their own")
    }

    func testNoContentValueReachesThePagesUnescaped() throws {
        for (path, html) in try gapsSite() where path.hasPrefix("clauses/") {
            XCTAssertFalse(html.contains("<script>alert"), path)
        }
    }

    // MARK: scored checklists

    func testScoredChecklistShowsScoreLevelAndPoints() throws {
        let files = F.files(
            F.document("MAN-01", folder: "manual", kind: "after-sales-service-manual"),
            F.document("POL-01", folder: "policies", kind: "warranty-policy"),
            ("checklists/scored.yml", F.scoredChecklist)
        )
        let pages = try render(config: F.config("standards: [scored]"), files: files)
        // 60 + 25 of 100 points: 85, three stars.
        let overview = try XCTUnwrap(pages["clauses/index.html"])
        XCTAssertTrue(overview.contains("<span class=\"clause-score__value\">85</span>"))
        XCTAssertTrue(overview.contains("clause-level--level\">Three stars</span>"))
        XCTAssertTrue(overview.contains("85 of 100 points"))
        XCTAssertTrue(overview.contains("<li class=\"is-reached\">Compliant <span class=\"clause-scale__min\">≥ 70</span></li>"))
        XCTAssertTrue(overview.contains("<li>Four stars <span class=\"clause-scale__min\">≥ 90</span></li>"))
        let matrix = try XCTUnwrap(pages["clauses/scored/index.html"])
        XCTAssertTrue(matrix.contains("<th scope=\"col\" class=\"num\">Points</th>"))
        XCTAssertTrue(matrix.contains("data-label=\"Points\">60</td>"))
        XCTAssertTrue(matrix.contains("data-label=\"Points\">15</td>"))
        XCTAssertTrue(matrix.contains("Three stars"))
        let earned = try XCTUnwrap(pages["clauses/scored/5.1.html"])
        XCTAssertTrue(earned.contains("60 points · earned"))
        let missed = try XCTUnwrap(pages["clauses/scored/5.3.html"])
        XCTAssertTrue(missed.contains("15 points · not earned"))
    }

    func testScoredChecklistBelowThePassMarkSaysSoInChinese() throws {
        let config = F.config("standards: [scored]").replacingOccurrences(of: "language: en", with: "language: zh-CN")
        let pages = try render(config: config, files: ["checklists/scored.yml": F.scoredChecklist], language: .zhCN)
        let overview = try XCTUnwrap(pages["clauses/index.html"])
        XCTAssertTrue(overview.contains("<span class=\"clause-score__value\">0</span>"))
        XCTAssertTrue(overview.contains("clause-level--failed\">未达标</span>"))
        XCTAssertTrue(overview.contains("达标"))
    }

    // MARK: the demo

    func testDemoHasAPagePerClauseAndEveryClauseLinkResolves() throws {
        let root = Fixtures.repositoryRoot
        let site = try SiteParser().parse(try SiteSource.read(root: root, fileSystem: .local)).site
        let theme = try Theme.load(name: "default", root: root, language: site.config.language)
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site)
        let paths = Set(files.map(\.path))
        let coverage = Coverage(site: site, asOf: Fixtures.demoAsOf).applicable()
        XCTAssertEqual(coverage.map(\.checklist.id), ["iso20000-1", "iso10002"])
        for checklist in coverage {
            XCTAssertTrue(paths.contains(PagePaths.clauseMatrix(checklist: checklist.checklist.id)))
            for clause in checklist.clauses {
                XCTAssertTrue(paths.contains(PagePaths.clausePage(checklist: checklist.checklist.id, clause: clause.clause.id)),
                              clause.reference)
            }
        }
        let excluded = try XCTUnwrap(files.first { $0.path == "clauses/iso20000-1/8.3.4.2.html" })
        XCTAssertTrue(String(decoding: excluded.data, as: UTF8.self).contains("公司为单一法人实体"))
        // Every relative link of the clause pages leads to a file of the site (anchors aside).
        for file in files where file.path.hasPrefix("clauses/") {
            let html = String(decoding: file.data, as: UTF8.self)
            let folder = file.path.split(separator: "/").dropLast().map(String.init)
            for match in html.matches(of: /href="([^"#]*)(#[^"]*)?"/) {
                let target = String(match.output.1)
                guard !target.isEmpty else { continue }
                var parts = folder
                for part in target.split(separator: "/") {
                    if part == ".." { parts.removeLast() } else { parts.append(String(part)) }
                }
                XCTAssertTrue(paths.contains(parts.joined(separator: "/")), "\(file.path) links to missing \(target)")
            }
        }
    }

    // MARK: paths

    func testClausePathsStayInsideTheirFolder() {
        XCTAssertEqual(PagePaths.clausePage(checklist: "iso20000-1", clause: "8.6.1"), "clauses/iso20000-1/8.6.1.html")
        XCTAssertEqual(PagePaths.clauseMatrix(checklist: "iso20000-1"), "clauses/iso20000-1/index.html")
        XCTAssertEqual(PagePaths.clausePage(checklist: "own", clause: "index"), "clauses/own/_index.html")
        XCTAssertEqual(PagePaths.clausePage(checklist: "..", clause: "../x"), "clauses/_2E./_2E._2Fx.html")
        XCTAssertEqual(PagePaths.clausePage(checklist: "own", clause: "A 1_2"), "clauses/own/A_201_5F2.html")
        XCTAssertNotEqual(PagePaths.clauseFileName("a/b"), PagePaths.clauseFileName("a_2Fb"))
    }

    func testClauseTargetLeadsToPageOrGroupHeading() throws {
        let fs = Fixtures.memorySite(config: Self.gapsConfig, files: Self.gapsFiles)
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let coverage = Coverage(site: site, asOf: F.asOf).applicable()
        XCTAssertEqual(PagePaths.clauseTarget(reference: "gaps:1.4", coverage: coverage), "clauses/gaps/1.4.html")
        XCTAssertEqual(PagePaths.clauseTarget(reference: "gaps:2", coverage: coverage), "clauses/gaps/index.html#g-2")
        XCTAssertNil(PagePaths.clauseTarget(reference: "gaps:9.9", coverage: coverage))
        XCTAssertNil(PagePaths.clauseTarget(reference: "iso9001:7.5", coverage: coverage), "not an applicable standard")
    }

    // MARK: strings

    func testEveryClauseStringHasBothLanguages() throws {
        let text = try XCTUnwrap(EmbeddedResources.files["theme/strings/clauses.yml"])
        let strings = try InterfaceStrings(language: .en, yamlFiles: [text])
        XCTAssertGreaterThan(strings.keys.count, 50)
        for key in strings.keys {
            XCTAssertEqual(strings.languages(of: key), ["en", "zh-CN"], key)
            XCTAssertTrue(key.hasPrefix("clause"), "\(key) lacks the family prefix")
        }
    }
}
