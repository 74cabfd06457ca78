import XCTest
@testable import DossierKit

/// The cache file of a whole build (made from what was written, sorted in two halves and merged)
/// against the cache of the same items made through the dictionary.
final class BuildCacheTests: XCTestCase {
    /// Paths in a scrambled order, with shared prefixes, Chinese names and one-line edge cases.
    private func contents(count: Int) -> [(path: String, made: String)] {
        var generator = SystemRandomNumberGenerator()
        let folders = ["records/incident", "records/incident-review", "documents", "clauses/iso20000-1", "文件"]
        let paths = (0..<count).map { index in "\(folders[index % folders.count])/P-\(index * 7919 % 1000).\(index).html" }
        return paths.shuffled(using: &generator).map { ($0, "c" + String($0.hashValue, radix: 16)) }
    }

    func testTheWholeBuildsCacheEqualsTheCacheOfItsItems() throws {
        for count in [0, 1, 2, 3, 10, 257] {
            let written = contents(count: count)
            // Entry pages have inputs, other files none.
            var inputs: [String: String] = [:]
            for (index, file) in written.enumerated() where index % 3 != 0 { inputs[file.path] = "i\(index)" }
            let data = BuildCache.data(contents: written, inputs: inputs)

            var expected = BuildCache()
            for file in written { expected.items[file.path] = BuildCache.Item(inputs: inputs[file.path], content: file.made) }
            XCTAssertEqual(data, expected.data, "\(count) files")

            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.first, Substring(BuildCache.header))
            XCTAssertEqual(lines.count, count + 2, "header, a line per file, and the final newline's empty rest")
            let paths = lines.dropFirst().dropLast().map { String($0.split(separator: " ", maxSplits: 2)[2]) }
            XCTAssertEqual(paths, written.map(\.path).sorted(), "lines sorted by path")
        }
    }

    func testTheFileLoadsBackAsItsItems() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = contents(count: 41)
        let inputs = Dictionary(uniqueKeysWithValues: written.prefix(20).map { ($0.path, "in-" + $0.made) })
        try BuildCache.data(contents: written, inputs: inputs).write(to: BuildCache.location(for: folder))
        let loaded = try XCTUnwrap(BuildCache.load(for: folder))
        XCTAssertEqual(loaded.items.count, written.count)
        for file in written {
            XCTAssertEqual(loaded.items[file.path], BuildCache.Item(inputs: inputs[file.path], content: file.made))
        }
    }
}
