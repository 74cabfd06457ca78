import XCTest
@testable import DossierKit

/// Member names written as literals (`JSONKey`, copied as they are) give the bytes that quoting the
/// same names at run time gives, one-character names included (a scalar literal, held without a
/// UTF-8 pointer).
final class JSONStreamKeyTests: XCTestCase {
    func testLiteralKeysWriteWhatQuotedKeysWrite() {
        var literal = JSONStream()
        literal.object { json in
            json.key("x")
            json.int(1)
            json.field("formatVersion", 1)
            json.field("title", "Mail \"down\"")
            json.key("items")
            json.array { json in json.item(); json.object { json in json.field("id", "INC-1") } }
        }
        var quoted = JSONStream()
        quoted.object { json in
            json.key(String("x"))
            json.int(1)
            json.key(String("formatVersion"))
            json.int(1)
            json.key(String("title"))
            json.string("Mail \"down\"")
            json.key(String("items"))
            json.array { json in json.item(); json.object { json in json.key(String("id")); json.string("INC-1") } }
        }
        let expected = "{\n  \"x\": 1,\n  \"formatVersion\": 1,\n  \"title\": \"Mail \\\"down\\\"\",\n  \"items\": [\n    {\n      \"id\": \"INC-1\"\n    }\n  ]\n}"
        let literalText = literal.finish().string, quotedText = quoted.finish().string
        XCTAssertEqual(literalText, expected)
        XCTAssertEqual(quotedText, expected)
    }

    /// Containers nested deeper than one run of spaces pads (32 levels), empty ones among them: each
    /// level indents by two more spaces, closes where it opened, and commas follow filled members only.
    func testDeepNestingIndentsAndClosesEachLevel() throws {
        var json = JSONStream()
        func nest(_ level: Int, _ json: inout JSONStream) {
            json.object { json in
                json.field("level", level)
                json.key("empty")
                json.array { _ in }
                if level < 40 {
                    json.key("inner")
                    nest(level + 1, &json)
                }
            }
        }
        nest(0, &json)
        let text = json.finish().string
        var expected = ""
        for level in 0...40 {
            let pad = String(repeating: "  ", count: level + 1)
            expected += "{\n\(pad)\"level\": \(level),\n\(pad)\"empty\": []" + (level < 40 ? ",\n\(pad)\"inner\": " : "")
        }
        for level in (0...40).reversed() { expected += "\n" + String(repeating: "  ", count: level) + "}" }
        XCTAssertEqual(text, expected)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }
}

