import XCTest
@testable import DossierKit

final class UnlinkedBodyTests: XCTestCase {
    func testRemovesOnlyTheChosenLinksAndKeepsTheirLabels() {
        let html = #"<p>See <a href="dossier-link:0">PR-01</a>, <a href="dossier-link:1" title="t &gt; u">the <em>plan</em></a> and <a href="dossier-link:10">x</a>.</p>"#
        XCTAssertEqual(UnlinkedBody.removingLinks([1, 10], from: html),
                       #"<p>See <a href="dossier-link:0">PR-01</a>, the <em>plan</em> and x.</p>"#)
        XCTAssertEqual(UnlinkedBody.removingLinks([], from: html), html)
    }

    func testLeavesOtherLinksAndBrokenMarkupAlone() {
        let html = #"<a href="https://x">dossier-link:1</a><a href="dossier-link:1"#
        XCTAssertEqual(UnlinkedBody.removingLinks([1], from: html), html, "no closing > : left as it is")
        XCTAssertEqual(UnlinkedBody.removingLinks([2], from: "<a href=\"dossier-link:2\">é"), "é", "an unclosed link keeps its label")
    }
}
