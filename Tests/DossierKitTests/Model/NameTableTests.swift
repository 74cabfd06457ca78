import XCTest
@testable import DossierKit

/// `NameTable` gives the answers of a `[String: Value]` made from the same pairs (first of a name
/// wins), for keys that share a slot, are absent, long, empty, or not ASCII.
final class NameTableTests: XCTestCase {
    private func dictionary(_ pairs: [(String, Int)]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (name, value) in pairs where result[name] == nil { result[name] = value }
        return result
    }

    private func assertSameAnswers(_ pairs: [(String, Int)], keys: [String], file: StaticString = #filePath, line: UInt = #line) {
        let table = NameTable(pairs)
        let expected = dictionary(pairs)
        for key in keys + pairs.map(\.0) {
            XCTAssertEqual(table[key], expected[key], "key \(key.debugDescription)", file: file, line: line)
        }
    }

    func testFieldNamesAndOtherKeys() {
        let fields = ["id", "title", "opened", "priority", "service", "status", "resolved", "owner", "procedure",
                      "related", "clauses", "approved_by", "approved_on", "next_review", "a_very_long_field_name_indeed"]
        let pairs = fields.enumerated().map { ($1, $0) }
        // Near misses of each kind: case, one letter more or less, a long name's last letter, and
        // texts that are not ASCII.
        assertSameAnswers(pairs, keys: ["", "i", "ID", "Status", "statuS", "opene", "openedx", "a_very_long_field_name_indeeD",
                                        "a_very_long_field_name_indeed_", "标题", "K", "\u{212A}", "é", "e\u{301}"])
    }

    func testNamesSharingASlotAreStillFound() {
        // Same length and first byte: every lookup of these goes to the dictionary.
        let pairs = [("stat", 1), ("stop", 2), ("star", 3), ("s", 4), ("S", 5), ("3", 6)]
        assertSameAnswers(pairs, keys: ["stat", "stop", "star", "stax", "s", "S", "3", "#", "s2"])
        // First bytes whose low five bits agree ("A" and "a", "!" and "A") share a slot too.
        assertSameAnswers([("Ab", 1), ("ab", 2), ("!b", 3)], keys: ["Ab", "ab", "!b", "ab ", "Bb"])
    }

    func testTheFirstValueOfANameWins() {
        let table = NameTable([("owner", 1), ("owner", 2), ("status", 3)])
        XCTAssertEqual(table["owner"], 1)
        XCTAssertEqual(table["status"], 3)
        XCTAssertNil(table["title"])
    }

    /// `String`'s `==` is canonical equivalence: a non-ASCII key can equal an ASCII name, and a
    /// decomposed key a composed name; both are answered as the dictionary answers them.
    func testCanonicallyEqualKeysAreFoundAsTheDictionaryFindsThem() {
        assertSameAnswers([("K", 1), ("é", 2), ("名称", 3)], keys: ["\u{212A}", "e\u{301}", "\u{E9}", "名称", "k"])
        assertSameAnswers([("K", 1), ("status", 2)], keys: ["\u{212A}", "status", "K"])
        XCTAssertEqual(NameTable([("K", 7)])["\u{212A}"], ["K": 7]["\u{212A}"])
    }

    func testEmptyTable() {
        let table = NameTable<Int>([])
        XCTAssertNil(table["id"])
        XCTAssertNil(table[""])
    }
}
