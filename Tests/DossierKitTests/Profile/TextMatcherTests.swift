import XCTest
@testable import DossierKit

final class TextMatcherTests: XCTestCase {
    func testFindsAnyOfManyStringsAnywhere() {
        let matcher = TextMatcher(["PR-06", "服务连续性计划", "LEAK-PHONE-7d1f", "", "x"])
        XCTAssertTrue(matcher.occurs(in: "procedure 'PR-06' is draft"))
        XCTAssertTrue(matcher.occurs(in: "PR-06"), "the whole text")
        XCTAssertTrue(matcher.occurs(in: "见服务连续性计划第3节"), "multi-byte text")
        XCTAssertTrue(matcher.occurs(in: "call LEAK-PHONE-7d1f"), "at the end")
        XCTAssertTrue(matcher.occurs(in: "box"), "a one-character string")
        XCTAssertFalse(matcher.occurs(in: "procedure 'PR-07' is draft"))
        XCTAssertFalse(matcher.occurs(in: ""))
        XCTAssertFalse(TextMatcher([String]()).occurs(in: "anything"))
    }

    func testAgreesWithContainsOnManyStrings() {
        let hidden = (0..<500).map { "INC-2026-\(10000 + $0 * 7)" }
        let matcher = TextMatcher(hidden)
        for probe in 10000..<10200 {
            let text = "Content/records/incident/INC-2026-\(probe).md: resolved late"
            XCTAssertEqual(matcher.occurs(in: text), hidden.contains { text.contains($0) }, text)
        }
    }
}
