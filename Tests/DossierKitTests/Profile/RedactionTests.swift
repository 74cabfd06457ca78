import XCTest
@testable import DossierKit

final class RedactionTests: XCTestCase {
    private func frontMatter(_ yaml: String) throws -> YAMLNode {
        guard case let .success(node?) = YAMLReader().read(yaml) else { throw XCTSkip("unreadable YAML") }
        return node
    }

    func testMasksAScalarInAMapAndRecordsWhatItHid() throws {
        let node = try frontMatter("id: C-1\ncustomer:\n  name: Ann\n  phone: 555-0101\n")
        let (masked, hidden) = Redaction(["customer.phone"]).apply(to: node)
        XCTAssertEqual(masked["customer"]?["phone"]?.string, Redaction.marker)
        XCTAssertEqual(masked["customer"]?["name"]?.string, "Ann")
        XCTAssertEqual(hidden.values, ["555-0101"])
        XCTAssertEqual(hidden.lines, [4])
    }

    func testMasksAWholeListOrMap() throws {
        let node = try frontMatter("attendees: [Ann, Bob]\ncustomer: { name: Ann, phone: '1' }\n")
        let (masked, hidden) = Redaction(["attendees", "customer"]).apply(to: node)
        XCTAssertEqual(masked["attendees"]?.string, Redaction.marker)
        XCTAssertEqual(masked["customer"]?.string, Redaction.marker)
        XCTAssertEqual(hidden.values, ["Ann", "Bob", "1"])
    }

    func testAPathGoesThroughEveryItemOfAList() throws {
        let node = try frontMatter("history:\n  - { version: '1', by: Ann }\n  - { version: '2', by: Bob }\n")
        let (masked, _) = Redaction(["history.by"]).apply(to: node)
        XCTAssertEqual(masked["history"]?.sequence?.compactMap { $0["by"]?.string }, [Redaction.marker, Redaction.marker])
        XCTAssertEqual(masked["history"]?.sequence?.compactMap { $0["version"]?.string }, ["1", "2"])
    }

    func testMissingPathsNullsAndIdentityFieldsAreLeftAlone() throws {
        let node = try frontMatter("id: C-1\ntype: complaint\nphone:\n")
        let (masked, hidden) = Redaction(["id", "type", "customer.phone", "phone"]).apply(to: node)
        XCTAssertEqual(masked, node)
        XCTAssertTrue(hidden.values.isEmpty)
        XCTAssertTrue(Redaction(["id", "type.x"]).isEmpty)
    }
}
