/// Where the clause pages live: `clauses/index.html` (PagePaths.clausesIndex), one coverage matrix per
/// applicable checklist and one page per clause that is not a group.
extension PagePaths {
    /// The coverage matrix of a checklist: `clauses/iso20000-1/index.html`.
    public static func clauseMatrix(checklist: String) -> String {
        "clauses/\(clauseFileName(checklist))/index.html"
    }

    /// The page of one clause: `clauses/iso20000-1/8.6.1.html`. Only clauses that are not groups of
    /// applicable checklists have a page; `clauseTarget(reference:coverage:)` says where any reference leads.
    public static func clausePage(checklist: String, clause: String) -> String {
        "clauses/\(clauseFileName(checklist))/\(clauseFileName(clause)).html"
    }

    /// The id of a group clause's heading in its matrix (`g-8.5`), for `index.html#g-8.5`.
    public static func clauseGroupAnchor(_ clause: String) -> String { "g-" + clauseFileName(clause) }

    /// Where a reference `checklist:clause` leads on this site: the clause's page, the matrix heading of
    /// a group clause, or nil when the checklist does not apply or has no such clause.
    static func clauseTarget(reference: String, coverage: [ChecklistCoverage]) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let checklistID = String(reference[..<colon]), clauseID = String(reference[reference.index(after: colon)...])
        guard let checklist = coverage.first(where: { $0.checklist.id == checklistID })?.checklist,
              let clause = checklist.clause(clauseID) else { return nil }
        if clause.isGroup { return clauseMatrix(checklist: checklistID) + "#" + clauseGroupAnchor(clauseID) }
        return clausePage(checklist: checklistID, clause: clauseID)
    }

    /// A file name for a checklist or clause id that stays inside its folder whatever the id holds.
    /// `[A-Za-z0-9.-]` are kept (`8.6.1`); any other byte becomes `_XX` (hex), a leading dot too, and
    /// `index` becomes `_index`, so different ids never share a file and none replaces the matrix.
    static func clauseFileName(_ id: String) -> String {
        func isKept(_ byte: UInt8, at offset: Int) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || (byte == 0x2E && offset > 0)
        }
        // Nearly every id (`8.6.1`) is its own file name: no new string built character by character
        // (once per clause reference of every page).
        var offset = 0
        if !id.isEmpty, id != "index", id.utf8.allSatisfy({ byte in defer { offset += 1 }; return isKept(byte, at: offset) }) {
            return id
        }
        var name = ""
        for (offset, byte) in id.utf8.enumerated() {
            if isKept(byte, at: offset) {
                name.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                name += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        if name.isEmpty || name == "index" { return "_" + name }
        return name
    }
}
