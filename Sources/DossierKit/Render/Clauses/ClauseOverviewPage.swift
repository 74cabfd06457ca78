/// `clauses/index.html`: each applicable standard with its readiness (counts per status, a stacked bar,
/// the score of a scored checklist), the clauses that need attention, and a link to its matrix.
struct ClauseOverviewPage {
    let pages: ClausePages

    /// How many clauses needing attention the overview names per standard before "and N more".
    static let attentionLimit = 6

    func render() throws -> OutputFile {
        let context = pages.context
        let page = PagePaths.clausesIndex
        let standards = context.coverage.map { coverage -> [String: Any] in
            let matrix = PagePaths.relative(from: page, to: PagePaths.clauseMatrix(checklist: coverage.checklist.id))
            var model = pages.readiness(of: coverage, matrixHref: matrix)
            model["id"] = coverage.checklist.id
            model["anchor"] = "std-" + PagePaths.clauseFileName(coverage.checklist.id)
            model["title"] = pages.title(of: coverage.checklist)
            model["matrixHref"] = matrix
            model["clauseCount"] = pages.words.fill("clauseCount", ["n": String(coverage.clauses.count)])
            // Missing clauses first, then partial ones, each in checklist order.
            let open = coverage.clauses.filter { $0.status == .missing } + coverage.clauses.filter { $0.status == .partial }
            let shown = open.prefix(Self.attentionLimit).map { clause -> [String: Any] in
                var item = pages.badge(clause.status)
                item["id"] = clause.clause.id
                item["title"] = pages.title(of: clause.clause)
                item["href"] = PagePaths.relative(from: page, to: PagePaths.clausePage(checklist: coverage.checklist.id, clause: clause.clause.id))
                return item
            }
            model["attention"] = shown
            model["hasAttention"] = !shown.isEmpty
            if open.count > shown.count {
                model["more"] = pages.words.fill("clauseAndMore", ["n": String(open.count - shown.count)])
            }
            model["allCovered"] = open.isEmpty && !coverage.clauses.isEmpty
            return model
        }
        let body = try context.theme.render("clause-index", [
            "standards": standards, "hasStandards": !standards.isEmpty,
            "intro": pages.words.fill("clauseIndexIntro", ["date": context.strings.format(context.asOf)]),
            "t": context.strings.all,
        ])
        let html = try context.layout(page: page, title: context.strings["clauseIndexTitle"], section: "clauses", body: body)
        return OutputFile(path: page, text: html)
    }
}
