import XCTest
@testable import DossierKit

final class LinkDestinationTests: XCTestCase {
    func testClassification() {
        XCTAssertEqual(LinkDestination.target(of: "#a%20b"), .anchor("a b"))
        XCTAssertEqual(LinkDestination.target(of: "PR-03.md"), .contentPath(path: "PR-03.md", anchor: nil))
        XCTAssertEqual(LinkDestination.target(of: "../x/PR-03.md?v=2#s"), .contentPath(path: "../x/PR-03.md", anchor: "s"))
        XCTAssertEqual(LinkDestination.target(of: "PR-03.md#"), .contentPath(path: "PR-03.md", anchor: nil))
        XCTAssertEqual(LinkDestination.target(of: "https://x.org/a.md"), .external("https://x.org/a.md"))
        XCTAssertEqual(LinkDestination.target(of: "//cdn.example.org/a.md"), .external("//cdn.example.org/a.md"))
        XCTAssertEqual(LinkDestination.target(of: "javascript:alert(1)"), .external("javascript:alert(1)"))
        XCTAssertEqual(LinkDestination.target(of: "docs/form.pdf"), .external("docs/form.pdf"))
        XCTAssertNil(LinkDestination.target(of: ""))
    }

    func testPercentDecodingKeepsInvalidSequences() {
        XCTAssertEqual(LinkDestination.percentDecoded("a%2Fb%zz%"), "a/b%zz%")
        XCTAssertEqual(LinkDestination.percentDecoded("%E7%BB%84.md"), "组.md")
        XCTAssertEqual(LinkDestination.percentDecoded("%FF.md"), "%FF.md")
    }
}
