import XCTest
@testable import DossierKit

/// Byte loops that take eight bytes at a time, against the loops they replaced. `JSONStream.appendQuoted`
/// finds the bytes to escape that way: these texts are long enough for that path and put every
/// character that matters at every offset of a word, next to others, and after bytes that make the
/// word tests borrow (0x00, 0x1F, E2 without 80 A8).
final class ByteRunsTests: XCTestCase {
    private static let specials: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        + ["\"", "\\", "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{201C}", "!", "'", "=", "?", "^", "|"]

    private func assertQuotedAsTheCharacterLoop(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for scriptSafe in [false, true] {
            XCTAssertEqual(JSONValue.quote(text, scriptSafe: scriptSafe),
                           SummaryOutputTests.referenceQuote(text, scriptSafe: scriptSafe),
                           "\(Array(text.utf8)) scriptSafe \(scriptSafe)", file: file, line: line)
        }
    }

    func testEveryCharacterAtEveryOffsetOfLongText() {
        for filler in ["abcdefghijklmnopqrstuvwx", "中文文本的内容与格式", "a b\u{A0}c é"] {
            for special in Self.specials {
                for offset in 0...filler.count {
                    var text = filler
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: offset))
                    assertQuotedAsTheCharacterLoop(text)
                    assertQuotedAsTheCharacterLoop(text + special + filler)
                }
            }
        }
    }

    /// Texts shorter than a word, and the last few bytes of longer ones, go through the byte loop after
    /// the word tests: every character that matters at every position of such a tail.
    func testEveryCharacterAtEveryPositionOfAShortTail() {
        for prefix in ["", "abcdefgh"] {
            for length in 1...7 {
                for special in Self.specials + ["\u{E2}", "中"] {
                    for position in 0..<length {
                        let text = String(repeating: "k", count: position) + special
                            + String(repeating: "q", count: length - position - 1)
                        assertQuotedAsTheCharacterLoop(prefix + text)
                    }
                }
            }
        }
    }

    func testRandomTextOfEveryLength() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Self.specials + ["a", "Z", " ", "0", "中", "é", "\u{3000}", "\u{1F600}"]
        for length in 0..<80 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                assertQuotedAsTheCharacterLoop(text)
            }
        }
    }

    // MARK: - HTML escaping

    /// The five characters escaped one character at a time.
    private static func referenceEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// HTML escaping copies the runs between the five characters whole (`HTMLText`): every one of them,
    /// and the bytes one bit away from them (`$`, `%`, `:`, `;`, `=`, `?`, `6`, `.`), at every offset of
    /// long texts and in random texts of every length, against escaping one character at a time. (A
    /// version that looked for them eight bytes at a time was measured slower and dropped.)
    func testHTMLEscapingFindsEveryCharacterAtEveryOffset() {
        let specials = ["&", "<", ">", "\"", "'", "$", "%", ":", ";", "=", "?", "6", ".", "\u{0}", "\u{7F}", "\u{3C3C}", "中"]
        for filler in ["abcdefghijklmnopqrstuvwx", "中文文本的内容与格式", "a b\u{A0}c é"] {
            for special in specials {
                for offset in 0...filler.count {
                    var text = filler
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: offset))
                    for sample in [text, text + special + filler + special] {
                        XCTAssertEqual(HTMLText.escape(sample), Self.referenceEscaped(sample), "\(Array(sample.utf8))")
                    }
                }
            }
        }
        var generator = SplitMix64(seed: 0x4E5C)
        for length in 0..<50 {
            for _ in 0..<30 {
                let text = (0..<length).map { _ in specials[Int(generator.next() % UInt64(specials.count))] }.joined()
                XCTAssertEqual(HTMLText.escape(text), Self.referenceEscaped(text), "\(Array(text.utf8))")
            }
        }
    }

    // MARK: - Collapsing white space and plain texts

    /// The collapse's word path against a byte loop, on random text of every length (ASCII and
    /// ideographic spaces, E3 leads of other punctuation, control bytes, CJK).
    func testCollapsingRandomTextEqualsTheByteLoop() {
        var generator = SplitMix64(seed: 0xC011A95E)
        let alphabet = ["a", "Z", " ", "\t", "\n", "\r", "\u{1}", "\u{B}", "\u{3000}", "\u{3001}", "。", "中", "文", "é", "!", "\u{1F600}"]
        for length in 0..<70 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                XCTAssertEqual(SearchIndex.collapsed(text), ReferenceCode.collapsed(text), "\(Array(text.utf8))")
            }
        }
    }

    /// Bytes that are collapsed already are returned as they are; the check that says so must agree
    /// with collapsing them, on random texts and on texts collapsed once (which it must accept, or
    /// the short cut is never taken).
    func testCollapsedBytesAreRecognised() {
        var generator = SplitMix64(seed: 0x5EA4C4)
        let alphabet = ["a", "Z", " ", " ", "\t", "\n", "\r", "\u{1}", "\u{B}", "\u{C}", "\u{3000}", "\u{3001}", "。", "中", "é", "\u{1F600}"]
        var accepted = 0
        for length in 0..<70 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                let bytes = Array(text.utf8), once = Array(ReferenceCode.collapsed(text).utf8)
                XCTAssertEqual(bytes.withUnsafeBufferPointer(WhiteSpaceRuns.isCollapsed), bytes == once, "\(bytes)")
                XCTAssertTrue(once.withUnsafeBufferPointer(WhiteSpaceRuns.isCollapsed), "\(once)")
                XCTAssertEqual(WhiteSpaceRuns.collapsed(bytes), once, "\(bytes)")
                if bytes == once { accepted += 1 }
            }
        }
        XCTAssertGreaterThan(accepted, 40, "random texts that are collapsed already were generated")
    }

    /// The search index's skipped keys by length first, against the set itself.
    func testSkippedKeysMatchTheSet() {
        let keys = Array(SearchIndex.skippedFields) + ["", "i", "ID", "idd", "types", "Title", "orders", "confidentia",
                                                        "confidential_", "标题", "typé", "owner", "status"]
        for key in keys { XCTAssertEqual(SearchIndex.isSkipped(key), SearchIndex.skippedFields.contains(key), key) }
        XCTAssertEqual(keys.filter(SearchIndex.isSkipped).count, SearchIndex.skippedFields.count)
    }

    /// A text of ASCII and CJK ideographs is its own canonical form: `==` with any other such text
    /// is byte equality, and it never equals an ASCII key it differs from, so `KeyShapes` may rule it out.
    func testCanonicallyPlainTextsCompareByBytes() {
        let texts = ["中", "中文", "a中", "已批准", "approved", "K", "\u{212A}", "e\u{301}", "\u{E9}", "\u{F900}", "\u{8C48}",
                     "中\u{301}", "\u{3000}", "\u{4E00}", "\u{9FFF}", "\u{A000}", "\u{3400}"]
        for a in texts {
            for b in texts where KeyShapes.isCanonicallyPlain(a) && KeyShapes.isCanonicallyPlain(b) {
                XCTAssertEqual(a == b, Array(a.utf8) == Array(b.utf8), "\(a) \(b)")
            }
        }
        XCTAssertTrue(KeyShapes.isCanonicallyPlain("INC-2026 中文"))
        XCTAssertFalse(KeyShapes.isCanonicallyPlain("\u{212A}"), "KELVIN SIGN equals K")
        XCTAssertFalse(KeyShapes.isCanonicallyPlain("\u{F900}"), "a compatibility ideograph decomposes")
        XCTAssertFalse(KeyShapes.isCanonicallyPlain("中\u{301}"), "a combining mark")
        let shapes = KeyShapes(["K", "approved"])
        XCTAssertTrue(shapes.admits("\u{212A}"))
        XCTAssertTrue(shapes.admits("K"))
        XCTAssertFalse(shapes.admits("已批准"))
        XCTAssertFalse(shapes.admits("k中"))
    }

    // MARK: - Fingerprints

    /// As `String(value, radix: 16)` padded to 16 digits, high then low.
    func testFingerprintHexIsBothWordsPaddedToSixteenDigits() {
        var generator = SplitMix64(seed: 0xF1A9)
        let values: [UInt64] = [0, 1, 0xF, 0x10, 0xABC, .max, 1 << 63, 0x0123_4567_89AB_CDEF] + (0..<50).map { _ in generator.next() >> (generator.next() % 64) }
        func padded(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        for high in values {
            for low in values.prefix(12) {
                XCTAssertEqual(Fingerprint.hex(high: high, low: low), padded(high) + padded(low))
            }
        }
        XCTAssertEqual(Fingerprint().hex, "6c62272e07bb0142cbf29ce484222325")
    }

    /// A fingerprint added to another (page dependencies add each related entry's summary that way)
    /// counts its whole state and its place: different summaries, or the same ones in another order,
    /// give different pages' fingerprints.
    func testAddingAFingerprintCountsItsStateAndOrder() {
        func print(_ texts: [String]) -> Fingerprint { var f = Fingerprint(); texts.forEach { f.add($0) }; return f }
        func combined(_ parts: [Fingerprint]) -> String { var f = Fingerprint(); parts.forEach { f.add($0) }; return f.hex }
        let a = print(["PR-01", "手册"]), b = print(["PR-02", "手册"]), c = print(["PR-01手册"])
        XCTAssertEqual(combined([a, b]), combined([print(["PR-01", "手册"]), b]))
        XCTAssertNotEqual(combined([a, b]), combined([b, a]))
        XCTAssertNotEqual(combined([a]), combined([b]))
        XCTAssertNotEqual(combined([a]), combined([c]))
        XCTAssertNotEqual(combined([a]), combined([a, a]))
        XCTAssertNotEqual(combined([]), combined([Fingerprint()]))
    }

    /// A file's fingerprint (four lanes of 32 bytes a step, then whole words, then single bytes) sees
    /// every byte where it is: flipping any one byte of files of every length up to 100 bytes gives a
    /// fingerprint of its own, a trailing zero byte counts, and where the bytes sit in memory does not.
    func testFileFingerprintSeesEveryByteWhereItIs() {
        var generator = SplitMix64(seed: 0xF00D)
        let pool = (0..<160).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for length in 0...100 {
            let bytes = Array(pool.prefix(length))
            let original = Fingerprint.of(Data(bytes))
            var seen: Set<String> = [original]
            for offset in 0..<length {
                var changed = bytes
                changed[offset] ^= 0x01 << UInt8(offset % 8)
                XCTAssertTrue(seen.insert(Fingerprint.of(Data(changed))).inserted, "length \(length), byte \(offset)")
            }
            XCTAssertNotEqual(Fingerprint.of(Data(bytes + [0])), original, "length \(length)")
            // The same bytes at every alignment, read in place.
            for shift in 1..<8 {
                let padded = Array(pool.prefix(shift)) + bytes
                let inPlace = padded.withUnsafeBytes { Fingerprint.of(UnsafeRawBufferPointer(rebasing: $0[shift...])) }
                XCTAssertEqual(inPlace, original, "length \(length), shifted \(shift)")
            }
        }
    }
}
