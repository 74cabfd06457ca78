import Foundation

/// The next free id of a type, from its numbering pattern (types.yml `numbering:`, e.g.
/// `INC-{yyyy}-{nnnn}`): `{yyyy}` is the as-of year, `{mm}` its month, `{n…}` a counter as wide as
/// the token (it grows past that width rather than wrap). A type without a pattern gets one from its
/// newest existing id (`KE-2025-003` → `KE-{yyyy}-{nnn}`), else from the initials of its name.
public enum IDNumbering {
    /// The next id for `type` that no entry in `taken` uses (compared without case, like
    /// `ref.duplicate-id`), given the ids the type already has.
    public static func next(for type: TypeDefinition, existing: [String], taken: Set<String>, asOf: Day) -> String {
        let pattern = type.numbering ?? inferredPattern(from: existing) ?? defaultPattern(for: type.name)
        return next(pattern: pattern, taken: taken, asOf: asOf)
    }

    /// The next id of `pattern` beyond every taken id it matches.
    public static func next(pattern: String, taken: Set<String>, asOf: Day) -> String {
        let lowered = Set(taken.map { $0.lowercased() })
        let parts = tokens(of: pattern)
        let year = String(format: "%04d", asOf.year), month = String(format: "%02d", asOf.month)
        guard let counterIndex = parts.firstIndex(where: { if case .counter = $0 { return true } else { return false } }) else {
            // No counter (`IA-{yyyy}`): the plain id, then -2, -3... when it is taken.
            let base = parts.map { $0.render(year: year, month: month, counter: "") }.joined()
            var candidate = base, suffix = 2
            while lowered.contains(candidate.lowercased()) { candidate = "\(base)-\(suffix)"; suffix += 1 }
            return candidate
        }
        let prefix = parts[..<counterIndex].map { $0.render(year: year, month: month, counter: "") }.joined()
        let suffix = parts[(counterIndex + 1)...].map { $0.render(year: year, month: month, counter: "") }.joined()
        guard case let .counter(width) = parts[counterIndex] else { return prefix + suffix }
        var highest = 0
        for id in lowered where id.hasPrefix(prefix.lowercased()) && id.hasSuffix(suffix.lowercased())
            && id.count > prefix.count + suffix.count {
            let digits = id.dropFirst(prefix.count).dropLast(suffix.count)
            if digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) { highest = max(highest, value) }
        }
        var value = highest + 1
        while true {
            let number = String(value)
            let padded = String(repeating: "0", count: max(0, width - number.count)) + number
            let candidate = prefix + padded + suffix
            if !lowered.contains(candidate.lowercased()) { return candidate }
            value += 1
        }
    }

    enum Token: Equatable {
        case literal(String), year, month, counter(Int)

        func render(year: String, month: String, counter: String) -> String {
            switch self {
            case let .literal(text): return text
            case .year: return year
            case .month: return month
            case .counter: return counter
            }
        }
    }

    static func tokens(of pattern: String) -> [Token] {
        var result: [Token] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { result.append(.literal(String(rest[..<open]))) }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "yyyy": result.append(.year)
            case "mm": result.append(.month)
            case _ where !name.isEmpty && name.allSatisfy({ $0 == "n" }): result.append(.counter(name.count))
            default: result.append(.literal(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        return result
    }

    /// A pattern read off the newest-looking existing id: a year between separators becomes
    /// `{yyyy}`, the trailing digits the counter.
    static func inferredPattern(from ids: [String]) -> String? {
        guard let id = ids.max(by: { ($0.count, $0) < ($1.count, $1) }) else { return nil }
        var text = id
        if let range = text.range(of: #"(?<=^|[-_.])(19|20)\d\d(?=$|[-_.])"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "{yyyy}")
        }
        let digits = text.reversed().prefix { $0.isASCIIDigit }.count
        if digits > 0 { text = String(text.dropLast(digits)) + "{" + String(repeating: "n", count: digits) + "}" }
        return text
    }

    /// `supplier-dispute` → `SD-{yyyy}-{nnn}`.
    static func defaultPattern(for typeName: String) -> String {
        let initials = typeName.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap(\.first).map { String($0).uppercased() }.joined()
        return (initials.isEmpty ? "ID" : initials) + "-{yyyy}-{nnn}"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
