import Foundation
import XCTest
@testable import DossierKit

/// The renderers' output buffer against an array doing the same appends.
final class ByteBufferTests: XCTestCase {
    /// Runs of every length up to past the inline copies (16 bytes), from every offset of the source,
    /// into a buffer that starts small, so that appends also cross each regrowth.
    func testAppendsEveryLengthAsAnArrayDoes() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        source.withUnsafeBufferPointer { bytes in
            for length in 0...40 {
                for start in 0...(bytes.count - length) {
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
                    buffer.append(run)
                    expected += run
                }
            }
        }
        XCTAssertEqual(buffer.count, expected.count)
        XCTAssertEqual(buffer.array, expected)
    }

    func testTheOtherAppendsAndRemovingTheEnd() {
        var buffer = ByteBuffer()
        XCTAssertTrue(buffer.isEmpty)
        XCTAssertNil(buffer.last)
        buffer.append(UInt8(ascii: "<"))
        buffer.append("p>" as StaticString)
        buffer.append(utf8: "质量手册")
        buffer.append(Array("</p>".utf8))
        var other = ByteBuffer()
        other.append(utf8: "\n")
        buffer.append(other)
        XCTAssertEqual(buffer.string, "<p>质量手册</p>\n")
        XCTAssertEqual(buffer.last, 0x0A)
        buffer.removeLast(5)
        XCTAssertEqual(buffer.string, "<p>质量手册")
        buffer.removeLast(buffer.count)
        XCTAssertTrue(buffer.isEmpty)
    }

    /// A page's buffer becomes the output file's `Data` with the same bytes (the memory is handed
    /// over, not copied), also after growing far past its first capacity.
    func testDataTakesTheBytes() {
        var buffer = ByteBuffer(capacity: 8)
        var expected: [UInt8] = []
        for index in 0..<100_000 {
            let byte = UInt8(truncatingIfNeeded: index)
            buffer.append(byte)
            expected.append(byte)
        }
        let file = OutputFile(path: "a.html", buffer: buffer)
        XCTAssertEqual(file.data, Data(expected))
        XCTAssertEqual(OutputFile(path: "empty.html", buffer: ByteBuffer()).data, Data())
    }
}
