import XCTest
@testable import DossierKit

/// `PlainYAML` is a fast path in front of Yams: whatever it answers must equal Yams' answer, and it
/// must answer for ordinary front matter (or it speeds nothing up).
final class PlainYAMLTests: XCTestCase {
    private let yams = YAMLReader(plainFastPath: false)

    /// Front matter of every demo file, the demo config and the built-in data.
    private func corpus() throws -> [(name: String, yaml: String)] {
        var texts: [(String, String)] = []
        let root = URL(fileURLWithPath: Fixtures.repositoryRoot)
        let content = root.appendingPathComponent("Content")
        let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "md", let text = try? String(contentsOf: url, encoding: .utf8),
                  case let .success(split) = FrontMatterSplitter().split(text) else { continue }
            texts.append((url.lastPathComponent, split.yaml))
        }
        texts.append(("dossier.yml", try String(contentsOf: root.appendingPathComponent("dossier.yml"), encoding: .utf8)))
        for (name, text) in EmbeddedResources.files where name.hasSuffix(".yml") {
            texts.append((name, text))
        }
        return texts.sorted { $0.0 < $1.0 }
    }

    func testEveryAnswerOnTheDemoEqualsYams() throws {
        var answered = 0, files = 0
        for (name, yaml) in try corpus() {
            files += 1
            guard let plain = PlainYAML.read(yaml, firstLine: 2) else { continue }
            answered += 1
            assertSame(plain, yams.read(yaml, firstLine: 2), name)
        }
        XCTAssertGreaterThan(files, 250)
        // Ordinary front matter must take the fast path.
        XCTAssertGreaterThan(Double(answered) / Double(files), 0.95, "\(answered) of \(files) answered")
    }

    func testTrickySnippetsEqualYamsOrAreLeftToIt() {
        let snippets = [
            "id: A\ntitle: 标题：含全角冒号\n",
            "a: 1 # comment\nb: 'it''s'\nc: \"quoted # not a comment\"\n",
            "a:\n  - x\n  - y\nb: [1, 2 , three four]\n",
            "a:\n- x\n- y\nb: z",
            "list:\n  - { version: \"2.1\", date: 2026-08-20, by: 刘洋, change: 云备份二期上线：增加 }\n  - {a: b}\n",
            "a: |\n  line one\n  line two\n\nb: x",
            "a: |-\n  line one\n\n  line two\n\n\n",
            "a: >\n  folded one\n  folded two\n\n  para\n",
            "a: >-\n\n  lead\n  x\n",
            "a: |\n  end without newline",
            "a: |+\n  keep\n\n",
            "a:\n  b:\n    c: d\n  e: f\n",
            "- a\n- b\n",
            "a: \nb: ''\nc: null\nd: ~\n",
            "a:\n  -\n  - x\n",
            "a: [ ]\nb: {}\nc: [[1, 2], {k: v}]\n",
            "a: -5\nb: -x\nc: x-y\n",
            "key with spaces: value with spaces   \n",
            "a: b: c\n",
            "a: &anchor x\nb: *anchor\n",
            "a: !tag x\n",
            "a: 1\na: 2\n",
            "a: multi\n  line\n",
            "a:\tb\n",
            "a: \"esc\\n\"\n",
            "a: [1, 2,]\n",
            "a: [1,\n  2]\n",
            "? complex\n: value\n",
            "a: 'open\n",
            "- - x\n  - y\n- z\n",
            "a: x\n   b: y\n",
            "a:\n  - b: 1\n    c: 2\n  - d: 3\n",
            "a: |\n    deeper\n  shallower\n",
            "a: ' lead and trail '\nb: \"\"\n",
            "a: x # c\n# full comment\n\nb:   # empty with comment\n",
            "a: {b: }\n",
            "a: https://example.com/x?y=1#frag\n",
            "a: :x\n",
            "clauses: [iso20000-1:?.2.6]\n",       // found by the fuzz target: `:?` ends a flow scalar
            "a: [x:y, x:[y]]\nb: {k: v:w}\n",
            "---x: 1\n...y: 2\nz: --- a\n",     // `---` and `...` are markers only when a blank follows
        ]
        var answered = 0
        for snippet in snippets {
            guard let plain = PlainYAML.read(snippet) else { continue }
            answered += 1
            assertSame(plain, yams.read(snippet), snippet)
        }
        // Block and flow collections, block scalars with every chomping, empty values, comments.
        XCTAssertGreaterThanOrEqual(answered, 22)
        // Anchors, tags, duplicate keys, multi-line scalars and escapes are Yams' business.
        for snippet in ["a: &x 1\nb: *x\n", "a: !t x\n", "a: 1\na: 2\n", "a: multi\n  line\n", "a: \"e\\n\"\n",
                        "a:\tb\n", "a: [1,\n  2]\n", "a: b: c\n", "a: x\u{2028}y\n"] {
            XCTAssertNil(PlainYAML.read(snippet), snippet)
        }
        // Found by the fuzz target: libyaml reads these as a second document or gives up on a key
        // whose colon is too far away, so Yams fails where a plain reading would answer.
        let far = String(repeating: " ", count: 1100)
        for snippet in ["id: A\n--- a: b\n", "id: A\n... : c\n", "a\(far): b\n", "x: {k\(far): v}\n",
                        "x: {\(String(repeating: "k", count: 1100)): v}\n", "x:\n  - a\(far): b\n"] {
            XCTAssertNil(PlainYAML.read(snippet), snippet)
            if case .success = yams.read(snippet) { XCTFail("Yams reads \(snippet.prefix(20)) after all") }
        }
    }

    /// Duplicate keys are found by bytes while keys are ASCII and as Strings (canonical equivalence)
    /// once one is not: either way a duplicate goes to Yams, as it did when every key was a String.
    func testDuplicateKeysByBytesAndByCanonicalEquivalence() {
        for snippet in ["ab: 1\nac: 2\nab: 3\n", "a: 1\nb:\n  x: 1\n  x: 2\n", "\u{212A}: 1\nK: 2\n", "K: 1\n\u{212A}: 2\n",
                        "é: 1\ne\u{0301}: 2\n", "x: 0\né: 1\nb: 2\ne\u{0301}: 3\n", "a: 0\nб: 1\na: 2\n",
                        (0..<20).map { "k\($0): v\n" }.joined() + "k3: again\n"] {
            XCTAssertNil(PlainYAML.read(snippet), snippet)
        }
        for snippet in ["ab: 1\nac: 2\nabc: 3\nb: 4\n", "é: 1\nè: 2\ne: 3\n", (0..<20).map { "k\($0): v\n" }.joined()] {
            guard let plain = PlainYAML.read(snippet) else { XCTFail(snippet); continue }
            assertSame(plain, yams.read(snippet), snippet)
        }
    }

    /// The fuzz target's seeds and reproducers: both readers agree on every one.
    func testFuzzInputsAgreeWithYams() throws {
        let root = URL(fileURLWithPath: Fixtures.repositoryRoot).appendingPathComponent("Fuzz")
        var compared = 0
        for folder in ["seeds", "regressions"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            for name in names.sorted() {
                let data = try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
                guard let text = String(data: data, encoding: .utf8),
                      case let .success(split) = FrontMatterSplitter().split(text),
                      let plain = PlainYAML.read(split.yaml, firstLine: split.yamlFirstLine) else { continue }
                compared += 1
                assertSame(plain, yams.read(split.yaml, firstLine: split.yamlFirstLine), "\(folder)/\(name)")
            }
        }
        XCTAssertGreaterThan(compared, 10)
    }

    func testPositionsPointIntoTheFile() throws {
        let node = try XCTUnwrap(PlainYAML.read("id: A\ntitle: 中文\nlist:\n  - { by: 刘洋, change: x }\nempty:\n", firstLine: 2) ?? nil)
        XCTAssertEqual(node.entry("title")?.line, 3)
        let item = try XCTUnwrap(node["list"]?.sequence?.first)
        XCTAssertEqual(item.line, 5)
        XCTAssertEqual(item.entry("change")?.column, 15)    // characters, not bytes (19)
        XCTAssertEqual(node["empty"]?.line, 6)               // an empty value at its key
        XCTAssertTrue(node["empty"]?.isNull ?? false)
    }

    private func assertSame(_ plain: YAMLNode?, _ reference: Result<YAMLNode?, YAMLReader.Failure>, _ name: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard case let .success(expected) = reference else {
            return XCTFail("PlainYAML answered where Yams fails: \(name)", file: file, line: line)
        }
        XCTAssertTrue(YAMLReader.sameAnswer(plain, expected), "\(name): \(String(describing: plain)) ≠ \(String(describing: expected))",
                      file: file, line: line)
    }
}
