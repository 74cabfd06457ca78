import XCTest
@testable import DossierKit

/// `PlainYAML` against Yams on front matter put together at random from the pieces that make YAML
/// tricky (indicators, quotes, flow collections, block scalars, comments, document markers, far-away
/// colons, look-alike Unicode keys). The byte fuzzer finds such cases only now and then; built from
/// pieces, a few thousand documents cover them on every test run. SplitMix64: a failure replays.
final class PlainYAMLDifferentialTests: XCTestCase {
    private let yams = YAMLReader(plainFastPath: false)

    func testRandomFrontMatterAgreesWithYams() {
        var generator = SplitMix64(seed: 0x9A1A)
        var answered = 0
        let total = 20_000
        for round in 0..<total {
            let text = Self.document(using: &generator)
            guard let plain = PlainYAML.read(text) else { continue }
            answered += 1
            switch yams.read(text) {
            case let .success(expected):
                XCTAssertTrue(YAMLReader.sameAnswer(plain, expected), "round \(round): \(text.debugDescription)")
            case let .failure(failure):
                XCTFail("round \(round): PlainYAML answered where Yams fails (\(failure)): \(text.debugDescription)")
            }
        }
        // The pieces are mostly ordinary: the fast path must still answer for a good share.
        XCTAssertGreaterThan(answered, total / 12, "\(answered) of \(total) answered")
    }

    // MARK: Pieces

    private static let plainKeys = ["id", "a", "b", "title", "k", "a b", "中文", "x", "é"]
    private static let trickyKeys = ["-a", "a:", "e\u{301}", "K", "\u{212A}", "---x", "...", "--- a", "... a", "<<", "a#b", "1",
                                     "01", "null", "~", "a\u{00A0}"]
    private static let plainScalars = ["x", "b c", "中文：全角", "x:y", "-5", "", "'q'", "\"d\"", "[a, b]", "{k: v}", "2026-11-22",
                                       "{ version: \"1.0\", by: 张伟 }", "x # c"]
    private static let scalars = ["x", "b c", "中文：全角", "x:y", "-5", "~", "null", "", "é", "a #c", "a#b", "'q'", "'it''s'",
                                  "\"d\"", "\"e\\n\"", "\"a # b\"", "[a, b]", "{k: v}", "[]", "{}", "[a,]", "{a: b: c}", "[a: b]",
                                  "[[a], {b: c}]", "{ version: \"1.0\", by: 张伟 }", "&a x", "*a", "!t x", ":x", "?x", "-",
                                  "- x", "--- x", "... x", "%x", "@x", "`x", "https://a.b/c?d=1#e", "2026-11-22",
                                  "[iso20000-1:8.2, iso9001:?.1]", "'open", "x # c", "{a: [b, {c: d}]}", "[a, 'b', \"c\"]",
                                  "a: b", "'a' b", "[a]#c", "[a] #c", "\u{00A0}x", "x\u{00A0}"]
    private static let blockScalarHeads = ["|", ">", "|-", ">+", "|+", ">-", "|2", "| # c"]
    private static let spaces = ["", "", "", " ", "  ", String(repeating: " ", count: 1030)]

    private static func key(_ generator: inout SplitMix64) -> String {
        chance(75, &generator) ? pick(plainKeys, &generator) : pick(trickyKeys, &generator)
    }

    private static func scalar(_ generator: inout SplitMix64) -> String {
        chance(70, &generator) ? pick(plainScalars, &generator) : pick(scalars, &generator)
    }

    private static func pick<T>(_ list: [T], _ generator: inout SplitMix64) -> T {
        list[Int(generator.next() % UInt64(list.count))]
    }

    private static func chance(_ percent: UInt64, _ generator: inout SplitMix64) -> Bool {
        generator.next() % 100 < percent
    }

    /// 1 to 7 lines, each at indent 0, 2 or 4 (sometimes an odd one).
    static func document(using generator: inout SplitMix64) -> String {
        var lines: [String] = []
        let count = 1 + Int(generator.next() % 7)
        for _ in 0..<count {
            let indent = chance(5, &generator) ? pick([1, 3, 6], &generator) : pick([0, 0, 0, 0, 0, 2, 2, 4], &generator)
            lines.append(String(repeating: " ", count: indent) + line(using: &generator))
            if lines.last!.hasSuffix("|") || lines.last!.hasSuffix(">") || lines.last!.hasSuffix("-") || lines.last!.hasSuffix("+") {
                // Content for a block scalar (or a nested block after `key:` / `-`).
                for _ in 0..<Int(generator.next() % 3) {
                    let deeper = indent + pick([0, 1, 2, 2, 4], &generator)
                    lines.append(chance(20, &generator) ? "" : String(repeating: " ", count: deeper) + scalar(&generator))
                }
            }
        }
        let separator = chance(5, &generator) ? "\n\n" : "\n"
        return lines.joined(separator: separator) + (chance(80, &generator) ? "\n" : "")
    }

    private static func line(using generator: inout SplitMix64) -> String {
        switch generator.next() % 12 {
        case 0: return "- " + scalar(&generator)
        case 1: return "- " + key(&generator) + ":" + pick(spaces, &generator) + " " + scalar(&generator)
        case 2: return key(&generator) + ":" + pick(spaces, &generator) + " " + pick(blockScalarHeads, &generator)
        case 3: return key(&generator) + ":"
        case 4: return chance(70, &generator) ? pick(["# comment", ""], &generator)
                                              : pick(["---", "...", "--- a: b", "... : c", "-", "- - x"], &generator)
        case 5: return key(&generator) + pick(spaces, &generator) + ": " + scalar(&generator)
        case 6: return "x: {" + key(&generator) + pick(spaces, &generator) + ": " + scalar(&generator) + "}"
        default: return key(&generator) + ": " + scalar(&generator)
        }
    }
}
