import Foundation
@testable import DossierKit

/// Straightforward versions of code that now has a fast path, shared by the tests that compare the two.
enum ReferenceCode {
    /// `SearchIndex.collapsed` as it was, byte by byte: runs of ASCII white space and U+3000 become one
    /// space, none at the start.
    static func collapsed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let width = byte == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3
                : (byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0)
            if width > 0 { pendingSpace = !out.isEmpty; i += width; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ReferenceCode {
    /// `DataExportValues.isoDateTime` as it was, on Characters only.
    static func isoDateTime(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard DateTime(iso: trimmed) != nil, trimmed.count > 11 else { return text }
        let separator = trimmed.index(trimmed.startIndex, offsetBy: 10)
        guard trimmed[separator] == " " || trimmed[separator] == "t" else { return trimmed }
        let clock = trimmed[trimmed.index(after: separator)...].drop { $0 == " " }
        return String(trimmed[..<separator]) + "T" + clock
    }

    /// `DataExportValues.number` as it was: every text's underscores dropped (Foundation), then read.
    static func number(_ text: String) -> Double? {
        DataExportValues.decimal(text.replacingOccurrences(of: "_", with: ""))
    }
}

/// A small deterministic generator (SplitMix64), so that a failure of a randomised test can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// `seeds`, then for each seed that is not empty `count` variants one character off it: a piece of
    /// `pieces` in place of a character or before it, or a character removed. For fast paths over
    /// date-like and other short texts.
    mutating func oneCharacterOff(_ seeds: [String], pieces: [String], count: Int = 40) -> [String] {
        var strings = seeds
        for seed in seeds where !seed.isEmpty {
            for _ in 0..<count {
                var characters = Array(seed)
                let position = Int.random(in: 0..<characters.count, using: &self)
                let piece = Character(pieces.randomElement(using: &self)!)
                switch Int.random(in: 0..<3, using: &self) {
                case 0: characters[position] = piece
                case 1: characters.insert(piece, at: position)
                default: characters.remove(at: position)
                }
                strings.append(String(characters))
            }
        }
        return strings
    }
}
