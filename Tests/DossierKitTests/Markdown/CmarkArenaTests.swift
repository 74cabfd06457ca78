import CCmark
import XCTest
@testable import DossierKit

/// The arena cmark allocates trees in (`CmarkArena`) and the pruned inline walk of `DocumentScan`:
/// both must give exactly what cmark's own allocator and the full walk give.
final class CmarkArenaTests: XCTestCase {
    private let fragments = [
        "| a | b |", "|---|:-:|", "| 1 \\| 2 | [[X|y]] |", "| <b>x</b> | 1. y |", "> ", "- ", "1. ", "   ", "\t",
        "# ", "## Notes", "Title", "===", "[[PR-03]]", "[[PR-04#scope|the scope]]", "[[", "]]", "\\[[A]]",
        "[l](a.md#x)", "[l](", "![i](b.md)", "<span", "class=x>", "`", "``", "code`", "&amp;", "&#91;&#91;A]]",
        "[r]: /u", "[r]", "***", "```", "~~~", "<div>", "\\", "  ", "组织环境", "é", "\r\n", "\n", "\n\n",
        "<http://x.y>", "*em*", "_", "|", ":", "-", "[x]:", "plain words", "[a](../procedures/PR-01.md)",
    ]

    private func randomBodies(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var body = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                body += fragments.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { body += Bool.random(using: &generator) ? "\n" : " " }
            }
            return body
        }
    }

    private func assertSameAsDefaultAllocator(_ body: String, file: StaticString = #filePath, line: UInt = #line) {
        for rendersHTML in [true, false] {
            for allowRawHTML in [false, true] {
                var fast = MarkdownParser(allowRawHTML: allowRawHTML, rendersHTML: rendersHTML)
                var plain = fast
                plain.usesArena = false
                plain.prunesLinkFreeBlocks = false
                let expected = plain.parse(body, firstLine: 4)
                XCTAssertEqual(fast.parse(body, firstLine: 4), expected, body, file: file, line: line)
                fast.usesArena = false
                XCTAssertEqual(fast.parse(body, firstLine: 4), expected, "pruned walk alone: \(body)", file: file, line: line)
                fast.usesArena = true
                fast.prunesLinkFreeBlocks = false
                XCTAssertEqual(fast.parse(body, firstLine: 4), expected, "arena alone: \(body)", file: file, line: line)
            }
        }
    }

    func testRandomDocumentsParseAsWithCmarksAllocator() {
        for body in randomBodies(count: 400, seed: 7) {
            assertSameAsDefaultAllocator(body)
        }
    }

    func testDemoSiteBodiesParseAsWithCmarksAllocator() throws {
        let content = URL(fileURLWithPath: Fixtures.repositoryRoot).appendingPathComponent("Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            assertSameAsDefaultAllocator(try String(contentsOf: url, encoding: .utf8))
        }
    }

    func testManyDocumentsInARow() {
        let parser = MarkdownParser()
        let bodies = randomBodies(count: 50, seed: 11)
        for round in 0..<40 {
            let body = bodies[round % bodies.count]
            XCTAssertEqual(parser.parse(body, firstLine: 1), parser.parse(body, firstLine: 1))
        }
    }

    /// A body of several chunks (tables, headings, wiki links on every line) stays in the arena; one
    /// above `largestDocument` uses cmark's allocator; both give what cmark's allocator gives.
    func testLargeDocumentsOnBothSidesOfTheLimit() {
        let block = "## Section [[PR-01|one]]\n\n| a | [[B-2]] |\n|---|---|\n| 1 | [x](y.md) |\n\nSome words &amp; more\n\n"
        let underLimit = String(repeating: block, count: (CmarkArena.largestDocument - 1) / block.utf8.count)
        let overLimit = underLimit + String(repeating: block, count: 200)
        XCTAssertLessThanOrEqual(underLimit.utf8.count, CmarkArena.largestDocument)
        XCTAssertGreaterThan(overLimit.utf8.count, CmarkArena.largestDocument)
        for body in [underLimit, overLimit] {
            let fast = MarkdownParser()
            var plain = fast
            plain.usesArena = false
            plain.prunesLinkFreeBlocks = false
            let parsed = fast.parse(body, firstLine: 1)
            XCTAssertEqual(parsed, plain.parse(body, firstLine: 1))
            XCTAssertGreaterThan(parsed.headings.count, 1000)
        }
    }

    func testLinkBytePrefilterMatchesByteByByte() {
        var generator = SplitMix64(seed: 5)
        let alphabet = Array("ab [<&组\n".utf8)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                .map { "[<&".utf8.contains($0) ? UInt8(ascii: "x") : $0 }
            if Bool.random(using: &generator), count > 0 {
                bytes[Int.random(in: 0..<count, using: &generator)] = alphabet.randomElement(using: &generator)!
            }
            let expected = bytes.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
            XCTAssertEqual(bytes.withUnsafeBufferPointer(SourceText.holdsLinkByte), expected, "\(bytes)")
        }
    }

    func testAllocatorBlocks() {
        CmarkArena.withArena(forDocumentOf: 100) { mem in
            XCTAssertNotEqual(mem, cmark_get_default_mem_allocator())
            XCTAssertEqual(CmarkArena.mem, mem)
            // calloc zeroes, even memory given back by free.
            let first = mem.pointee.calloc(10, 8)!
            memset(first, 0xAB, 80)
            mem.pointee.free(first)
            let again = mem.pointee.calloc(10, 8)!
            XCTAssertEqual(again, first, "the last block is given back")
            XCTAssertTrue(UnsafeRawBufferPointer(start: again, count: 80).allSatisfy { $0 == 0 })
            XCTAssertEqual(Int(bitPattern: again) % 16, 0)
            // The last block grows in place; an earlier one moves with its bytes.
            memset(again, 0x11, 80)
            XCTAssertEqual(mem.pointee.realloc(again, 200), again)
            let other = mem.pointee.calloc(1, 24)!
            let moved = mem.pointee.realloc(again, 100_000)!
            XCTAssertNotEqual(moved, again)
            XCTAssertTrue(UnsafeRawBufferPointer(start: moved, count: 80).allSatisfy { $0 == 0x11 })
            XCTAssertEqual(Int(bitPattern: moved) % 16, 0)
            XCTAssertEqual(Int(bitPattern: other) % 16, 0)
            // realloc of nothing allocates; an overflowing calloc fails.
            XCTAssertNotNil(mem.pointee.realloc(nil, 10))
            XCTAssertNil(mem.pointee.calloc(Int.max, 4))
            XCTAssertGreaterThanOrEqual(CmarkArena.chunkCount ?? 0, 2)
        }
        XCTAssertFalse(CmarkArena.isActive)
        XCTAssertEqual(CmarkArena.mem, cmark_get_default_mem_allocator())
    }

    func testLargeDocumentUsesDefaultAllocatorAndNestedParsesShareIt() {
        CmarkArena.withArena(forDocumentOf: CmarkArena.largestDocument + 1) { mem in
            XCTAssertEqual(mem, cmark_get_default_mem_allocator())
            XCTAssertTrue(CmarkArena.isActive)
            XCTAssertEqual(CmarkArena.mem, mem)
        }
        // A parse inside a document's closure uses the document's arena.
        let nested: Bool? = CmarkTree.withDocument(parsing: "outer", options: CMARK_OPT_DEFAULT) { _ in
            let outer = CmarkArena.mem
            return CmarkTree.withDocument(parsing: "inner", options: CMARK_OPT_DEFAULT) { _ in CmarkArena.mem == outer }
                ?? false
        }
        XCTAssertEqual(nested, true)
    }
}
