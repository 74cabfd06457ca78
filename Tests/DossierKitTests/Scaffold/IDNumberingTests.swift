import XCTest
@testable import DossierKit

final class IDNumberingTests: XCTestCase {
    private let asOf = Day(year: 2026, month: 11, day: 22)!

    func testCounterFollowsTheHighestTakenIdOfTheYear() {
        let taken: Set = ["INC-2025-0044", "INC-2026-0031", "INC-2026-0007"]
        XCTAssertEqual(IDNumbering.next(pattern: "INC-{yyyy}-{nnnn}", taken: taken, asOf: asOf), "INC-2026-0032")
        XCTAssertEqual(IDNumbering.next(pattern: "INC-{yyyy}-{nnnn}", taken: [], asOf: asOf), "INC-2026-0001")
    }

    func testDocumentsAndMonthsAndCounterWidth() {
        XCTAssertEqual(IDNumbering.next(pattern: "PR-{nn}", taken: ["PR-22", "PR-03"], asOf: asOf), "PR-23")
        XCTAssertEqual(IDNumbering.next(pattern: "PR-{nn}", taken: ["PR-99"], asOf: asOf), "PR-100")
        XCTAssertEqual(IDNumbering.next(pattern: "SC-{yyyy}-{mm}", taken: [], asOf: asOf), "SC-2026-11")
    }

    func testPatternWithoutCounterGetsASuffixWhenTaken() {
        XCTAssertEqual(IDNumbering.next(pattern: "IA-{yyyy}", taken: [], asOf: asOf), "IA-2026")
        XCTAssertEqual(IDNumbering.next(pattern: "IA-{yyyy}", taken: ["IA-2026", "ia-2026-2"], asOf: asOf), "IA-2026-3")
    }

    func testTypeWithoutPatternLearnsFromItsIdsOrItsName() {
        let type = TypeDefinition(name: "supplier-dispute", category: .record, title: LocalizedText(["en": "x"]), folder: "records/supplier-dispute")
        XCTAssertEqual(IDNumbering.next(for: type, existing: ["KE-2025-003"], taken: ["KE-2025-003"], asOf: asOf), "KE-2026-001")
        XCTAssertEqual(IDNumbering.next(for: type, existing: [], taken: [], asOf: asOf), "SD-2026-001")
    }
}
