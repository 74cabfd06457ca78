import Foundation

/// `dossier init`: every file of a new site for the chosen standards and language, computed in memory
/// (see Resources/scaffold/plan.yml for what is written and why). The site passes `dossier check`
/// with no errors on the as-of day:
///
/// - each expected document kind of the chosen checklists gets a controlled document (`kind:` and the
///   `clauses:` it answers), approved by the quality manager on the as-of day, so that it counts for
///   coverage; its body tells the user what to write and says to review it;
/// - the manual's chapters follow the clause structure, one section per clause with its guidance, and
///   list under `clauses:` every clause no other document answers, so no clause is missing;
/// - one sample record per main record type that the checklists expect, dated on the as-of day.
public struct SiteScaffold: Sendable {
    public var standards: [String]
    public var language: Language
    public var asOf: Day

    public init(standards: [String], language: Language, asOf: Day) {
        self.standards = standards
        self.language = language
        self.asOf = asOf
    }

    /// Checklists `init` can scaffold: the built-in ones. Read from each checklist's top-level `id:`
    /// line, not by parsing them all: `init`'s help names them, and every command (`check`, `build`)
    /// builds that help while parsing its arguments (~6 ms on one core before anything else starts).
    public static func builtInStandards() -> [String] {
        ((try? BuiltInData.checklists()) ?? []).compactMap { topLevelID(in: $0.text) }.sorted()
    }

