import XCTest
@testable import DossierKit

final class YAMLReaderTests: XCTestCase {
    func testPositionsAreShiftedToTheFileLine() throws {
        let node = try XCTUnwrap(try YAMLReader().read("id: A\ntitle: T\nlist:\n  - x\n  - y", firstLine: 2).get())
        XCTAssertEqual(node.entry("id")?.line, 2)
        XCTAssertEqual(node.entry("title")?.line, 3)
        XCTAssertEqual(node["list"]?.sequence?.map(\.line), [5, 6])
        XCTAssertEqual(node["list"]?.stringList, ["x", "y"])
    }

    func testQuotedNullIsAString() throws {
        let node = try XCTUnwrap(try YAMLReader().read("a: null\nb: \"null\"\nc:\n").get())
        XCTAssertTrue(try XCTUnwrap(node["a"]).isNull)
        XCTAssertEqual(node["b"]?.string, "null")
        XCTAssertTrue(try XCTUnwrap(node["c"]).isNull)
    }

    func testNullSpellingsAndTheirNeighbours() {
        func isNull(_ text: String, plain: Bool = true) -> Bool { YAMLNode(.scalar(text, plain: plain), line: 1, column: 1).isNull }
        for text in ["", "~", "null", "Null", "NULL"] { XCTAssertTrue(isNull(text), text) }
        for text in ["~~", " ", "nul", "nulls", "nULL", "NUll", "none", "0", "中", "null "] { XCTAssertFalse(isNull(text), text) }
        XCTAssertFalse(isNull("null", plain: false), "quoted")
        XCTAssertFalse(YAMLNode(.sequence([]), line: 1, column: 1).isNull)
    }

    func testSyntaxErrorReportsFileLineAndColumn() {
        guard case let .failure(.syntax(_, line, column)) = YAMLReader().read("id: A\ntitle: [unclosed\nx: 1", firstLine: 2) else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertGreaterThanOrEqual(line, 3)
        XCTAssertGreaterThan(column, 0)
    }

    func testAliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        guard case .failure(.tooLarge) = YAMLReader().read(yaml) else { return XCTFail("expected the alias bomb to be refused") }
    }

    func testDeepNestingIsRefused() {
        let yaml = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        guard case .failure = YAMLReader(depthLimit: 64).read(yaml) else { return XCTFail("expected deep nesting to be refused") }
    }

    func testFailureBecomesParseDiagnostic() {
        let diagnostic = YAMLReader.Failure.syntax(message: "bad", line: 4, column: 7).diagnostic(path: "Content/a.md")
        XCTAssertEqual(diagnostic.rule, "parse.yaml")
        XCTAssertEqual(diagnostic.location, SourceLocation(path: "Content/a.md", line: 4, column: 7))
        XCTAssertEqual(diagnostic.formatted, "Content/a.md:4:7: error: YAML syntax error: bad [parse.yaml]")
    }
}
