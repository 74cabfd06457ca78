import XCTest
@testable import DossierKit

final class PrintPagesTests: XCTestCase {
    static let config = Fixtures.minimalConfig + """

    scope: IT support for <small> firms
    standards: [iso10002]
    certifications:
      - { standard: iso10002, body: Cert Body, number: C-77, issued: 2025-01-10, expires: 2028-01-09 }
    """

    static func chapter(_ id: String, order: Int, title: String, body: String) -> String {
        """
        ---
        id: \(id)
        title: "\(title)"
        version: "2.\(order)"
        status: approved
        owner: Bob
        approved_by: Ann
        approved_on: 2026-02-0\(order)
        order: \(order)
        history:
          - { version: "2.\(order)", date: 2026-02-0\(order), by: Bob, change: Yearly review }
        ---
        \(body)
        """
    }

    static func procedure(_ id: String, status: String = "approved") -> String {
        """
        ---
        id: \(id)
        title: Procedure \(id)
        version: "1.0"
        status: \(status)
        owner: Bob
        approved_by: Ann
        approved_on: 2026-01-10
        ---
        ## Purpose

        See the [manual](../manual/MAN-B.md#scope), [[PR-2]] and [the steps](#steps).

        ## Steps

        Do it.
        """
    }

    static let files: [String: String] = [
        // MAN-B comes first by `order`, although its id sorts last.
        "manual/MAN-A.md": chapter("MAN-A", order: 2, title: "Leadership <script>alert(1)</script>", body: """
        # Chapter 2 Leadership

        ## Purpose

        Builds on [the scope](MAN-B.md#scope) and [[PR-10#steps]].
        """),
        "manual/MAN-B.md": chapter("MAN-B", order: 1, title: "Context", body: """
        # Chapter 1 Context

        ## Purpose

        Read [purpose](#purpose) first.

        ## Scope

        Everything.
        """),
        "procedures/PR-2.md": procedure("PR-2"),
        "procedures/PR-10.md": procedure("PR-10"),
        "procedures/PR-3.md": procedure("PR-3", status: "draft"),
    ]

    private func render(language: Language = .en, files: [String: String] = files) throws -> [String: String] {
        let fs = Fixtures.memorySite(config: Self.config.replacingOccurrences(of: "language: en", with: "language: \(language.rawValue)"),
                                     files: files)
        let site = try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
        let theme = try Theme.load(name: "default", root: "/nowhere", language: language, fileSystem: .memory([String: String]()))
        let files = try SiteRenderer(theme: theme, asOf: Fixtures.demoAsOf).render(site)
        var pages: [String: String] = [:]
        for file in files where file.path.hasPrefix("print/") || file.path == PagePaths.printStylesheet {
            pages[file.path] = String(decoding: file.data, as: UTF8.self)
        }
        return pages
    }

    private func page(_ path: String, language: Language = .en) throws -> String {
        try XCTUnwrap(try render(language: language)[path], "\(path) is rendered")
    }

