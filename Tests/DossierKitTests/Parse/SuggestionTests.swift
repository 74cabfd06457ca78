import XCTest
@testable import DossierKit

final class SuggestionTests: XCTestCase {
    func testTranspositionIsOneEdit() {
        XCTAssertEqual(Suggestion.editDistance("titel", "title"), 1)
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
    }

    func testSuggestsOnlyPlausibleTypos() {
        XCTAssertEqual(Suggestion.closest(to: "standrds", in: ["standards", "scope"]), "standards")
        XCTAssertEqual(Suggestion.closest(to: "Procedure", in: ["procedure", "policy"]), "procedure")
        XCTAssertNil(Suggestion.closest(to: "xyz", in: ["standards", "scope"]))
        XCTAssertEqual(Suggestion.hint(for: "titel", in: ["title"]), "did you mean 'title'?")
    }
}
