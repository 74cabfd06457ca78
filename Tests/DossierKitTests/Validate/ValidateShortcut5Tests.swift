import XCTest
@testable import DossierKit

/// The validation shortcuts of session 5 against the code they replace: each must give the same
/// answer (and the same diagnostics) on every input, odd ones included.
final class ValidateShortcut5Tests: XCTestCase {
    /// Date-like strings: valid ones, and ones a character off (SplitMix64: failures replay).
    private func dateLikeStrings() -> [String] {
        var generator = SplitMix64(seed: 5)
        let pieces = ["0", "1", "9", "-", "+", ":", " ", "T", "Z", "\t", "é", "\u{301}", "\r\n", ".", "\u{3000}"]
        let seeds = ["2026-03-04", "2026-03-04 09:12", "2026-03-04T09:12:30", "2024-02-29 23:59", "2026-13-01",
                     "+202-01-01", " 2026-03-04 ", "2026-03-04 24:00", "2026-03-04T09:00+08:00", "2026-03-04 23:30-02:00",
                     "2026-03-04 09:12:30.5", "", "2026-03-04x", "２０２６-03-04", "2026-03-04\u{a0}"]
        return generator.oneCharacterOff(seeds, pieces: pieces)
    }

    private func entry(_ pairs: [(String, YAMLNode.Value)], type: String = "incident",
                       category: ContentCategory = .record) -> Entry {
        let entries = pairs.enumerated().map { index, pair in
            YAMLEntry(key: pair.0, line: index + 2, column: 1, value: YAMLNode(pair.1, line: index + 2, column: pair.0.count + 3))
        }
        return Entry(id: "X-1", type: type, category: category, path: "Content/x/X-1.md", title: "X",
                     frontMatter: YAMLNode(.mapping(entries), line: 2, column: 1), body: ParsedMarkdown())
    }

