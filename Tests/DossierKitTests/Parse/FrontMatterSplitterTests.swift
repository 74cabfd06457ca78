import XCTest
@testable import DossierKit

final class FrontMatterSplitterTests: XCTestCase {
    private func split(_ text: String) -> FrontMatterSplitter.Split? {
        try? FrontMatterSplitter().split(text).get()
    }

    private func failure(_ text: String) -> FrontMatterSplitter.Failure? {
        if case let .failure(box) = FrontMatterSplitter().split(text) { return box.failure }
        return nil
    }

    func testSplitsYAMLAndBodyWithLineNumbers() throws {
        let result = try XCTUnwrap(split("---\nid: A\ntitle: T\n---\n# Heading\n\nText\n"))
        XCTAssertEqual(result.yaml, "id: A\ntitle: T")
        XCTAssertEqual(result.yamlFirstLine, 2)
        XCTAssertEqual(result.body, "# Heading\n\nText\n")
        XCTAssertEqual(result.bodyFirstLine, 5)
    }

    func testEmptyFrontMatterAndBody() throws {
        let result = try XCTUnwrap(split("---\n---\n"))
        XCTAssertEqual(result.yaml, "")
        XCTAssertEqual(result.body, "")
        XCTAssertEqual(result.bodyFirstLine, 3)
    }

    func testByteOrderMarkAndCRLFAreAccepted() throws {
        let result = try XCTUnwrap(split("\u{FEFF}---\r\nid: A\r\n---\r\nBody\r\n"))
        XCTAssertEqual(result.yaml, "id: A")
        XCTAssertEqual(result.body, "Body\n")
        XCTAssertEqual(result.bodyFirstLine, 4)
    }

    func testClosingFenceMayHaveTrailingSpaces() throws {
        let result = try XCTUnwrap(split("---  \nid: A\n---   \nBody"))
        XCTAssertEqual(result.yaml, "id: A")
        XCTAssertEqual(result.body, "Body")
    }

    func testMissingOpeningFence() {
        XCTAssertEqual(failure("# Title\n\nno front matter"), .missingOpening)
    }

    func testUnterminatedFrontMatter() {
        XCTAssertEqual(failure("---\nid: A\ntitle: T\n\nBody"), .unterminated(openingLine: 1))
    }

    func testEmptyFile() {
        XCTAssertEqual(failure(""), .empty)
        XCTAssertEqual(failure("  \n\n"), .empty)
    }

    func testDashesInsideBodyAreNotFences() throws {
        let result = try XCTUnwrap(split("---\nid: A\n---\nText\n\n---\n\nMore"))
        XCTAssertEqual(result.body, "Text\n\n---\n\nMore")
    }
}