    func testCoverNamesOrganisationTitleVersionDateAndScope() throws {
        let html = try page(PagePaths.printManual)
        let cover = try XCTUnwrap(html.range(of: "<header class=\"print-cover\"")).lowerBound
        let toc = try XCTUnwrap(html.range(of: "<nav class=\"print-toc\"")).lowerBound
        let coverHTML = String(html[cover..<toc])
        XCTAssertTrue(coverHTML.contains("<p class=\"print-cover__org\">Test Co</p>"))
        XCTAssertTrue(coverHTML.contains("<h1 class=\"print-cover__title\">Service Management Manual</h1>"))
        XCTAssertTrue(coverHTML.contains("<time datetime=\"2026-11-22\">22 Nov 2026</time>"), "version date is the as-of date")
        XCTAssertTrue(coverHTML.contains("IT support for &lt;small&gt; firms"), "scope, escaped")
        XCTAssertTrue(coverHTML.contains("C-77 · Cert Body"), "certificate")
        XCTAssertTrue(coverHTML.contains("<dd>2 chapters</dd>"))
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "one h1: the book title")
        let procedures = try page(PagePaths.printProcedures)
        XCTAssertTrue(procedures.contains("<h1 class=\"print-cover__title\">Procedures</h1>"))
    }

    func testChineseSiteUsesChineseTitles() throws {
        let pages = try render(language: .zhCN)
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printManual]).contains("<h1 class=\"print-cover__title\">服务管理手册</h1>"))
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printProcedures]).contains("<h1 class=\"print-cover__title\">程序文件汇编</h1>"))
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printManual]).contains("2026年11月22日"))
    }

    func testManualChaptersFollowOrderWithTableOfContents() throws {
        let html = try page(PagePaths.printManual)
        let tocB = try XCTUnwrap(html.range(of: "<li><a href=\"#MAN-B\">")), tocA = try XCTUnwrap(html.range(of: "<li><a href=\"#MAN-A\">"))
        XCTAssertLessThan(tocB.lowerBound, tocA.lowerBound, "contents in order")
        let chapterB = try XCTUnwrap(html.range(of: "<h2 class=\"print-chapter__title\" id=\"MAN-B\">"))
        let chapterA = try XCTUnwrap(html.range(of: "<h2 class=\"print-chapter__title\" id=\"MAN-A\">"))
        XCTAssertLessThan(chapterB.lowerBound, chapterA.lowerBound, "chapters in order")
        XCTAssertTrue(html.contains("Version 2.1</span></a></li>"), "the contents name each chapter's version")
    }

    func testEachChapterHasItsDocumentControlBlockAndRunningHeader() throws {
        let html = try page(PagePaths.printManual)
        XCTAssertTrue(html.contains("data-running=\"MAN-B · Version 2.1\""), "running header: document number and version")
        XCTAssertTrue(html.contains("<span class=\"mono\">MAN-A · Version 2.2</span>"), "the header block repeated on the chapter")
        let start = try XCTUnwrap(html.range(of: "id=\"MAN-B\"")).upperBound
        let block = String(html[start...].prefix(1500))
        for label in ["Document no.", "Version", "Status", "Owner", "Approved by", "Approved on", "Next review"] {
            XCTAssertTrue(block.contains("<th scope=\"col\">\(label)</th>"), label)
        }
        XCTAssertTrue(block.contains("<td><span>MAN-B</span>"), "document number")
        XCTAssertTrue(block.contains("<td><span>2.1</span>"), "version")
        XCTAssertTrue(block.contains("<span class=\"badge badge--approved\">"))
        XCTAssertTrue(block.contains("<span>Ann</span>"), "approver")
        XCTAssertTrue(block.contains("1 Feb 2026"), "approval date in the site's language")
        XCTAssertTrue(block.contains("1 Feb 2027"), "next review a year later")
        XCTAssertTrue(html.contains("<td>2.1</td><td class=\"print-history__date\">1 Feb 2026</td><td>Bob</td><td>Yearly review</td>"))
    }

    func testBodiesAreNamespacedAndShiftedOneHeadingLevel() throws {
        let html = try page(PagePaths.printManual)
        XCTAssertTrue(html.contains("<h2 id=\"MAN-B:chapter-1-context\">Chapter 1 Context</h2>"), "h1 of the body becomes h2")
        XCTAssertTrue(html.contains("<h3 id=\"MAN-B:purpose\">Purpose</h3>"))
        XCTAssertTrue(html.contains("<h3 id=\"MAN-A:purpose\">Purpose</h3>"), "same heading in two chapters, two ids")
        XCTAssertTrue(html.contains("<a href=\"#MAN-B:purpose\">purpose</a>"), "link within a body follows its heading")
    }

    func testLinksLeadIntoThePageWhenTheTargetIsInItAndToTheSiteOtherwise() throws {
        let manual = try page(PagePaths.printManual)
        XCTAssertTrue(manual.contains("<a href=\"#MAN-B:scope\">the scope</a>"), "chapter to chapter")
        XCTAssertTrue(manual.contains("<a href=\"../documents/PR-10.html#steps\">PR-10</a>"), "procedure is not in the manual")
        let procedures = try page(PagePaths.printProcedures)
        XCTAssertTrue(procedures.contains("<a href=\"../manual/MAN-B.html#scope\">manual</a>"))
        XCTAssertTrue(procedures.contains("<a href=\"#PR-2\">PR-2</a>"), "procedure to procedure")
        XCTAssertTrue(procedures.contains("<a href=\"#PR-10:steps\">the steps</a>"))
        XCTAssertTrue(procedures.contains("<a href=\"../documents/PR-10.html\">"), "link to the online version")
    }

    func testProceduresAreTheApprovedOnesByNumber() throws {
        let html = try page(PagePaths.printProcedures)
        let two = try XCTUnwrap(html.range(of: "id=\"PR-2\">")), ten = try XCTUnwrap(html.range(of: "id=\"PR-10\">"))
        XCTAssertLessThan(two.lowerBound, ten.lowerBound, "PR-2 before PR-10")
        XCTAssertFalse(html.contains("PR-3"), "the draft procedure is left out")
        XCTAssertTrue(html.contains("<dd>2 procedures</dd>"))
    }

    func testTitlesFromContentAreEscaped() throws {
        let html = try page(PagePaths.printManual)
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("Leadership &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testPrintStylesheetIsPagedAndLinkedOnlyFromPrintPages() throws {
        let pages = try render()
        let css = try XCTUnwrap(pages[PagePaths.printStylesheet])
        XCTAssertTrue(css.contains("size: A4"))
        XCTAssertTrue(css.contains("content: counter(page) \" / \" counter(pages)"))
        XCTAssertTrue(css.contains("string-set: print-book attr(data-book), print-chapter attr(data-running)"))
        XCTAssertTrue(css.contains("target-counter(attr(href url), page)"))
        XCTAssertTrue(css.contains(".print-chapter { break-before: page; }"))
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printManual]).contains("<link rel=\"stylesheet\" href=\"../assets/print.css\">"))
    }

    func testEmptyBooksSayTheyAreEmpty() throws {
        let pages = try render(files: ["procedures/PR-1.md": Self.procedure("PR-1", status: "draft")])
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printManual]).contains("The manual has no chapters yet."))
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printProcedures]).contains("There are no approved procedures yet."))
        XCTAssertTrue(try XCTUnwrap(pages[PagePaths.printProcedures]).contains("<dd>0 procedures</dd>"))
    }
}
