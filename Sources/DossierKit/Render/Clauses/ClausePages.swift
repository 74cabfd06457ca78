/// The clause pages (PRODUCT.md §9): `clauses/index.html`, an overview of each applicable standard's
/// readiness; per applicable checklist its coverage matrix (`clauses/<checklist>/index.html`); and one
/// page per clause that is not a group (`clauses/<checklist>/<clause>.html`).
struct ClausePages: PageFamily {
    let context: RenderContext
    let words: ClauseWords
    /// Record types with at least one record: their index pages exist and can be linked.
    let typesWithRecords: Set<String>

    init(context: RenderContext) {
        self.context = context
        self.words = ClauseWords(strings: context.strings)
        self.typesWithRecords = Set(context.site.entries.lazy.filter { $0.category == .record }.map(\.type))
    }

    func render() throws -> [OutputFile] {
        var files = [try ClauseOverviewPage(pages: self).render()]
        for coverage in context.coverage {
            files.append(try ClauseMatrixPage(pages: self, coverage: coverage).render())
            files += try ClauseDetailPage(pages: self, coverage: coverage).renderAll()
        }
        return files
    }

    /// The statuses in the order pages list them.
    static let statuses: [ClauseCoverage.Status] = [.covered, .partial, .missing, .excluded]

    /// `{ status, statusText }` for a badge.
    func badge(_ status: ClauseCoverage.Status) -> [String: Any] {
        ["status": status.rawValue, "statusText": words.status(status)]
    }

    /// The readiness of one checklist for the overview and the top of its matrix: counts per status
    /// (linked to the matrix filtered by that status), a stacked bar, and the score of a scored checklist.
    /// - Parameter matrixHref: the matrix relative to the page (`""` on the matrix itself).
    func readiness(of coverage: ChecklistCoverage, matrixHref: String) -> [String: Any] {
        let counts = Self.statuses.map { ($0, coverage.count($0)) }
        let applicable = coverage.clauses.count - coverage.count(.excluded)
        let covered = coverage.count(.covered)
        var model: [String: Any] = [
            "counts": counts.map { status, count -> [String: Any] in
                var item = badge(status)
                item["count"] = count
                item["isLink"] = count > 0
                if count > 0 { item["href"] = matrixHref + "#show-" + status.rawValue }
                return item
            },
            "segments": counts.filter { $0.1 > 0 }.map { status, count -> [String: Any] in
                ["status": status.rawValue, "count": count]
            },
            "barLabel": words.list(counts.map { "\(words.status($0.0)) \($0.1)" }),
            "readinessText": words.fill("clauseCoveredOf", ["covered": String(covered), "applicable": String(applicable)]),
            "hasClauses": !coverage.clauses.isEmpty,
        ]
        if applicable > 0 {
            model["percent"] = String(Int((Double(covered) / Double(applicable) * 100).rounded(.down))) + "%"
        }
        if let score = coverage.score { model["score"] = scoreModel(score, checklist: coverage.checklist) }
        return model
    }

    private func scoreModel(_ score: CoverageScore, checklist: Checklist) -> [String: Any] {
        let language = context.strings.language
        var model: [String: Any] = [
            "value": ClauseWords.number(score.percent),
            "pointsText": words.fill("clausePointsEarned", [
                "earned": ClauseWords.number(score.earned), "applicable": ClauseWords.number(score.applicable),
            ]),
            "passed": score.passed,
            "levelName": score.level?.name.text(language) ?? words.strings["clauseNotPassed"],
            "levelClass": score.level == nil ? "failed" : (score.level == checklist.pass ? "pass" : "level"),
        ]
        var scale: [[String: Any]] = []
        if let pass = checklist.pass {
            scale.append(["name": pass.name.text(language), "min": ClauseWords.number(pass.min),
                          "reached": score.passed])
        }
        for level in checklist.levels.sorted(by: { $0.min < $1.min }) {
            scale.append(["name": level.name.text(language), "min": ClauseWords.number(level.min),
                          "reached": score.applicable > 0 && score.percent + 1e-9 >= level.min])
        }
        model["scale"] = scale
        model["hasScale"] = !scale.isEmpty
        return model
    }

    /// The checklist's title in the site's language.
    func title(of checklist: Checklist) -> String { checklist.title.text(context.strings.language) }

    /// A clause's title in the site's language.
    func title(of clause: Checklist.Clause) -> String { clause.title.text(context.strings.language) }
}
