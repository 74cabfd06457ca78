import XCTest
@testable import DossierKit

/// A small site whose obligations fall on known days around the as-of date 2026-11-22.
enum AgendaFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    static let config = Fixtures.minimalConfig + """

    standards: [iso10002]
    schedules:
      self-check: 1 month
      internal-audit: 12 months
      training: 6 months
      document-review: 12 months
    certifications:
      - { standard: iso20000-1, body: Cert Body, number: "CN-1", issued: 2025-06-10, expires: 2028-06-09 }
      - { standard: iso10002, body: Old Body, number: "OLD-9", issued: 2020-01-01, expires: 2023-01-01 }
    """

    static func selfCheck(_ id: String, _ date: String, period: String) -> String {
        """
        ---
        id: \(id)
        date: \(date)
        period: "\(period)"
        checked_by: Ann
        findings: [none]
        ---
        """
    }

    static let files: [String: String] = [
        "procedures/PR-01.md": Fixtures.procedure,
        "procedures/PR-02.md": """
        ---
        id: PR-02
        title: Draft procedure
        version: "0.1"
        status: draft
        owner: Bob
        ---
        """,
        "records/self-check/SC-2026-10.md": selfCheck("SC-2026-10", "2026-10-30", period: "2026-10"),
        "records/self-check/SC-2026-11.md": selfCheck("SC-2026-11", "2026-11-05", period: "2026-11"),
        // Dated after the as-of date: record.future reports it, and it does not count.
        "records/self-check/SC-2026-12.md": selfCheck("SC-2026-12", "2026-12-01", period: "2026-12"),
        "records/internal-audit/IA-2025.md": """
        ---
        id: IA-2025
        date: 2025-10-01
        auditors: [Ann]
        scope: ["iso10002:7.4"]
        result: conforming
        ---
        """,
        "records/nonconformity/NC-1.md": """
        ---
        id: NC-1
        title: Fix A, B; C \\ D <script>alert(1)</script>
        found_on: 2026-09-01
        source: IA-2025
        clause: iso10002:7.4
        severity: minor
        description: Two callbacks missed.
        owner: Bob
        due: 2026-10-01
        status: open
        ---
        """,
        "records/nonconformity/NC-2.md": """
        ---
        id: NC-2
        found_on: 2026-09-01
        source: IA-2025
        clause: iso10002:7.4
        severity: minor
        description: Closed one.
        owner: Bob
        due: 2026-10-01
        status: closed
        root_cause: x
        corrective_action: y
        closed_on: 2026-09-20
        verified_by: Ann
        verified_on: 2026-09-25
        ---
        """,
        "records/external-audit/EA-1.md": """
        ---
        id: EA-1
        date: 2026-05-20
        body: Cert Body
        kind: surveillance
        standard: iso20000-1
        result: maintained
        ---
        """,
    ]

    static func site(config: String = config, files: [String: String] = files) throws -> Site {
        let fs = Fixtures.memorySite(config: config, files: files)
        return try SiteParser().parse(try SiteSource.read(root: "/site", fileSystem: fs)).site
    }
}

final class AgendaTests: XCTestCase {
    private func item(_ items: [AgendaItem], _ kind: AgendaItem.Kind, _ subject: String, sequence: Int? = nil) throws -> AgendaItem {
        try XCTUnwrap(items.first { $0.kind == kind && $0.subject == subject && $0.sequence == sequence },
                      "\(kind) \(subject) in \(items.map { "\($0.kind) \($0.subject)" })")
    }

    func testScheduleIsDueOneIntervalAfterTheLatestRecordUpToTheAsOfDate() throws {
        let items = Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf)
        let selfCheck = try item(items, .schedule, "self-check")
        XCTAssertEqual(selfCheck.date, Day(iso: "2026-12-05"), "SC-2026-11 of 5 Nov + 1 month; the December one is in the future")
        XCTAssertEqual(selfCheck.state, .dueSoon)
        XCTAssertEqual(selfCheck.basisID, "SC-2026-11")
        XCTAssertEqual(selfCheck.title, "Self-checks", "the record type's title in the site language")
        XCTAssertEqual(selfCheck.target, "records/self-check/index.html")

        let audit = try item(items, .schedule, "internal-audit")
        XCTAssertEqual(audit.date, Day(iso: "2026-10-01"))
        XCTAssertEqual(audit.state, .overdue)

