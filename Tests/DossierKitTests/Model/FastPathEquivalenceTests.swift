import XCTest
@testable import DossierKit

/// The byte-level fast paths of `dossier check` against the straightforward code they replace:
/// each must give the same answer on every input, odd ones included.
final class FastPathEquivalenceTests: XCTestCase {
    /// Strings near the ISO date and date-time forms: valid ones, and ones off by a character.
    private func dateLikeStrings() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "2", "9", "-", "+", ":", " ", "T", "t", "Z", "\t", "é", "\u{301}", "\r\n", ".", "a"]
        let seeds = ["2026-03-04", "2026-03-04 09:12", "2026-03-04T09:12:30", "2026-02-29", "2024-02-29 23:59",
                     "2026-13-01", "0000-01-01", "+202-01-01", "2026-+1-05", "2026-1-05", " 2026-03-04 ",
                     "2026-03-04 24:00", "2026-03-04 09:60", "2026-03-04 09:12:61", "2026-03-04 09:12:60",
                     "2026-03-04T09:00+08:00", "2026-03-04 09:00Z", "2026-03-04  09:00", "2026-03-04 9:00",
                     "2026-03-04 09:12:3", "2026-03-04 09:12:30.5", "", "2026", "2026-03-04x", "２０２６-03-04"]
        return generator.oneCharacterOff(seeds, pieces: pieces)
    }

    /// `Day(iso:)` as it was: split on `-`, then `Int(_:)`.
    private func referenceDay(_ text: some StringProtocol) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    func testDayParsingOnBytesMatchesSplitting() {
        for text in dateLikeStrings() {
            XCTAssertEqual(Day(iso: text), referenceDay(text), "\(text.debugDescription)")
            XCTAssertEqual(Day(iso: text.prefix(10)), referenceDay(text.prefix(10)), "\(text.debugDescription)")
        }
        XCTAssertEqual(Day(iso: "+202-01-01")?.year, 202)
    }

    func testCommonDateTimeFormsMatchTheGeneralParser() {
        var fast = 0
        for text in dateLikeStrings() {
            let general = DateTime(anyForm: text)
            let parsed = DateTime(iso: text)
            XCTAssertEqual(parsed?.absoluteMinutes, general?.absoluteMinutes, "\(text.debugDescription)")
            XCTAssertEqual(parsed?.description, general?.description, "\(text.debugDescription)")
            if DateTime.commonForm(text) != nil { fast += 1 }
        }
        XCTAssertGreaterThan(fast, 10, "the fast path must be exercised")
    }

    func testExportedDateTimesAndNumbersMatchTheCharacterWalks() {
        let texts = dateLikeStrings() + ["2026-03-01T09:00", "2026-03-01t09:00:30", "2026-03-01 09:00:30", " 2026-03-01 09:00",
                                         "2026-03-01  09:00", "_1", "1_000", "-2.5e3", "+.5", "0x1F", "1e", ".inf", "张伟",
                                         "P3", "", "-", "_", "12 ", "٣", "１２"]
        var fast = 0
        for text in texts {
            XCTAssertEqual(DataExportValues.isoDateTime(text), ReferenceCode.isoDateTime(text), "\(text.debugDescription)")
            XCTAssertEqual(DataExportValues.number(text), ReferenceCode.number(text), "\(text.debugDescription)")
            if DateTime.commonForm(text) != nil, text.utf8.count > 10 { fast += 1 }
        }
        XCTAssertGreaterThan(fast, 3, "the fast path must be exercised")
    }

    func testEntryDayMatchesCountingCharacters() throws {
        for text in dateLikeStrings() {
            let entry = Entry(id: "X", type: "incident", category: .record, path: "Content/X.md", title: "X",
                              frontMatter: YAMLNode(.mapping([YAMLEntry(key: "date", line: 2, column: 1,
                                                                        value: YAMLNode(.scalar(text, plain: true), line: 2, column: 7))]),
                                                    line: 2, column: 1),
                              body: ParsedMarkdown())
            let expected = referenceDay(text.prefix(10)).flatMap { text.count == 10 ? $0 : DateTime(anyForm: text)?.day }
            XCTAssertEqual(entry.day("date"), text.isEmpty ? nil : expected, "\(text.debugDescription)")
        }
    }

    func testRecordRuleTrimmingMatchesFoundation() {
        for text in dateLikeStrings() + [" a", "a ", "\u{3000}2026-01-01", "2026-01-01\u{a0}", "\t x \t", "x\r\n"] {
            let trimmed = RecordRule.trim(text)
            XCTAssertEqual(trimmed, text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            XCTAssertEqual(RecordRule.characterCount(trimmed), trimmed.count, "\(text.debugDescription)")
        }
    }

    func testClauseFormOnBytesMatchesCharacters() {
        func reference(_ text: String) -> Bool {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
        }
        let samples = ["iso20000-1:8.6.1", "iso20000-1:", ":8.6", "a:b:c", "", ":", "a b:c", "a:b\t", "a:b\r\n",
                       "a\u{0b}:b", "a\u{1c}:b", "条款:8.1", "a:\u{301}b", "a\u{3000}:b", "a::b", "ab"]
        for text in samples {
            XCTAssertEqual(SchemaValueCheck.isClauseForm(text), reference(text), "\(text.debugDescription)")
        }
    }

    func testTypeFoldersMatchTheCatalog() throws {
        let catalog = try BuiltInData.typeCatalog()
        let folders = TypeFolders(catalog)
        var paths = catalog.types.values.flatMap { [$0.folder + "/X.md", $0.folder + "/2026/X.md", $0.folder, $0.folder + "x/X.md"] }
        paths += ["X.md", "/X.md", "records/X.md", "records//incident/X.md", "records/incident/", "procédures/X.md",
                  "records/incident/résumé/X.md", "records/incident/\u{212A}/X.md", "records/\u{212A}/X.md", "/", "//", "a/"]
        for path in paths {
            XCTAssertEqual(folders.type(forContentPath: path, in: catalog)?.name, catalog.type(forContentPath: path)?.name, path)
        }
        XCTAssertEqual(folders.type(forContentPath: "records/incident/2026/INC-1.md", in: catalog)?.name, "incident")
    }

    func testFileStemMatchesNSString() {
        for path in ["Content/records/incident/2026/INC-1.md", "Content/a.b.md", "Content/x.markdown", "INC.md",
                     "Content/.md", "Content/a..md", "Content/报告.md", "Content/x.txt", "Content/dir/", "x", "Content/a.MD"] {
            XCTAssertEqual(EntryParser.stem(of: path), ((path as NSString).lastPathComponent as NSString).deletingPathExtension, path)
        }
    }

    func testFirstNULMatchesFirstIndex() {
        for bytes: [UInt8] in [[], [1, 2, 3], [0], [1, 0, 2, 0], [10, 10, 0]] {
            let data = Data(bytes)
            XCTAssertEqual(EntryParser.firstNUL(in: data), data.firstIndex(of: 0))
            let slice = Data([7, 7] + bytes).dropFirst(2)
            XCTAssertEqual(EntryParser.firstNUL(in: slice), slice.firstIndex(of: 0))
        }
    }

    func testUTF8TextMatchesFoundation() {
        let samples: [[UInt8]] = [[], Array("---\nid: X\n---\n".utf8), [0xEF, 0xBB, 0xBF] + Array("---\n".utf8),
                                  [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF, 0xC3], [0xC3, 0x28], [0x61, 0xE9], Array("张伟\r\n".utf8), [0xF4, 0x90, 0x80, 0x80],
                                  [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x00, 0x62]]
        for bytes in samples {
            let data = Data(bytes)
            XCTAssertEqual(EntryParser.utf8Text(data).map { Array($0.utf8) }, String(data: data, encoding: .utf8).map { Array($0.utf8) },
                           "\(bytes)")
            let slice = Data([1] + bytes).dropFirst()
            XCTAssertEqual(EntryParser.utf8Text(slice), String(data: slice, encoding: .utf8), "\(bytes)")
        }
    }

    func testFrontMatterPartsAreTheBytesBetweenTheFences() throws {
        for text in ["---\nid: 张\n---\n正文\n", "---\n---\n", "---\nid: x\n...\nbody", "\u{FEFF}---\r\nid: é\r\n---\r\nb\u{301}\r\n",
                     "---\nid: x\n---", "---  \na: 1\n---\t\n\n# h\n"] {
            guard case let .success(split) = FrontMatterSplitter().split(text) else { return XCTFail(text) }
            let normalized = text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n")
            // Lines by bytes: a combining mark after a line break stays on its own line.
            let lines = normalized.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            let close = try XCTUnwrap(lines.dropFirst().firstIndex { $0.hasPrefix("---") || $0.hasPrefix("...") })
            XCTAssertEqual(Array(split.yaml.utf8), Array(lines[1..<close].joined(separator: "\n").utf8), text)
            XCTAssertEqual(Array(split.body.utf8), Array(lines[(close + 1)...].joined(separator: "\n").utf8), text)
            XCTAssertEqual(split.bodyFirstLine, close + 2, text)
        }
    }

    func testWholeFileReadMatchesFoundation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in [("empty.md", Data()), ("small.md", Data("---\nid: X\n---\n".utf8)),
                              ("large.md", Data((0..<300_000).map { UInt8($0 % 251) }))] {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            XCTAssertEqual(FileSystem.wholeFile(url.path), try Data(contentsOf: url))
            XCTAssertEqual(try FileSystem.local.read(url.path), bytes)
        }
        XCTAssertNil(FileSystem.wholeFile(folder.appendingPathComponent("missing.md").path))
        XCTAssertNil(FileSystem.wholeFile(folder.path), "a folder is not read")
        XCTAssertThrowsError(try FileSystem.local.read(folder.appendingPathComponent("missing.md").path))
    }

    /// Looking a key up and visiting scalars through buffers give what the plain
    /// `first { $0.key == key }` and a recursive walk give, with repeated, empty, Chinese and
    /// decomposed keys (`é` as one scalar or two compare equal).
    func testFrontMatterLookupsMatchTheStraightforwardWalk() throws {
        let yaml = """
            id: INC-1
            title: 标题
            "": empty key
            tags: [a, [b, c], {d: e}]
            café: composed
            owner: ~
            nested:
              list:
                - x
                - {y: z, w: [1, 2]}
            """
        var node = try XCTUnwrap(YAMLReader().read(yaml, firstLine: 1).get())
        // The reader refuses a repeated key; a node made in code may have one, and the first wins.
        var entries = try XCTUnwrap(node.entries)
        entries.append(YAMLEntry(key: "id", line: 20, column: 1, value: YAMLNode(.scalar("second id", plain: true), line: 20, column: 5)))
        node.value = .mapping(entries)
        for key in ["id", "title", "", "tags", "café", "cafe\u{301}", "owner", "nested", "missing", "i", "标题"] {
            XCTAssertEqual(node[key], entries.first { $0.key == key }?.value, key)
            XCTAssertEqual(node.entry(key), entries.first { $0.key == key }, key)
        }
        func reference(_ node: YAMLNode) -> [String] {
            switch node.value {
            case let .scalar(text, _): return [text]
            case let .sequence(items): return items.flatMap(reference)
            case let .mapping(entries): return entries.flatMap { reference($0.value) }
            }
        }
        var visited: [String] = []
        node.forEachScalar { visited.append($0) }
        XCTAssertEqual(visited, reference(node))
        XCTAssertEqual(visited.count, 14)
        XCTAssertEqual(node["id"]?.string, "INC-1")
        XCTAssertNil(YAMLNode(.scalar("x", plain: true), line: 1, column: 1)["x"])
    }

    /// `withUTF8Bytes` hands over the same bytes as the copying `withUTF8`, for small (inline) and
    /// large strings, empty ones, non-ASCII ones and strings cut from a larger one.
    func testUTF8BytesInPlaceMatchCopyingWithUTF8() {
        let long = String(repeating: "质量手册 quality manual ", count: 40)
        let samples = ["", "a", "PR-06", "exactly15bytes!", "sixteen bytes ok", "云帆", "café", "cafe\u{301}",
                       long, String(long.dropFirst(7).prefix(33)), String(Substring(long).suffix(5)), "\0\r\n\t"]
        for text in samples {
            var copy = text
            let expected = copy.withUTF8 { Array($0) }
            XCTAssertEqual(text.withUTF8Bytes { Array($0) }, expected, text.debugDescription)
            XCTAssertEqual(expected, Array(text.utf8), text.debugDescription)
        }
    }
}
