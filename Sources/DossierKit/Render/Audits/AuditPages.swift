/// `audits/index.html`: the audit programme and internal audits by year, the external audits as a
/// timeline per standard with the certificate's next surveillance and expiry, and the nonconformity
/// tracker (summary counts, ageing of open ones, a row per nonconformity, open first).
struct AuditPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }

    func render() throws -> [OutputFile] {
        let page = PagePaths.auditsIndex
        let strings = context.strings
        let nonconformities = AuditNonconformities(site: context.site, asOf: context.asOf)
        let programme = AuditProgramme(context: context, page: page, nonconformities: nonconformities)
        let external = AuditExternal(context: context, page: page, nonconformities: nonconformities)
        let tracker = AuditTracker(context: context, page: page, nonconformities: nonconformities)

        let programmes = programme.programmes()
        let years = programme.years()
        let standards = external.standards()
        let rows = tracker.rows()
        var model: [String: Any] = [
            "title": strings["auditTitle"],
            "asOf": strings.format(context.asOf),
            "summary": tracker.summary(),
            "programmes": programmes, "hasProgrammes": !programmes.isEmpty,
            "years": years, "hasInternal": !years.isEmpty,
            "standards": standards, "hasExternal": !standards.isEmpty,
            "ncRows": rows, "hasNonconformities": !rows.isEmpty,
            "ageing": tracker.ageing(), "hasOpen": nonconformities.openCount > 0,
            "t": strings.all,
        ]
        if let cycle = programme.cycle() { model["cycle"] = cycle }
        let body = try context.theme.render("audit-index", model)
        let html = try context.layout(page: page, title: strings["auditTitle"], section: "audits", body: body)
        return [OutputFile(path: page, text: html)]
    }

    /// A fragment id from a standard's name: lower-case letters, digits, `.` and `-`; others become `-`.
    static func anchorName(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.map { scalar -> Character in
            let kept = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
            return kept ? Character(scalar) : "-"
        })
    }
}
