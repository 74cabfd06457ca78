import Foundation
import XCTest
@testable import DossierKit

/// The shortcuts of the fourth `dossier check` pass against the straightforward code they replace.
final class CheckShortcut4Tests: XCTestCase {
    /// Line ends found with `memchr` are the line ends found byte by byte.
    func testLineRangesMatchByteByByte() {
        let samples = ["", "a", "\n", "\n\n", "a\nb", "a\nb\n", "张伟\n\n# 标题\n正文", "x\r\ny", "x\ry\n", "\r", "a\r\n\r\n",
                       String(repeating: "line\n", count: 100) + "end"]
        for text in samples {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer(SourceText.lineRanges)
            let slow = bytes.withUnsafeBufferPointer(SourceText.lineRangesByByte)
            XCTAssertEqual(fast, slow, text.debugDescription)
            XCTAssertEqual(SourceText(text).lineCount, slow.count, text.debugDescription)
        }
    }

    /// The first-byte answer of `isEmpty` is the answer of the scalars' white-space property.
    func testSchemaEmptinessMatchesUnicodeWhiteSpace() {
        var texts = ["", " ", "\t", "\u{3000}", "\u{A0}x", "\u{2028}", "x", " x", "张伟", "é", "\u{85}", "~", "null", "  "]
        for value in Array(0x20...0x7F) + Array(0x80...0x3100) + Array(0x3400...0xA000).filter({ $0 % 97 == 0 }) + [0xFEFF, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts.append(String(Character(scalar)))
            texts.append(String(Character(scalar)) + "a")
            texts.append(String(Character(scalar)) + " ")
        }
        for text in texts {
            for plain in [true, false] {
                let node = YAMLNode(.scalar(text, plain: plain), line: 1, column: 1)
                let expected = node.isNull || text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
                XCTAssertEqual(SchemaValueCheck.isEmpty(node), expected, text.debugDescription)
            }
        }
    }

    /// Anchors compared one by one while few, then hashed: the same anchors as hashing from the start.
    func testAnchorSetMatchesHashing() {
        var names: [[UInt8]] = []
        for round in 0..<60 { names.append(Array("h\(round % 7)".utf8)); names.append(Array("h\(round % 7)-1".utf8)) }
        names += [[], [], Array("section".utf8), Array("section-1".utf8)]
        var set = HeadingAnchorSet()
        var used = Set<[UInt8]>()
        var next: [[UInt8]: Int] = [:]
        for slug in names {
            let base = slug.isEmpty ? Array("section".utf8) : slug
            var expected = base
            if !used.insert(base).inserted {
                var suffix = next[base] ?? 1
                repeat {
                    expected = base + Array("-\(suffix)".utf8)
                    suffix += 1
                } while !used.insert(expected).inserted
                next[base] = suffix
            }
            XCTAssertEqual(set.unique(slug), expected, String(decoding: slug, as: UTF8.self))
        }
    }

