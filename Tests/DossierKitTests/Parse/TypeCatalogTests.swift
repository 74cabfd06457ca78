import XCTest
@testable import DossierKit

final class TypeCatalogTests: XCTestCase {
    func testEveryRecordKindOfTheVocabularyIsEvidencedByAType() throws {
        let catalog = try BuiltInData.typeCatalog()
        let vocabulary = try XCTUnwrap(try YAMLReader().read(BuiltInData.text("vocabulary.yml")).get())
        let recordIDs = (vocabulary["records"]?.sequence ?? []).compactMap { $0["id"]?.string }
        XCTAssertGreaterThan(recordIDs.count, 40)
        let evidenced = Set(catalog.types.values.flatMap(\.evidences))
        for id in recordIDs { XCTAssertTrue(evidenced.contains(id), "no type evidences \(id)") }
    }

    func testTableTypesUseTheNamesUsersWrite() throws {
        let catalog = try BuiltInData.typeCatalog()
        XCTAssertEqual(catalog["incident"]?.evidences, ["incident-record"])
        XCTAssertEqual(catalog["incident"]?.dateField, "opened")
        XCTAssertEqual(catalog["complaint"]?.field("acknowledged")?.requirement, .when(field: "status", values: ["new"], negated: true))
        XCTAssertEqual(catalog["nonconformity"]?.field("verified_on")?.notBefore, "closed_on")
        XCTAssertEqual(catalog["satisfaction-survey"]?.field("score")?.maximum, 5)
        XCTAssertEqual(catalog["service-report"]?.field("date")?.requirement, .always)
        XCTAssertEqual(catalog.type(forContentPath: "records/incident/2026/INC-1.md")?.name, "incident")
        XCTAssertEqual(catalog.type(forContentPath: "slas/SLA-01.md")?.name, "sla")
        XCTAssertNil(catalog.type(forContentPath: "misc/x.md"))
    }

    func testCompanyTypesAreDefinedLikeBuiltInOnes() throws {
        let config = """
        types:
          visit:
            title: { en: Customer visits, zh-CN: 客户拜访 }
            evidences: [service-performance-review]
            fields:
              date: { kind: date, required: true }
              customer: { kind: string, required: true }
              outcome: { kind: enum, values: [good, bad], when: customer!=nobody }
        """
        let parsed = ConfigParser().parse(config)
        var catalog = try BuiltInData.typeCatalog()
        XCTAssertEqual(TypeCatalogParser().addCompanyTypes(parsed.config.types, to: &catalog), [])
        let visit = try XCTUnwrap(catalog["visit"])
        XCTAssertEqual(visit.folder, "records/visit")
        XCTAssertEqual(visit.dateField, "date")
        XCTAssertEqual(visit.field("outcome")?.kind, .enumeration(["good", "bad"]))
        XCTAssertEqual(catalog.type(forContentPath: "records/visit/V-1.md")?.name, "visit")
    }

    func testMalformedCompanyTypeIsDiagnosedInTheConfig() throws {
        let parsed = ConfigParser().parse("types:\n  visit:\n    fields:\n      date: { kind: dat }\n      x: { kind: enum }\n")
        var catalog = try BuiltInData.typeCatalog()
        let diagnostics = TypeCatalogParser().addCompanyTypes(parsed.config.types, to: &catalog)
        XCTAssertEqual(diagnostics.map(\.rule), ["config.invalid-type", "config.invalid-type"])
        XCTAssertEqual(diagnostics.first?.location?.path, "dossier.yml")
        XCTAssertEqual(diagnostics.first?.location?.line, 4)
        XCTAssertEqual(diagnostics.first?.hint, "did you mean 'date'?")
    }

    func testRedefiningABuiltInTypeWarns() throws {
        let parsed = ConfigParser().parse("types:\n  incident:\n    fields:\n      date: { kind: date, required: true }\n")
        var catalog = try BuiltInData.typeCatalog()
        let diagnostics = TypeCatalogParser().addCompanyTypes(parsed.config.types, to: &catalog)
        XCTAssertEqual(diagnostics.map(\.rule), ["config.type-redefined"])
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(catalog["incident"]?.fields.map(\.name), ["date"])
    }
}
