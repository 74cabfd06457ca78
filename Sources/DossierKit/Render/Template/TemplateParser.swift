/// Compiles Mustache text into `TemplateNode`s once, when the theme loads.
///
/// The whitespace rules are those of swift-mustache 2.1 (the engine Dossier's themes were first written
/// for), so pages come out byte for byte as before: a tag alone on its line ("standalone") takes its
/// line with it, and a standalone partial's indentation is passed to the partial. Supported: variables,
/// `{{{x}}}` and `{{&x}}`, sections, inverted sections, partials, comments and set-delimiter tags.
/// Not supported, with a clear error: lambdas and transforms `{{f(x)}}`, template inheritance
/// `{{<x}}`/`{{$x}}`, dynamic partials `{{>*x}}` and `{{%...}}` pragmas.
struct TemplateParser {
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var startDelimiter: [UInt8] = Array("{{".utf8)
    private var endDelimiter: [UInt8] = Array("}}".utf8)

    static func compile(_ text: String) throws(Failure) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            return try parser.parseNodes(section: nil, newLine: true)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw parser.failure("\(error)")
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { atEnd ? 0 : bytes[position] }

    /// Parses up to the end of the text, or of the section `section`.
    private mutating func parseNodes(section: String?, newLine startOnNewLine: Bool) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = startOnNewLine
        var whitespaceBefore: [UInt8] = []
        while !atEnd {
            if newLine { whitespaceBefore = read { $0 == 0x20 || $0 == 0x09 } }
            let text = readUntilTagOrNewline()
            if let newline = newlineLength() {
                nodes.append(.text(whitespaceBefore + text + bytes[position..<(position + newline)]))
                position += newline
                newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                newLine = false
            }
            if atEnd { break }
            var standalone = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)); whitespaceBefore = [] }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try parseName()
                if newLine && lineFinished() { standalone = true } else { flushWhitespace() }
                let body = try parseNodes(section: name, newLine: standalone)
                nodes.append(.section(TemplateName(name), body, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let name = try parseName()
                guard name == section else {
                    throw failure(section.map { "'{{/\(name)}}' closes '{{#\($0)}}'" } ?? "'{{/\(name)}}' closes no section")
                }
                if !(newLine && lineFinished()) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let close = find(endDelimiter) else { throw failure("comment is never closed") }
                position = close + endDelimiter.count
                standalone = newLine && lineFinished()
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let name = try parseName()
                guard current == UInt8(ascii: "}") else { throw failure("'{{{' must close with '}}}'") }
                position += 1
                nodes.append(.variable(TemplateName(name), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                nodes.append(.variable(TemplateName(try parseName()), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "*") { throw failure("dynamic partials are not supported") }
                let name = try parsePartialName()
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if newLine && lineFinished() {
                    standalone = true
                    nodes.append(.partial(name, indentation: whitespaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whitespaceBefore = []
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters()
                standalone = newLine && lineFinished()
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw failure("template inheritance ({{< }} and {{$ }}) is not supported")
            case UInt8(ascii: "%"):
                throw failure("{{% }} pragmas are not supported")
            default:
                flushWhitespace()
                nodes.append(.variable(TemplateName(try parseName()), escaped: true))
            }
            newLine = standalone
        }
        if let section { throw failure("section '{{#\(section)}}' is never closed") }
        return nodes
    }

    // MARK: Reading

    /// Text up to the next tag (whose opening delimiter is consumed) or line break (not consumed).
    private mutating func readUntilTagOrNewline() -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            if newlineLength() != nil { break }
            if matches(startDelimiter) { position += startDelimiter.count; break }
            text.append(bytes[position])
            position += 1
        }
        return text
    }

    private func newlineLength() -> Int? {
        if current == 0x0A { return 1 }
        if current == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return 2 }
        return nil
    }

    /// After a standalone tag: true, and past the line break, when only spaces follow on the line.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
        let saved = position
        position = probe
        if let newline = newlineLength() { position += newline; return true }
        if atEnd { return true }
        position = saved
        return false
    }

    private mutating func parseName() throws -> String {
        skipWhitespace()
        let name = read { Self.nameBytes.contains($0) }
        skipWhitespace()
        if current == UInt8(ascii: "(") { throw failure("lambdas and transforms are not supported") }
        guard matches(endDelimiter) else { throw failure("tag is not closed: expected '\(String(decoding: endDelimiter, as: UTF8.self))'") }
        position += endDelimiter.count
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func parsePartialName() throws -> String {
        skipWhitespace()
        let name = read { Self.nameBytes.contains($0) || $0 == UInt8(ascii: "/") }
        skipWhitespace()
        guard matches(endDelimiter), !name.isEmpty else { throw failure("partial tag is not closed") }
        position += endDelimiter.count
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func setDelimiters() throws {
        skipWhitespace()
        let start = read { !Self.isWhitespace($0) }
        skipWhitespace()
        let end = read { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") }
        skipWhitespace()
        guard current == UInt8(ascii: "="), !start.isEmpty, !end.isEmpty else { throw failure("invalid set-delimiter tag") }
        position += 1
        guard matches(endDelimiter) else { throw failure("invalid set-delimiter tag") }
        position += endDelimiter.count
        startDelimiter = start
        endDelimiter = end
    }

    private mutating func read(while accept: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while !atEnd, accept(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() { _ = read(while: Self.isWhitespace) }

    private func matches(_ delimiter: [UInt8]) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for (offset, byte) in delimiter.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    private func find(_ delimiter: [UInt8]) -> Int? {
        var probe = position
        while probe + delimiter.count <= bytes.count {
            if bytes[probe] == delimiter[0], Array(bytes[probe..<(probe + delimiter.count)]) == delimiter { return probe }
            probe += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static let nameBytes: Set<UInt8> = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)

    /// Line and column (1-based, in characters) of the current position.
    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(message: message, line: line, column: column)
    }
}