    /// Duplicate keys are found by comparing in small maps and by hashing in large ones; either way
    /// the plain reader declines them (Yams reports them).
    func testDuplicateKeysAreDeclinedInMapsOfAnySize() {
        for count in [2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "k\($0)" }
            let unique = keys.map { "\($0): v\n" }.joined()
            XCTAssertTrue(PlainYAML.read(unique) != nil, "\(count)")
            for duplicate in [0, count / 2, count - 1] {
                XCTAssertTrue(PlainYAML.read(unique + "\(keys[duplicate]): again\n") == nil, "\(count) \(duplicate)")
                let nested = "m:\n" + (unique + "\(keys[duplicate]): w\n").split(separator: "\n").map { "  \($0)\n" }.joined()
                XCTAssertTrue(PlainYAML.read(nested) == nil, "nested \(count) \(duplicate)")
            }
        }
    }

    /// Tables without a `[`, `<` or `&` are not built when nothing is rendered: headings and links come
    /// out as when every table is built, tables with links, entities and block quotes included.
    func testLinkFreeTablesLeftUnbuiltChangeNoHeadingOrLink() {
        let tables = [
            "| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| [[INC-1]] | x |",
            "| a |\n|:-:|\n| &#91;&#91;PR-01&#93;&#93; |", "| a |\n|---|\n| <https://example.com> |",
            "> | q | r |\n> |---|---|\n> | 1 | [l](x.md) |", "> | q |\n> |---|\n> | plain |",
            "not | a table\nat all [[PR-02]]", "| 张 | 伟 |\n| --- | --- |\n| 中文 | `code` |\n| **b** | *i* |",
            "- | in | list |\n  |----|----|\n  | [[PR-03]] | y |",
        ]
        for count in 1...tables.count {
            let body = "# Top\n\n" + tables.prefix(count).enumerated().map { "## Part \($0.offset)\n\n\($0.element)\n\nAfter [[PR-0\($0.offset)]]." }
                .joined(separator: "\n\n")
            let rendering = MarkdownParser(rendersHTML: true).parse(body, firstLine: 5)
            let checking = MarkdownParser(rendersHTML: false).parse(body, firstLine: 5)
            XCTAssertEqual(checking.headings, rendering.headings, body)
            XCTAssertEqual(checking.links, rendering.links, body)
        }
        let source = SourceText("a\nb [x\nc")
        XCTAssertFalse(source.mayHoldLink(lines: 1, through: 1))
        XCTAssertTrue(source.mayHoldLink(lines: 1, through: 2))
        XCTAssertFalse(source.mayHoldLink(lines: 3, through: 3))
        XCTAssertTrue(source.mayHoldLink(lines: 3, through: 4), "lines past the end are not known to be free")
    }

    /// Looking for `[[` with `memchr` answers as looking one byte at a time.
    func testWikiLinkPrefilterMatchesByteByByte() {
        var generator = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [[], [0x5B], [0x5B, 0x5B], [0x61, 0x5B], [0x5B, 0x61, 0x5B], Array("a [b] [[c".utf8),
                                  Array("张[伟]".utf8), Array("[[".utf8) + [0x61], [0x61] + Array("[[".utf8)]
        let pieces: [UInt8] = [0x5B, 0x5D, 0x61, 0x20, 0xE4]
        for length in 0..<40 {
            for _ in 0..<30 { samples.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }) }
        }
        for bytes in samples {
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(WikiLinks.mayContainWikiLink(buffer), WikiLinks.mayContainWikiLinkByByte(buffer), "\(bytes)")
            }
        }
    }

    /// Wiki links outside headings are recorded without becoming link nodes when nothing is rendered;
    /// those in headings (whose anchors read their text) still do.
    func testWikiLinksOutsideHeadingsGiveTheSameLinksUnexpanded() {
        let body = """
        # *[[PR-06]]* and **[[PR-07|seven]]**

        a [[X]] b [[Y|z]] c [[Z#part]] *[[W]]* \\[[not]] `[[code]]`

        ## [[PR-06]]

        > - [[Q]] [[R]]
        >   [[S]]

        | h | [[T]] |
        |---|---|
        | [[U]] x [[V]] | [l](y.md) |
        """
        let rendering = MarkdownParser(rendersHTML: true).parse(body, firstLine: 3)
        let checking = MarkdownParser(rendersHTML: false).parse(body, firstLine: 3)
        XCTAssertEqual(checking.headings, rendering.headings)
        XCTAssertEqual(checking.links, rendering.links)
        XCTAssertEqual(rendering.links.count, 14)
    }

    /// A walker made for one test finds the values that testing every field of every entry finds.
    func testWalkerMadeForOneTestMatchesTestingEveryField() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site
        let schema = SchemaFields(catalog: site.catalog)
        let tests: [@Sendable (FieldKind) -> Bool] = [
            { $0 == .person }, ReferenceRule.isChecked, { if case .enumeration = $0 { return true } else { return false } },
            { _ in true },
        ]
        var compared = 0
        for test in tests {
            let walker = FieldValueWalker(schema: schema, keeping: test)
            for entry in site.entries {
                let fast = walker.values(in: entry).map { "\($0.label)|\($0.field)|\($0.kind)|\($0.text)|\($0.location)" }
                let all = FieldValueWalker(schema: schema).values(in: entry, where: test)
                    .map { "\($0.label)|\($0.field)|\($0.kind)|\($0.text)|\($0.location)" }
                XCTAssertEqual(fast, all, entry.path)
                compared += all.count
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }
}