    /// `RecordRule.writtenDay` as it was: trimmed, counted in Characters, parsed up to three times.
    func testWrittenDayMatchesTheGeneralPath() {
        for text in dateLikeStrings() {
            let value = RecordRule.trim(text)
            let expected: Day?
            if value.count == 10 {
                expected = Day(iso: value)
            } else {
                expected = DateTime(iso: value) == nil ? nil : Day(iso: value.prefix(10))
            }
            XCTAssertEqual(RecordRule.writtenDay(text), expected, text.debugDescription)
            XCTAssertEqual(RecordRule.trim(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    /// `record.order`'s comparison as it was: `hasTime`, `DateTime(iso:)` and `writtenDay` for every pair.
    func testPrecedesMatchesTheGeneralPath() {
        let texts = dateLikeStrings()
        var generator = SplitMix64(seed: 9)
        for _ in 0..<20_000 {
            let laterText = texts.randomElement(using: &generator)!, earlierText = texts.randomElement(using: &generator)!
            let expected: Bool?
            if RecordRule.hasTime(laterText), RecordRule.hasTime(earlierText),
               let later = DateTime(iso: laterText), let earlier = DateTime(iso: earlierText) {
                expected = later < earlier
            } else if let later = RecordRule.writtenDay(laterText), let earlier = RecordRule.writtenDay(earlierText) {
                expected = later < earlier
            } else {
                expected = nil
            }
            XCTAssertEqual(RecordRule.precedes(laterText, earlierText), expected, "\(laterText.debugDescription) \(earlierText.debugDescription)")
        }
    }

    func testCoverageDayMatchesEntryDay() {
        for text in dateLikeStrings() {
            let record = entry([("opened", .scalar(text, plain: true))])
            XCTAssertEqual(CoverageIndex.day(of: record, field: "opened"), record.day("opened"), text.debugDescription)
        }
    }

    func testPackedNewestFirstMatchesComparing() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site
        var index = CoverageIndex(site: site, asOf: Fixtures.demoAsOf)
        var generator = SplitMix64(seed: 7)
        for round in 0..<50 {
            let count = Int.random(in: 0..<300, using: &generator)
            index.ordinals = (0..<count).map { _ in
                round == 0 ? CoverageIndex.undated : Int.random(in: 738_000...738_040, using: &generator)
            }
            if round == 1, count > 0 { index.ordinals[0] = -(1 << 31) }
            let indices = (0..<count).filter { _ in Bool.random(using: &generator) }
            let twice = indices + indices.prefix(count / 3)
            XCTAssertEqual(index.newestFirst(indices), CoverageIndex.byComparing(indices, index.ordinals))
            XCTAssertEqual(index.newestFirst(twice), CoverageIndex.byComparing(twice, index.ordinals))
            XCTAssertEqual(index.merged([indices, Array(indices.prefix(5))]), CoverageIndex.byComparing(indices, index.ordinals))
        }
    }

    /// A clause value found among the known references is one `ReferenceRule.clause` finds nothing wrong with.
    func testKnownReferencesAreKnownClauses() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site
        let checklists = Dictionary(site.checklists.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let clauseIDs = checklists.mapValues { Set($0.clauses.map(\.id)) }
        let known = ReferenceRule.knownReferences(checklists)
        XCTAssertGreaterThan(known.count, 100)
        var texts = ["nope:1", "iso9001", ":4", "iso9001:", "iso9001:4.14", "ISO9001:4.1", "iso9001:4.1:2"]
        for (id, checklist) in checklists {
            for clause in checklist.clauses {
                texts += ["\(id):\(clause.id)", "\(id):\(clause.id).9", "\(id): \(clause.id)", " \(id):\(clause.id)"]
            }
        }
        var matched = 0
        for text in texts where known.contains(text) {
            let value = FieldValue(label: "clauses[0]", field: "clauses", kind: .clause, text: text,
                                   location: SourceLocation(path: "Content/x.md", line: 3, column: 5))
            XCTAssertNil(ReferenceRule.clause(value, checklists: checklists, clauseIDs: clauseIDs), text)
            XCTAssertNil(ReferenceRule.clause(value, checklists: checklists), text)
            matched += 1
        }
        XCTAssertGreaterThanOrEqual(matched, known.count)
    }

    func testClauseColonMatchesCharacterSearch() {
        let texts = ["iso9001:4.1", "a:b:c", ":x", "x:", "", "no colon", "iso:\u{301}4:1", "é:1", "iso9001：4.1",
                     "a\u{301}:b", "\r\n:x", "iso20000-1:8.6.1"]
        for text in texts {
            XCTAssertEqual(ReferenceRule.colon(in: text), text.firstIndex(of: ":"), text.debugDescription)
        }
    }

    /// A name found by its bytes is one the people dictionary knows; other spellings (decomposed
    /// accents) are still left to the dictionary.
    func testListedNamesAgreeWithThePeopleDictionary() {
        let names = ["陈建国", "李娜", "Zoë", "", "Ana"]
        let people = Dictionary(names.map { ($0, true) }, uniquingKeysWith: { a, _ in a })
        let listed = ListedNames(names)
        for text in names + ["陈建", "Zoe\u{308}", "ana", "Ana ", "李娜娜", "x"] {
            if listed.contains(text) { XCTAssertNotNil(people[text], text.debugDescription) }
            XCTAssertEqual(listed.contains(text), names.contains { Array($0.utf8) == Array(text.utf8) }, text.debugDescription)
        }
        XCTAssertFalse(listed.contains("Zoe\u{308}"))
        XCTAssertNotNil(people["Zoe\u{308}"])
    }

    // MARK: The schema check

    /// `SchemaValueCheck.checkMap` as it was for a top-level map: every key tested against the names,
    /// every field searched among the entries, every present value through `checkValue`.
    private func referenceSchema(_ entry: Entry, fields: SchemaFields.TypeFields) -> [Diagnostic] {
        guard let entries = entry.frontMatter.entries else { return [] }
        let names = Set(fields.orderedNames)
        let specs = fields.specs
        let byKey = SchemaValueCheck.FirstByKey(entries: entries)
        let mapLocation = SourceLocation(path: entry.path, line: max(entry.frontMatter.line, 1), column: 1)
        var found: [Diagnostic] = []
        for item in entries where !names.contains(item.key) {
            found.append(Rules.schemaUnknownField.diagnostic(
                "unknown field '\(item.key)': type '\(entry.type)' has no field '\(item.key)'",
                at: SourceLocation(path: entry.path, line: item.line, column: item.column),
                hint: Suggestion.hint(for: item.key, in: fields.orderedNames)
                    ?? (fields.orderedNames.isEmpty ? nil : "known fields: \(fields.orderedNames.joined(separator: ", "))")))
        }
        for spec in specs {
            let item = byKey[spec.name]
            guard let item, !SchemaValueCheck.isEmpty(item.value) else {
                if let condition = SchemaValueCheck.requirementText(spec.requirement, siblings: byKey, specs: specs) {
                    let message = item == nil ? "missing required field '\(spec.name)'\(condition)"
                                              : "required field '\(spec.name)' is empty\(condition)"
                    found.append(Rules.schemaRequired.diagnostic(
                        message, at: item.map { SourceLocation(path: entry.path, line: $0.line, column: $0.column) } ?? mapLocation,
                        hint: SchemaValueCheck.requiredHint(spec)))
                }
                continue
            }
            var check = SchemaValueCheck(entry: entry)
            check.checkValue(item.value, spec: spec, kind: spec.kind, label: spec.name,
                             at: SourceLocation(path: entry.path, line: item.line, column: item.column))
            found += check.diagnostics
        }
        return found
    }

    /// Values that take every branch: empty, null, lists, maps, good and bad dates, enum near misses.
    private func oddValues(for spec: FieldSpec) -> [YAMLNode.Value] {
        var values: [YAMLNode.Value] = [
            .scalar("", plain: true), .scalar("~", plain: true), .scalar("null", plain: false), .scalar(" ", plain: false),
            .scalar("x", plain: true), .scalar("2026-03-04", plain: true), .scalar("2026-3-04", plain: true),
            .scalar("２０２６-03-04", plain: true), .scalar(" 2026-03-04", plain: false), .scalar("2026-02-30", plain: true),
            .scalar("2026-03-04 09:00", plain: true), .scalar("4.5", plain: true), .scalar("true", plain: true),
            .scalar("iso20000-1:8.6.1", plain: true), .sequence([]),
            .sequence([YAMLNode(.scalar("a", plain: true), line: 9, column: 3), YAMLNode(.scalar("", plain: true), line: 10, column: 3)]),
            .mapping([YAMLEntry(key: "version", line: 9, column: 3, value: YAMLNode(.scalar("1", plain: true), line: 9, column: 12))]),
            .scalar("2026-03-04T09:00+08:00", plain: true), .scalar("iso20000-1: 8.6.1", plain: true), .scalar("a:b:c", plain: true),
            .sequence([YAMLNode(.scalar("iso20000-1:8.6.1", plain: true), line: 9, column: 3),
                       YAMLNode(.scalar("iso9001:4.1", plain: true), line: 10, column: 3)]),
            .sequence([YAMLNode(.scalar("2026-03-04", plain: true), line: 9, column: 3),
                       YAMLNode(.scalar("2026-03-04 09:00", plain: true), line: 10, column: 3)]),
            .sequence([YAMLNode(.scalar("x y", plain: true), line: 9, column: 3)]),
            .sequence([YAMLNode(.sequence([]), line: 9, column: 3)]),
            .sequence([YAMLNode(.mapping([]), line: 9, column: 3)]),
        ]
        if case let .enumeration(allowed) = spec.kind {
            values += allowed.map { .scalar($0, plain: true) } + allowed.map { .scalar($0 + "s", plain: true) }
        }
        return values
    }

    func testSchemaCheckMatchesSearchingEveryField() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site
        let schema = SchemaFields(catalog: site.catalog)
        var generator = SplitMix64(seed: 55)
        var compared = 0
        for original in site.entries {
            guard let fields = schema[original.type], let top = original.frontMatter.entries else { continue }
            var variants: [[YAMLEntry]] = [top, top.reversed(), Array(top.dropFirst()), top + [top[0]],
                                           top + [YAMLEntry(key: "colour", line: 40, column: 1, value: YAMLNode(.scalar("red", plain: true), line: 40, column: 9))],
                                           [YAMLEntry(key: top[0].key, line: 1, column: 1, value: YAMLNode(.scalar("", plain: true), line: 1, column: 5))] + top]
            for spec in fields.specs {
                for value in oddValues(for: spec) where Int.random(in: 0..<3, using: &generator) == 0 {
                    var changed = top.filter { $0.key != spec.name }
                    let position = Int.random(in: 0...changed.count, using: &generator)
                    changed.insert(YAMLEntry(key: spec.name, line: 30, column: 1, value: YAMLNode(value, line: 30, column: 9)), at: position)
                    variants.append(changed)
                }
            }
            for entries in variants {
                var variant = original
                variant.frontMatter = YAMLNode(.mapping(entries), line: original.frontMatter.line, column: 1)
                XCTAssertEqual(SchemaRule.check(variant, schema: schema), referenceSchema(variant, fields: fields), variant.path)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }
}
