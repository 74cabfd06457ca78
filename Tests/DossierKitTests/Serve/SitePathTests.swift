import XCTest
@testable import DossierServe

final class SitePathTests: XCTestCase {
    private let folders: Set<String> = ["manual", "records", "records/incident", "我的 文件"]

    private func resolve(_ path: String) -> SitePath {
        SitePath.resolve(path) { folders.contains($0) }
    }

    func testRootAndFoldersServeTheirIndexPage() {
        XCTAssertEqual(resolve("/"), .file("index.html"))
        XCTAssertEqual(resolve("/manual/"), .file("manual/index.html"))
        XCTAssertEqual(resolve("/records/incident/"), .file("records/incident/index.html"))
        XCTAssertEqual(resolve("/manual/MAN-01.html"), .file("manual/MAN-01.html"))
        XCTAssertEqual(resolve("//manual//MAN-01.html"), .file("manual/MAN-01.html"))
    }

    func testFolderWithoutSlashRedirectsSoRelativeLinksWork() {
        XCTAssertEqual(resolve("/manual"), .redirect("/manual/"))
        XCTAssertEqual(resolve("/records/incident"), .redirect("/records/incident/"))
        // The Location header is percent-encoded: no raw bytes or spaces in a header.
        XCTAssertEqual(resolve("/我的 文件"), .redirect("/%E6%88%91%E7%9A%84%20%E6%96%87%E4%BB%B6/"))
    }

    func testTraversalAndHiddenNamesAreRefused() {
        for path in ["/../etc/passwd", "/manual/../../etc/passwd", "/..", "/./index.html", "/a/..",
                     "/.dossier-output", "/manual/.hidden", "/a\\..\\b", "/a\0b", "relative/path", ""] {
            XCTAssertEqual(resolve(path), .refused, path)
        }
    }
}