    /// The value of a top-level `id: value` line (no quotes or comment), or nil. On bytes: splitting
    /// the checklists into `Character` lines cost more (34 M instructions) than parsing them.
    static func topLevelID(in text: String) -> String? {
        let bytes = Array(text.utf8)
        let key = Array("id: ".utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if end - start > key.count, bytes[start..<start + key.count].elementsEqual(key) {
                let value = String(decoding: bytes[(start + key.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            start = end + 1
        }
        return nil
    }

    /// A document to write, before its text is made.
    struct Planned {
        var id: String
        var type: String
        var kinds: [String]
        var title: String
        var template: String
        var chapter: ScaffoldData.Chapter?
        var order: Int?
        var clauses: [String] = []
    }

    public func files() throws -> [ScaffoldFile] {
        guard !standards.isEmpty else { throw ScaffoldError.noStandard }
        let data = try ScaffoldData.load()
        let strings = try ScaffoldData.strings(language)
        let catalog = try BuiltInData.typeCatalog()
        let all = BuiltInData.parsedBuiltInChecklists().checklists
        var chosen: [Checklist] = []
        for standard in standards where !chosen.contains(where: { $0.id == standard }) {
            guard let checklist = all.first(where: { $0.id == standard }) else {
                throw ScaffoldError.unknownStandard(standard, known: all.map(\.id).sorted())
            }
            chosen.append(checklist)
        }
        let clauses = chosen.flatMap { checklist in checklist.clauses.filter { !$0.isGroup }.map { (checklist, $0) } }
        let expectedKinds = Set(clauses.flatMap { $0.1.documents })
        let expectedRecords = Set(clauses.flatMap { $0.1.records })
        let people = data.people[language.rawValue] ?? data.people["en"] ?? []
        func person(_ tag: String) -> String { (people.first { $0.tag == tag } ?? people.first)?.name ?? "TODO" }

        // Documents: manual chapters first, then the other types in plan order, numbered per type.
        var taken: Set<String> = []
        func nextID(_ typeName: String) -> String {
            let pattern = catalog[typeName]?.numbering ?? IDNumbering.defaultPattern(for: typeName)
            let id = IDNumbering.next(pattern: pattern, taken: taken, asOf: asOf)
            taken.insert(id)
            return id
        }
        var planned: [Planned] = []
        for (index, chapter) in data.chapters.enumerated() {
            planned.append(Planned(id: nextID("manual"), type: "manual", kinds: chapter.kinds.filter(expectedKinds.contains),
                                   title: chapter.title.text(language), template: chapter.template + ".md",
                                   chapter: chapter, order: index + 1))
        }
        for document in data.documents {
            let kinds = document.kinds.filter(expectedKinds.contains)
            guard let first = kinds.first else { continue }
            let title = document.title?.text(language) ?? ClauseVocabulary.documentLabel(first, language)
            planned.append(Planned(id: nextID(document.type), type: document.type, kinds: kinds, title: title,
                                   template: document.type + ".md", chapter: nil, order: nil))
        }

        // Which document answers which clause: by kind, else the chapter the clause belongs to.
        func reference(_ checklist: Checklist, _ clause: Checklist.Clause) -> String { "\(checklist.id):\(clause.id)" }
        var answeredBy: [String: [Int]] = [:]
        for (checklist, clause) in clauses {
            let key = reference(checklist, clause)
            for (i, document) in planned.enumerated()
            where clause.documents.contains(where: { expected in document.kinds.contains { DocumentKinds.kind($0, satisfies: expected) } }) {
                answeredBy[key, default: []].append(i)
                planned[i].clauses.append(key)
            }
        }
        var sections: [Int: [(Checklist, Checklist.Clause)]] = [:]
        for checklist in chosen {
            for clause in checklist.clauses {
                // A clause no chapter names (a checklist the plan does not know) goes to the last chapter.
                guard let chapter = chapterIndex(of: clause.id, in: checklist.id, data.chapters)
                    ?? (data.chapters.isEmpty ? nil : data.chapters.count - 1) else { continue }
                sections[chapter, default: []].append((checklist, clause))
                let key = reference(checklist, clause)
                if !clause.isGroup, (answeredBy[key] ?? []).allSatisfy({ $0 == chapter }),
                   !planned[chapter].clauses.contains(key) {
                    planned[chapter].clauses.append(key)
                    answeredBy[key, default: []].append(chapter)
                }
            }
        }
        // Keep each document's clauses in checklist order.
        let order = Dictionary(clauses.enumerated().map { (reference($0.element.0, $0.element.1), $0.offset) }, uniquingKeysWith: { a, _ in a })
        for i in planned.indices { planned[i].clauses.sort { (order[$0] ?? 0) < (order[$1] ?? 0) } }

        // Sample records.
        let samples = data.samples.filter { sample in
            guard let type = catalog[sample.type] else { return false }
            return !expectedRecords.isDisjoint(with: type.evidences + [type.name])
        }
        var sampleIDs: [String: String] = [:]
        for sample in samples {
            guard let type = catalog[sample.type] else { continue }
            let id = IDNumbering.next(for: type, existing: [], taken: taken, asOf: asOf)
            taken.insert(id)
            sampleIDs[sample.type] = id
        }

        let configPeople = people.enumerated().map { index, person in
            SiteConfig.Person(name: person.name, role: person.role, auditor: person.auditor, line: index + 1)
        }
        let writer = EntryWriter(
            catalog: catalog, people: configPeople, asOf: asOf,
            known: planned.map { .init(id: $0.id, type: $0.type, category: .document, approved: true) }
                + sampleIDs.map { .init(id: $0.value, type: $0.key, category: .record, approved: false) },
            defaultClause: clauses.first.map { reference($0.0, $0.1) })
        let organization = data.organization[language.rawValue]
        let organizationName = organization?["name"]?.string ?? "TODO"
        let context = TextContext(language: language, strings: strings, asOf: asOf, organization: organizationName,
                                  catalog: catalog, clauses: Dictionary(clauses.map { (reference($0.0, $0.1), $0) }, uniquingKeysWith: { a, _ in a }))

        var files: [ScaffoldFile] = []
        files.append(ScaffoldFile(path: SiteConfig.fileName, text: try config(data: data, people: people, chosen: chosen,
                                                                             sampled: Set(samples.map(\.type)))))
        files.append(ScaffoldFile(path: ".gitignore", text: try ScaffoldData.text("scaffold/gitignore.txt")))
        files.append(ScaffoldFile(path: ".github/workflows/dossier.yml", text: try ScaffoldData.text("scaffold/workflow.yml")))
        for (i, document) in planned.enumerated() {
            guard let type = catalog[document.type] else { continue }
            var values: [NewValue.Pair] = []
            if !document.kinds.isEmpty { values.append(.init("kind", .list(document.kinds.map(NewValue.text)))) }
            values += [
                .init("version", .text("1.0")), .init("status", .text("approved")), .init("owner", .text(person("manager"))),
                .init("approved_by", .text(person("manager"))), .init("approved_on", .plain(asOf.description)),
            ]
            if let order = document.order { values.append(.init("order", .plain(String(order)))) }
            if !document.clauses.isEmpty { values.append(.init("clauses", .list(document.clauses.map(NewValue.text)))) }
            values.append(.init("history", .list([.map([
                .init("version", .text("1.0")), .init("date", .plain(asOf.description)), .init("by", .text(person("manager"))),
                .init("change", .text(strings["history_change"] ?? "dossier init")),
            ])])))
            let front = writer.frontMatter(type: type, id: document.id, title: document.title, values: values)
            let body = try body(of: document, sections: sections[i] ?? [], planned: planned, answeredBy: answeredBy,
                                chosen: chosen, organization: organization, context: context)
            files.append(ScaffoldFile(path: "Content/\(type.folder)/\(document.id).md", text: "---\n" + front + "---\n\n" + body))
        }
        for sample in samples {
            guard let type = catalog[sample.type], let id = sampleIDs[sample.type] else { continue }
            let values = resolve(sample.values[language.rawValue] ?? sample.values["en"], person: person, samples: sampleIDs,
                                 planned: planned)
            let front = writer.frontMatter(type: type, id: id, title: sample.title?.text(language), values: values)
            let body = (strings["sample_note"] ?? "") + "\n"
            files.append(ScaffoldFile(path: "Content/\(type.folder)/\(id).md", text: "---\n" + front + "---\n\n" + body))
        }
        return files
    }

    /// The chapter describing a clause: the longest prefix named for the checklist (or `default`).
    func chapterIndex(of clause: String, in checklist: String, _ chapters: [ScaffoldData.Chapter]) -> Int? {
        var best: (index: Int, length: Int)?
        for (index, chapter) in chapters.enumerated() {
            for prefix in chapter.clauses[checklist] ?? chapter.clauses["default"] ?? []
            where clause == prefix || clause.hasPrefix(prefix + ".") {
                if prefix.count > (best?.length ?? -1) { best = (index, prefix.count) }
            }
        }
        return best?.index
    }

    /// The plan's values with `@manager`, `@record:<type>`, `@doc:<kind>` and `@date+N` resolved;
    /// a field whose token names nothing written is left to the schema's default.
    func resolve(_ node: YAMLNode?, person: (String) -> String, samples: [String: String], planned: [Planned]) -> [NewValue.Pair] {
        func resolved(_ value: NewValue) -> NewValue? {
            switch value {
            case let .plain(text), let .text(text):
                guard text.hasPrefix("@") else { return value }
                let token = text.dropFirst()
                if token.hasPrefix("record:") { return samples[String(token.dropFirst(7))].map(NewValue.text) }
                if token.hasPrefix("doc:") {
                    let kind = String(token.dropFirst(4))
                    return planned.first { $0.kinds.contains(kind) }.map { .text($0.id) }
                }
                if token.hasPrefix("date+"), let days = Int(token.dropFirst(5)) { return .plain(asOf.adding(days: days).description) }
                return .text(person(String(token)))
            case let .list(items): return .list(items.compactMap(resolved))
            case let .map(pairs): return .map(pairs.compactMap { pair in resolved(pair.value).map { NewValue.Pair(pair.key, $0) } })
            }
        }
        return (node?.entries ?? []).compactMap { entry in resolved(NewValue(entry.value)).map { NewValue.Pair(entry.key, $0) } }
    }
}
