import XCTest
@testable import DossierKit

/// `WikiLinks.find` jumps between `[` and `\` with `memchr`; each jump must land where the byte loop did.
final class WikiLinkScanTests: XCTestCase {
    func testNextCandidateMatchesByteByByte() {
        var generator = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [[], [0x5B], [0x5C], [0x5C, 0x5B], Array("a \\[[b]] [[c]]".utf8), Array("张[[伟]]\\".utf8)]
        let pieces: [UInt8] = [0x5B, 0x5C, 0x5D, 0x61, 0x20, 0xE4]
        for length in 0..<40 {
            for _ in 0..<20 { samples.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }) }
        }
        for bytes in samples {
            bytes.withUnsafeBufferPointer { buffer in
                // A scan as `find` makes it: offsets only grow, the backslash carried along.
                var nextBackslash = -1
                var offset = 0
                while offset <= buffer.count {
                    let step = Int.random(in: 1...3, using: &generator)
                    XCTAssertEqual(WikiLinks.nextCandidate(in: buffer, from: offset, nextBackslash: &nextBackslash),
                                   WikiLinks.nextCandidateByByte(in: buffer, from: offset), "\(bytes) at \(offset)")
                    offset += step
                }
            }
        }
    }
}