        let training = try item(items, .schedule, "training")
        XCTAssertEqual(training.state, .overdue, "no record at all is owed now")
        XCTAssertEqual(training.date, AgendaFixtures.asOf)
        XCTAssertNil(training.basisID)
        XCTAssertFalse(items.contains { $0.kind == .schedule && $0.subject == "document-review" },
                       "document-review is per document, not a record type")
    }

    func testScheduleStatesAgreeWithTheScheduleRule() throws {
        let site = try AgendaFixtures.site()
        let diagnostics = Validator().validate(site, asOf: AgendaFixtures.asOf)
        let items = Agenda.compute(site: site, asOf: AgendaFixtures.asOf)
        let overdue = Set(items.filter { $0.kind == .schedule && $0.state == .overdue }.map(\.subject))
        XCTAssertEqual(overdue, ["internal-audit", "training"])
        for type in overdue {
            XCTAssertTrue(diagnostics.contains { ["schedule.overdue", "schedule.missed"].contains($0.rule) && $0.message.contains(type) },
                          "check reports \(type) too")
        }
        XCTAssertFalse(diagnostics.contains { $0.rule == "schedule.overdue" && $0.message.contains("self-check") })
    }

    func testDocumentReviewsOfApprovedDocumentsOnly() throws {
        let items = Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf)
        let review = try item(items, .documentReview, "PR-01")
        XCTAssertEqual(review.date, Day(iso: "2027-01-10"), "approved_on 2026-01-10 + 12 months")
        XCTAssertEqual(review.state, .upcoming)
        XCTAssertEqual(review.title, "Incident procedure")
        XCTAssertEqual(review.target, "documents/PR-01.html")
        XCTAssertFalse(items.contains { $0.subject == "PR-02" }, "a draft has no review date")
    }

    func testOpenNonconformitiesByDueDate() throws {
        let items = Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf)
        let nc = try item(items, .nonconformity, "NC-1")
        XCTAssertEqual(nc.date, Day(iso: "2026-10-01"))
        XCTAssertEqual(nc.state, .overdue)
        XCTAssertEqual(nc.basisID, "IA-2025")
        XCTAssertEqual(nc.target, "records/nonconformity/NC-1.html")
        XCTAssertFalse(items.contains { $0.subject == "NC-2" }, "a closed nonconformity is owed nothing")
    }

    func testCertificationCycle() throws {
        let items = Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf)
        let subject = "iso20000-1 CN-1"
        XCTAssertFalse(items.contains { $0.kind == .surveillance && $0.sequence == 1 }, "EA-1 is the first surveillance audit")
        let second = try item(items, .surveillance, subject, sequence: 2)
        XCTAssertEqual(second.date, Day(iso: "2027-06-10"))
        XCTAssertEqual(second.state, .upcoming)
        XCTAssertEqual(second.target, PagePaths.auditsIndex)
        XCTAssertTrue(second.title.contains("20000-1"), second.title)
        let window = try item(items, .recertification, subject)
        XCTAssertEqual(window.date, Day(iso: "2027-12-09"), "6 months before expiry")
        XCTAssertEqual(window.until, Day(iso: "2028-03-09"), "3 months before expiry")
        XCTAssertEqual(try item(items, .certificateExpiry, subject).date, Day(iso: "2028-06-09"))

        // The expired certificate: its expiry is overdue, and nothing else is owed under it.
        let old = items.filter { $0.subject == "iso10002 OLD-9" }
        XCTAssertEqual(old.map(\.kind), [.certificateExpiry])
        XCTAssertEqual(old.first?.state, .overdue)
    }

    func testRecertificationWindowStates() throws {
        let site = try AgendaFixtures.site()
        let open = try item(Agenda.compute(site: site, asOf: Day(iso: "2028-01-15")!), .recertification, "iso20000-1 CN-1")
        XCTAssertEqual(open.state, .dueSoon, "the window is open")
        let missed = try item(Agenda.compute(site: site, asOf: Day(iso: "2028-04-01")!), .recertification, "iso20000-1 CN-1")
        XCTAssertEqual(missed.state, .overdue, "the application was due by 2028-03-09")

        var files = AgendaFixtures.files
        files["records/external-audit/EA-R.md"] = """
        ---
        id: EA-R
        date: 2027-11-20
        body: Cert Body
        kind: recertification
        standard: iso20000-1
        result: recommended
        ---
        """
        let recertified = Agenda.compute(site: try AgendaFixtures.site(files: files), asOf: Day(iso: "2028-01-15")!)
        XCTAssertFalse(recertified.contains { $0.kind == .recertification }, "a recertification audit is on record")
    }

    func testItemsAreSortedAndUIDsAreUniqueAndSafe() throws {
        let items = Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf)
        XCTAssertEqual(items.map(\.date), items.map(\.date).sorted())
        XCTAssertEqual(Set(items.map(\.uid)).count, items.count)
        for uid in items.map(\.uid) {
            XCTAssertNotNil(uid.range(of: "^[a-z-]+-[A-Za-z0-9._-]+@dossier$", options: .regularExpression), uid)
        }
        XCTAssertTrue(items.contains { $0.uid == "surveillance-iso20000-1_CN-1-2@dossier" })
        XCTAssertTrue(items.contains { $0.uid == "nonconformity-NC-1@dossier" })
        // The same input gives the same agenda.
        XCTAssertEqual(items, Agenda.compute(site: try AgendaFixtures.site(), asOf: AgendaFixtures.asOf))
    }

    func testStateThresholds() {
        let asOf = AgendaFixtures.asOf
        XCTAssertEqual(Agenda.state(of: asOf.adding(days: -1), asOf: asOf), .overdue)
        XCTAssertEqual(Agenda.state(of: asOf, asOf: asOf), .dueSoon)
        XCTAssertEqual(Agenda.state(of: asOf.adding(days: 30), asOf: asOf), .dueSoon)
        XCTAssertEqual(Agenda.state(of: asOf.adding(days: 31), asOf: asOf), .upcoming)
    }

    func testDemoAgendaCoversEveryKindOfObligation() throws {
        let result = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true)
        let items = Agenda.compute(site: result.site, asOf: Fixtures.demoAsOf)
        let kinds = Set(items.map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: [.schedule, .documentReview, .nonconformity, .surveillance, .recertification, .certificateExpiry]),
                      "\(kinds)")
        // The demo passes `check` without errors, so nothing it tracks is overdue.
        XCTAssertEqual(items.filter { $0.state == .overdue }.map(\.uid), [])
    }
}
