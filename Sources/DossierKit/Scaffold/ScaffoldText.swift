import Foundation

/// What the scaffold's text needs besides the plan: the language, its phrases and the clauses.
struct TextContext {
    var language: Language
    var strings: [String: String]
    var asOf: Day
    var organization: String
    var catalog: TypeCatalog
    /// `checklist:clause` → the clause.
    var clauses: [String: (Checklist, Checklist.Clause)]

    func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
        fillTemplate(strings[key] ?? "", values)
    }

    /// "What an auditor looks for": one line per clause with its guidance.
    func clauseLines(_ references: [String]) -> String {
        let lines = references.compactMap { reference -> String? in
            guard let (_, clause) = clauses[reference] else { return nil }
            return phrase("clause_line", ["clause": reference, "title": clause.title.text(language),
                                          "guidance": clause.guidance?.text(language) ?? ""])
        }
        return lines.isEmpty ? phrase("no_clauses") : lines.joined(separator: "\n")
    }

    /// The record types that evidence what the clauses expect, one line each.
    func recordLines(_ references: [String]) -> String {
        let expected = Set(references.compactMap { clauses[$0]?.1.records }.joined())
        let types = catalog.sortedNames.compactMap { catalog[$0] }.filter { type in
            type.category == .record && !expected.isDisjoint(with: type.evidences + [type.name])
        }
        guard !types.isEmpty else { return phrase("no_records") }
        return types.map { phrase("records_line", ["label": $0.title.text(language), "type": $0.name]) }.joined(separator: "\n")
    }
}

extension SiteScaffold {
    /// The Markdown body of a planned document.
    func body(of document: Planned, sections: [(Checklist, Checklist.Clause)], planned: [Planned], answeredBy: [String: [Int]],
              chosen: [Checklist], organization: YAMLNode?, context: TextContext) throws -> String {
        let template = try ScaffoldData.template(document.template, language)
        var values = ["title": document.title, "date": asOf.description, "organization": context.organization,
                      "clauses": context.clauseLines(document.clauses), "records": context.recordLines(document.clauses)]
        if let chapter = document.chapter {
            values["intro"] = chapter.intro?.text(language) ?? ""
            values["sections"] = chapterSections(sections, self: document, planned: planned, answeredBy: answeredBy, context: context)
            values["scope"] = organization?["scope"]?.string ?? ""
            values["standards"] = chosen.map { context.phrase("standard_line", ["title": $0.title.text(language)]) }.joined(separator: "\n")
            values["chapters"] = planned.filter { $0.type == "manual" }.map { chapter in
                context.phrase("chapter_line", ["order": String(chapter.order ?? 0), "title": "[[\(chapter.id)|\(chapter.title)]]"])
            }.joined(separator: "\n")
        }
        return fillTemplate(template, values)
    }

    /// One section per clause of the chapter, grouped by standard: the guidance, then the documents
    /// that answer the clause, or what to write here.
    func chapterSections(_ sections: [(Checklist, Checklist.Clause)], self document: Planned, planned: [Planned],
                         answeredBy: [String: [Int]], context: TextContext) -> String {
        var out: [String] = []
        var current: String?
        for (checklist, clause) in sections {
            if current != checklist.id {
                current = checklist.id
                out.append("## \(checklist.title.text(language))")
            }
            var section = "### \(clause.id) \(clause.title.text(language))"
            if !clause.isGroup {
                if let guidance = clause.guidance?.text(language) { section += "\n\n" + guidance }
                let others = (answeredBy["\(checklist.id):\(clause.id)"] ?? []).map { planned[$0] }.filter { $0.id != document.id }
                section += "\n\n" + (others.isEmpty
                    ? context.phrase("write_here")
                    : context.phrase("answered_by", ["links": others.map { "[[\($0.id)]]" }.joined(separator: ", ")]))
            }
            out.append(section)
        }
        return out.joined(separator: "\n\n")
    }

    /// dossier.yml from the language's template.
    func config(data: ScaffoldData, people: [ScaffoldData.Person], chosen: [Checklist], sampled: Set<String>) throws -> String {
        let organization = data.organization[language.rawValue]
        func field(_ key: String) -> String { YAMLText.scalar(organization?[key]?.string ?? "TODO") }
        var schedules = data.schedules.filter { sampled.contains($0.type) }.map { "  \($0.type): \($0.interval)" }
        schedules.append("  document-review: 12 months")
        let targets = data.targets.filter { sampled.contains($0.type) }.flatMap(\.pairs).map { "  \($0.0): \($0.1)" }
        let peopleLines = people.map { person in
            var pairs = [("name", YAMLText.scalar(person.name)), ("role", YAMLText.scalar(person.role))]
            if person.auditor { pairs.append(("auditor", "true")) }
            return "  - " + YAMLText.map(pairs)
        }
        return fillTemplate(try ScaffoldData.template("dossier.yml", language), [
            "name": field("name"), "short_name": field("short_name"), "scope": field("scope"),
            "language": language.rawValue, "standards": YAMLText.list(chosen.map(\.id)),
            "schedules": schedules.joined(separator: "\n"),
            "targets": targets.isEmpty ? "  {}" : targets.joined(separator: "\n"),
            "people": peopleLines.joined(separator: "\n"),
        ])
    }
}
