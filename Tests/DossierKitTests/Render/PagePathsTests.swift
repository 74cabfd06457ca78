import XCTest
@testable import DossierKit

final class PagePathsTests: XCTestCase {
    func testRelativeLinksBetweenPages() {
        XCTAssertEqual(PagePaths.relative(from: "records/incident/INC-1.html", to: "documents/PR-06.html"), "../../documents/PR-06.html")
        XCTAssertEqual(PagePaths.relative(from: "index.html", to: "manual/MAN-01.html"), "manual/MAN-01.html")
        XCTAssertEqual(PagePaths.relative(from: "manual/MAN-01.html", to: "manual/MAN-02.html"), "MAN-02.html")
        XCTAssertEqual(PagePaths.relative(from: "records/incident/index.html", to: "records/index.html"), "../index.html")
        XCTAssertEqual(PagePaths.rootPrefix(of: "records/incident/INC-1.html"), "../../")
        XCTAssertEqual(PagePaths.rootPrefix(of: "index.html"), "")
    }
}
