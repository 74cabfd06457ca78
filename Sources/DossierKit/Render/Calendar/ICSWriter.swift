import Foundation

/// Writes iCalendar (RFC 5545) content lines: text values escaped (§3.3.11), lines folded at 75
/// octets without splitting a UTF-8 character (§3.1), every line ended by CRLF.
struct ICSWriter {
    static let maxOctets = 75

    private(set) var text = ""

    /// `NAME:value` (or `NAME;PARAM=x:value`) with `value` written as is: for dates, numbers, URIs.
    mutating func raw(_ name: String, _ value: String) {
        line(name + ":" + value)
    }

    /// A TEXT property: the value is escaped.
    mutating func text(_ name: String, _ value: String) {
        line(name + ":" + Self.escape(value))
    }

    mutating func line(_ content: String) {
        text += Self.fold(content)
    }

    /// Backslash, semicolon and comma get a backslash; line breaks (CRLF, CR, LF) become `\n`; other
    /// control characters, which TEXT does not allow, are dropped.
    static func escape(_ value: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One content line, folded: the first physical line holds at most 75 octets, each continuation
    /// line a space and at most 74 more; a fold never falls inside a UTF-8 sequence.
    static func fold(_ content: String) -> String {
        var result = ""
        var octets = 0
        var limit = maxOctets
        for character in content.unicodeScalars {
            let size = String(character).utf8.count
            if octets + size > limit {
                result += "\r\n "
                octets = 1
                limit = maxOctets
            }
            result.unicodeScalars.append(character)
            octets += size
        }
        return result + "\r\n"
    }

    /// `20261122` for a DATE value.
    static func date(_ day: Day) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }
}
