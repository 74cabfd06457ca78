import Foundation
@testable import DossierKit

/// A small site built to catch leaks: every value a profile must hide is a unique marker string, so a
/// test can search every output file for it. Which profile hides what:
///
/// | marker | public (manual, policy) | complaints (complaint) | auditor (all, redacts phone/email) |
/// |---|---|---|---|
/// | the complaint (id, title, customer name) | hidden | shown | shown |
/// | phone, email | hidden | hidden (redacted) | hidden (redacted) |
/// | confidential record and policy | hidden | hidden | shown |
/// | draft procedure | hidden | hidden | shown |
/// | attachment of the complaint | hidden | shown | shown |
enum ProfileFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 22)!

    static let complaintID = "CMP-2026-0042"
    static let complaintTitle = "TITLE-COMPLAINT-82b1"
    static let customerName = "LEAKNAME-a1b2"
    static let phone = "LEAK-PHONE-7d1f"
    static let email = "leak-email-3c9e@example.com"
    static let confidentialID = "CONF-REC-9f3a"
    static let confidentialTitle = "TITLE-CONF-4d2c"
    static let confidentialPolicyID = "POL-CONF-77aa"
    static let confidentialPolicyTitle = "TITLE-CONFPOL-61b0"
    static let draftProcedureID = "PR-DRAFT-5a7c"
    static let draftProcedureTitle = "TITLE-DRAFTPROC-19ce"
    static let attachmentName = "complaint-LEAKATTACH-5e21.pdf"
    static let attachmentBytes = "LEAK-ATTACH-BYTES-0e4f"

    static let config = """
    organization: { name: Leak Test Co, short_name: LeakCo }
    language: en
    standards: [iso10002]
    schedules:
      self-check: 1 month
    targets:
      complaint.close_days.max: 15
    people:
      - { name: Ann, role: Quality manager, auditor: true }
      - { name: Bob, role: Service manager }
    profiles:
      public:     { include: [manual, policy] }
      complaints: { include: [complaint], redact: [customer.phone, customer.email] }
      auditor:    { include: all, redact: [customer.phone, customer.email] }
      internal:   { include: all }
    default_profile: internal
    """

    static let files: [String: String] = [
        "Content/manual/MAN-01.md": """
        ---
        id: MAN-01
        title: Quality manual
        version: "1.0"
        status: approved
        owner: Ann
        approved_by: Ann
        approved_on: 2026-01-05
        order: 1
        related: [POL-01, \(confidentialID)]
        ---
        ## Scope

        Complaints are kept in [the register](../records/complaint/\(complaintID).md), reviewed in
        [[\(confidentialID)|the yearly review]] and handled by [our procedure](../procedures/\(draftProcedureID).md).
        See also [[POL-01]].
        """,
        "Content/policies/POL-01.md": """
        ---
        id: POL-01
        title: Complaints policy
        version: "1.0"
        status: approved
        owner: Ann
        approved_by: Ann
        approved_on: 2026-01-05
        clauses: [iso10002:5.2]
        related: [\(confidentialPolicyID), \(draftProcedureID), MAN-01]
        ---
        We listen to every customer.
        """,
        "Content/policies/\(confidentialPolicyID).md": """
        ---
        id: \(confidentialPolicyID)
        title: \(confidentialPolicyTitle)
        version: "1.0"
        status: approved
        owner: Ann
        approved_by: Ann
        approved_on: 2026-01-05
        confidential: true
        ---
        Internal pricing rules.
        """,
        "Content/procedures/\(draftProcedureID).md": """
        ---
        id: \(draftProcedureID)
        title: \(draftProcedureTitle)
        version: "0.1"
        status: draft
        owner: Bob
        ---
        ## Steps

        Acknowledge within a day.
        """,
        "Content/records/complaint/\(complaintID).md": """
        ---
        id: \(complaintID)
        title: \(complaintTitle)
        received: 2026-10-01 09:00
        channel: phone
        customer: { name: \(customerName), phone: \(phone), email: \(email) }
        category: late reply
        status: closed
        acknowledged: 2026-10-01 10:00
        closed: 2026-10-03 17:00
        resolution: Called back and fixed.
        procedure: \(draftProcedureID)
        related: [\(confidentialID)]
        attachments: [letters/\(attachmentName)]
        ---
        Customer called twice.
        """,
        "Content/records/management-review/\(confidentialID).md": """
        ---
        id: \(confidentialID)
        title: \(confidentialTitle)
        date: 2026-06-10
        chair: Ann
        attendees: [Ann, Bob]
        inputs: [complaints]
        decisions: [hire]
        confidential: true
        secret_note: only for the board
        related: [\(complaintID)]
        ---
        Discussed \(complaintID).
        """,
        "Content/attachments/letters/\(attachmentName)": "%PDF-1.4 \(attachmentBytes)",
    ]

    /// Every marker with the profiles that must show it (`internal` shows them all).
    static let markers: [(text: String, shownBy: Set<String>)] = [
        (complaintID, ["complaints", "auditor", "internal"]),
        (complaintTitle, ["complaints", "auditor", "internal"]),
        (customerName, ["complaints", "auditor", "internal"]),
        (phone, ["internal"]),
        (email, ["internal"]),
        (confidentialID, ["auditor", "internal"]),
        (confidentialTitle, ["auditor", "internal"]),
        (confidentialPolicyID, ["auditor", "internal"]),
        (confidentialPolicyTitle, ["auditor", "internal"]),
        (draftProcedureID, ["auditor", "internal"]),
        (draftProcedureTitle, ["auditor", "internal"]),
        (attachmentName, ["complaints", "auditor", "internal"]),
        (attachmentBytes, ["complaints", "auditor", "internal"]),
        ("only for the board", ["auditor", "internal"]),
    ]

    static let profiles = ["public", "complaints", "auditor", "internal"]

    /// The site on disk; the caller removes it.
    static func siteOnDisk() throws -> URL {
        let root = try Fixtures.temporaryFolder()
        try Fixtures.write(files.merging(["dossier.yml": config]) { a, _ in a }, under: root)
        return root
    }

    /// The site in memory at /site.
    static func memorySite() -> FileSystem {
        var all: [String: String] = ["/site/dossier.yml": config]
        for (path, text) in files { all["/site/" + path] = text }
        return .memory(all)
    }
}
