import Foundation
import XCTest
@testable import DossierKit

/// An output file keeps rendered bytes as they were made, and reads the same whichever form it holds.
final class OutputFileTests: XCTestCase {
    func testRenderedBytesAreKeptWithoutACopy() {
        let bytes = [UInt8](repeating: 0x61, count: 1 << 20)
        let file = OutputFile(path: "search/index.js", bytes: bytes)
        let original = bytes.withUnsafeBytes { $0.baseAddress }
        XCTAssertEqual(file.withUnsafeBytes { $0.baseAddress }, original, "the file copied the renderer's buffer")
        XCTAssertEqual(file.withUnsafeBytes { $0.count }, bytes.count)
    }

    func testBothFormsReadAndCompareAlike() {
        let text = "<p>中文 and text</p>\n"
        let fromBytes = OutputFile(path: "a.html", bytes: Array(text.utf8))
        let fromText = OutputFile(path: "a.html", text: text)
        XCTAssertEqual(fromBytes, fromText)
        XCTAssertEqual(fromBytes.data, Data(text.utf8))
        XCTAssertEqual(fromBytes.withUnsafeBytes(Fingerprint.of), Fingerprint.of(Data(text.utf8)))
        XCTAssertNotEqual(fromBytes, OutputFile(path: "b.html", text: text))
        XCTAssertNotEqual(fromBytes, OutputFile(path: "a.html", bytes: Array((text + " ").utf8)))
        var changed = fromBytes
        changed.data = Data("x".utf8)
        XCTAssertEqual(changed, OutputFile(path: "a.html", text: "x"))
    }

    func testFilesAreWrittenFromEitherForm() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outputfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("bytes 字节".utf8)
        try FileWriting.write(OutputFile(path: "x", bytes: bytes), to: folder.appendingPathComponent("x").path)
        try FileWriting.replace(folder.appendingPathComponent("y").path, with: OutputFile(path: "y", data: Data(bytes)))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("x")), Data(bytes))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("y")), Data(bytes))
    }
}
