import XCTest
@testable import DossierKit

/// Session 5, round 2: the per-entry type slots, the shared schema and the ranked diagnostics sort
/// against what they replace.
final class ValidateShortcut5bTests: XCTestCase {
    private func demoSite() throws -> Site {
        try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site
    }

    func testTypeSlotsNameEachEntrysType() throws {
        let site = try demoSite()
        let context = ValidationContext(site: site, asOf: Fixtures.demoAsOf, sharesSchema: true)
        XCTAssertEqual(context.typeSlots.count, site.entries.count)
        for (index, entry) in site.entries.enumerated() {
            XCTAssertEqual(context.typeNames[context.typeSlots[index]], entry.type, entry.path)
        }
        let grouped = Dictionary(grouping: site.entries, by: \.type)
        XCTAssertEqual(Set(context.entriesByType.keys), Set(grouped.keys))
        for (type, entries) in grouped {
            XCTAssertEqual(context.entries(ofType: type).map(\.path), entries.map(\.path), type)
        }
    }

    func testSlotLookupsMatchLookupsByType() throws {
        let site = try demoSite()
        let context = ValidationContext(site: site, asOf: Fixtures.demoAsOf, sharesSchema: true)
        let schema = SchemaFields(catalog: site.catalog)
        let fieldsBySlot = context.bySlot(context.schema.byType)
        let walkers = [FieldValueWalker(schema: context.schema, keeping: ReferenceRule.isChecked),
                       FieldValueWalker(schema: context.schema, keeping: { $0 == .person })]
        var values = 0
        for (index, entry) in site.entries.enumerated() {
            let slot = context.typeSlots[index]
            XCTAssertEqual(SchemaRule.check(entry, fields: fieldsBySlot[slot]), SchemaRule.check(entry, schema: schema), entry.path)
            for walker in walkers {
                let bySlot = walker.values(in: entry, specs: walker.relevantBySlot(context)[slot])
                let byType = walker.values(in: entry)
                XCTAssertEqual(bySlot.map(\.label), byType.map(\.label), entry.path)
                XCTAssertEqual(bySlot.map(\.text), byType.map(\.text), entry.path)
                XCTAssertEqual(bySlot.map(\.location), byType.map(\.location), entry.path)
                values += bySlot.count
            }
        }
        XCTAssertGreaterThan(values, 100)
    }

    func testRulesGiveTheSameFindingsWithTheSharedSchema() throws {
        let site = try demoSite()
        // A date far ahead makes the schedule, coverage and training rules report.
        for asOf in [Fixtures.demoAsOf, Day(year: 2031, month: 1, day: 1)!] {
            let shared = ValidationContext(site: site, asOf: asOf, sharesSchema: true)
            let own = ValidationContext(site: site, asOf: asOf)
            XCTAssertNotNil(shared.sharedSchema)
            XCTAssertNil(own.sharedSchema)
            for rule in Validator.standardRules {
                XCTAssertEqual(rule.check(shared), rule.check(own), "\(type(of: rule))")
            }
        }
    }
}
