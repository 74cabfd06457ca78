import XCTest
@testable import DossierKit

/// Files of valid UTF-8 without byte-order mark or `\r` are split and read as bytes (`UTF8Check`,
/// `FrontMatterSplitter.locate`); the rest go through the `String` of the file. Both must agree.
final class EntryParserBytesTests: XCTestCase {
    private func assertSameEntry(_ a: EntryParser.Result, _ b: EntryParser.Result, _ text: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.diagnostics, b.diagnostics, text, file: file, line: line)
        XCTAssertEqual(a.entry == nil, b.entry == nil, text, file: file, line: line)
        guard let x = a.entry, let y = b.entry else { return }
        XCTAssertEqual([x.id, x.type, x.path, x.title], [y.id, y.type, y.path, y.title], text, file: file, line: line)
        XCTAssertEqual(x.category, y.category, text, file: file, line: line)
        XCTAssertEqual(x.frontMatter, y.frontMatter, text, file: file, line: line)
        XCTAssertEqual(x.body, y.body, text, file: file, line: line)
    }

    /// The same file with a byte-order mark goes through the String; the mark is dropped either way.
    private func assertBothPathsAgree(_ path: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parser = EntryParser(catalog: try BuiltInData.typeCatalog(), allowRawHTML: false)
        let bytes = Data(text.utf8)
        let plain = bytes.withUnsafeBytes { EntryParser.isPlainUTF8($0.bindMemory(to: UInt8.self)) }
        if !bytes.isEmpty { XCTAssertEqual(plain, !text.utf8.contains(0x0D), text, file: file, line: line) }
        let viaBytes = parser.parse(SourceFile(path: path, data: bytes))
        let viaString = parser.parse(SourceFile(path: path, data: Data([0xEF, 0xBB, 0xBF]) + bytes))
        assertSameEntry(viaBytes, viaString, text, file: file, line: line)
    }

    func testDemoSiteFilesGiveTheSameEntries() throws {
        let root = URL(fileURLWithPath: Fixtures.repositoryRoot)
        let content = root.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            let path = String(url.path.dropFirst(root.path.count + 1))
            try assertBothPathsAgree(path, try String(contentsOf: url, encoding: .utf8))
        }
    }

    func testFailuresAndEdgeCasesGiveTheSameDiagnostics() throws {
        let texts = [
            "", "   \n\n", "no front matter\n", "---\nid: X\ntitle: T\n", "---\n---\nbody\n", "---\n...\n",
            "---\nid: X\ntitle: [unclosed\n---\n", "---\nid: X\ntitle: T\n---", "---\nid: X\ntitle: T\n---\n# 标题\n\n正文 [[Y]]\n",
            "---\nid: X\ntitle: \"é\"\nowner: &a x\nother: *a\n---\nbody\n", "---\n- a\n- b\n---\n", "---  \nid: X\n---\t\n## A\n",
        ]
        for text in texts {
            try assertBothPathsAgree("Content/procedures/X.md", text)
        }
    }

    func testUTF8CheckAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 3)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("组织".utf8), Array("é".utf8), Array("😀".utf8), [0x80], [0xC0, 0x80], [0xC2],
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0xE4, 0xB8], [0xEF, 0xBF, 0xBF], [0x7F], [0x0A],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer(UTF8Check.isValid), expected, "\(bytes)")
        }
    }
}
