/// A compiled Mustache template: the theme's templates are parsed once into these nodes, and each
/// page is rendered by walking them over a `TemplateValue` into one byte buffer.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `indentation` is set for a partial alone on its line.
    case partial(String, indentation: [UInt8]?)
}

/// A tag's name: `.` is the current value; `a.b` looks `a` up the context stack, then `b` inside it;
/// a leading dot (`.a`) looks only in the current value.
struct TemplateName: Sendable {
    let parts: [String]
    let isCurrent: Bool
    let climbs: Bool
    /// `parts[0]` (empty when there are no parts), and whether more parts follow: every lookup starts
    /// with them.
    let first: String
    let isDotted: Bool

    init(_ text: String) {
        isCurrent = text == "."
        climbs = !text.hasPrefix(".")
        parts = text.split(separator: ".").map(String.init)
        first = parts.first ?? ""
        isDotted = parts.count > 1
    }
}

/// The theme's compiled templates by name, rendered with swift-mustache's semantics: a missing name
/// climbs to outer values, only `false`, nothing and empty lists are false, and HTML is escaped in
/// `{{x}}`.
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]

    public init() {}

    /// Compiles and adds `text` as `name`; a syntax error names its line and column.
    mutating func register(_ text: String, named name: String) throws(TemplateParser.Failure) {
        templates[name] = try TemplateParser.compile(text)
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders the template `name` with `context` (a view model of dictionaries, lists, strings, booleans).
    func render(_ name: String, _ context: Any) -> String? {
        guard let output = renderBytes(name, TemplateValue(context) ?? .map([:])) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders the template `name` with a typed view model into UTF-8 bytes, for pages that go to disk
    /// as they are (no `String` validation and copy of every page).
    func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        guard render(name, context, into: &output) else { return nil }
        return output
    }

    /// Renders the template `name` at the end of `output`; false when there is no such template.
    func render(_ name: String, _ context: TemplateValue, into output: inout [UInt8]) -> Bool {
        guard let nodes = templates[name] else { return false }
        var stack = [context]
        TemplateRenderer(library: self).render(nodes, stack: &stack, indentation: nil, into: &output)
        return true
    }

    func nodes(_ name: String) -> [TemplateNode]? { templates[name] }
}

struct TemplateRenderer {
    let library: TemplateLibrary

    /// `stack` is the context stack; a section pushes its value and pops it when done (one array for
    /// the whole render rather than a copy per section and list item).
    func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout [UInt8]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, stack: &stack, indentation: indentation, into: &output) }
            return
        }
        // Inside an indented partial each node's output that starts a line is indented (swift-mustache
        // indents at node boundaries, judged on this template's own output).
        var local: [UInt8] = []
        for node in nodes {
            var piece: [UInt8] = []
            render(node, stack: &stack, indentation: indentation, into: &piece)
            if !piece.isEmpty, local.last == 0x0A { local += indentation }
            local += piece
        }
        output += local
    }

    func render(_ node: TemplateNode, stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout [UInt8]) {
        switch node {
        case let .text(bytes):
            output += bytes
        case let .variable(name, escaped):
            guard let value = lookup(name, in: stack) else { return }
            let text = Self.describe(value)
            if escaped { HTMLText.appendEscaped(text, to: &output) } else { output += text.utf8 }
        case let .section(name, body, inverted):
            let value = lookup(name, in: stack)
            if inverted {
                if Self.isFalse(value) { render(body, stack: &stack, indentation: indentation, into: &output) }
                return
            }
            switch value {
            case nil, .bool(false)?: return
            case .bool(true)?: render(body, stack: &stack, indentation: indentation, into: &output)
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(body, stack: &stack, indentation: indentation, into: &output)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(body, stack: &stack, indentation: indentation, into: &output)
                stack.removeLast()
            }
        case let .partial(name, partialIndentation):
            guard let nodes = library.nodes(name) else { return }
            let combined = partialIndentation.map { (indentation ?? []) + $0 } ?? indentation
            render(nodes, stack: &stack, indentation: combined, into: &output)
        }
    }

    private func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        if name.isCurrent { return stack.last }
        guard !name.parts.isEmpty else { return nil }
        var value: TemplateValue?
        if name.climbs {
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].child(name.first) { value = found; break }
                index -= 1
            }
        } else {
            value = stack.last?.child(name.first)
        }
        guard name.isDotted else { return value }
        for part in name.parts.dropFirst() {
            value = value?.child(part)
        }
        return value
    }

    private static func isFalse(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: return true
        case let .list(items)?: return items.isEmpty
        default: return false
        }
    }

    private static func describe(_ value: TemplateValue) -> String {
        switch value {
        case let .text(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case let .map(map): return "[" + map.keys.sorted().map { "\($0): \(describe(map[$0]!))" }.joined(separator: ", ") + "]"
        case let .fields(fields): return describe(.map(fields.mapValues { $0 }))
        }
    }
}
