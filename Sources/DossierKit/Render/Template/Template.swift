/// A compiled Mustache template: the theme's templates are parsed once into these nodes, and each
/// page is rendered by walking them over a `TemplateValue` into one byte buffer.
///
/// A final class with `let` fields rather than an `indirect enum`: matching an enum case copied its
/// payload (the name's array and string, the section's body) and retained each part on every visit
/// of every node; a class's fields are read in place.
final class TemplateNode: Sendable {
    enum Kind: Sendable { case text, variable, section, partial }

    let kind: Kind
    /// `.text`: the bytes to write.
    let bytes: [UInt8]
    /// `.variable` and `.section`.
    let name: TemplateName
    /// `.variable`: whether the value is HTML-escaped (`{{x}}`); `.section`: whether it is inverted.
    let flag: Bool
    /// `.section`: the nodes inside it.
    let body: [TemplateNode]
    /// `.partial`: the partial's name, and its indentation when the tag stands alone on its line.
    let partial: String
    let indentation: [UInt8]?

    private init(kind: Kind, bytes: [UInt8] = [], name: TemplateName = .none, flag: Bool = false,
                 body: [TemplateNode] = [], partial: String = "", indentation: [UInt8]? = nil) {
        self.kind = kind
        self.bytes = bytes
        self.name = name
        self.flag = flag
        self.body = body
        self.partial = partial
        self.indentation = indentation
    }

    static func text(_ bytes: [UInt8]) -> TemplateNode { TemplateNode(kind: .text, bytes: bytes) }

    static func variable(_ name: TemplateName, escaped: Bool) -> TemplateNode {
        TemplateNode(kind: .variable, name: name, flag: escaped)
    }

    static func section(_ name: TemplateName, _ body: [TemplateNode], inverted: Bool) -> TemplateNode {
        TemplateNode(kind: .section, name: name, flag: inverted, body: body)
    }

    /// `nodes` with each run of adjacent texts joined into one, sections' bodies too: fewer nodes to
    /// visit and appends to make (the parser makes a text per line; the entry pages' templates have
    /// about twice as many texts as tags).
    static func joiningTexts(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var result: [TemplateNode] = []
        var pending: [UInt8]?
        for node in nodes {
            if node.kind == .text {
                pending = (pending ?? []) + node.bytes
                continue
            }
            if let text = pending { result.append(.text(text)); pending = nil }
            result.append(node.kind == .section ? .section(node.name, joiningTexts(node.body), inverted: node.flag) : node)
        }
        if let text = pending { result.append(.text(text)) }
        return result
    }

    /// `indentation` is set for a partial alone on its line.
    static func partial(_ name: String, indentation: [UInt8]?) -> TemplateNode {
        TemplateNode(kind: .partial, partial: name, indentation: indentation)
    }
}

/// A tag's name: `.` is the current value; `a.b` looks `a` up the context stack, then `b` inside it;
/// a leading dot (`.a`) looks only in the current value.
struct TemplateName: Sendable {
    let parts: [String]
    let isCurrent: Bool
    let climbs: Bool
    /// `parts[0]` (empty when there are no parts), its UTF-8 length, and whether more parts follow:
    /// every lookup starts with them.
    let first: String
    let firstCount: Int
    let isDotted: Bool

    init(_ text: String) {
        isCurrent = text == "."
        climbs = !text.hasPrefix(".")
        parts = text.split(separator: ".").map(String.init)
        first = parts.first ?? ""
        firstCount = first.utf8.count
        isDotted = parts.count > 1
    }

    /// The name of nodes that have none (text, partials).
    static let none = TemplateName("")
}

/// The theme's compiled templates by name, rendered with swift-mustache's semantics: a missing name
/// climbs to outer values, only `false`, nothing and empty lists are false, and HTML is escaped in
/// `{{x}}`.
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    /// The same templates with each run of adjacent texts joined into one node (the parser makes one
    /// per line): what is rendered wherever no indentation applies. Inside an indented partial
    /// swift-mustache indents at node boundaries, so there the templates as parsed are walked.
    private var joined: [String: [TemplateNode]] = [:]
    /// Whether the `fields` partial is the one `FieldItemsPartial` writes directly.
    private(set) var writesFieldItems = false

    public init() {}

    /// Compiles and adds `text` as `name`; a syntax error names its line and column.
    mutating func register(_ text: String, named name: String) throws(TemplateParser.Failure) {
        let nodes = try TemplateParser.compile(text)
        templates[name] = nodes
        joined[name] = TemplateNode.joiningTexts(nodes)
        if name == FieldItemsPartial.name { writesFieldItems = text == FieldItemsPartial.text }
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders the template `name` with `context` (a view model of dictionaries, lists, strings, booleans).
    func render(_ name: String, _ context: Any) -> String? {
        guard let output = renderBytes(name, TemplateValue(context) ?? .map([:])) else { return nil }
        return output.string
    }

    /// Renders the template `name` with a typed view model into UTF-8 bytes, for pages that go to disk
    /// as they are (no `String` validation and copy of every page).
    func renderBytes(_ name: String, _ context: TemplateValue) -> ByteBuffer? {
        var output = ByteBuffer(capacity: 16 * 1024)
        guard render(name, context, into: &output) else { return nil }
        return output
    }

    /// Renders the template `name` at the end of `output`; false when there is no such template.
    func render(_ name: String, _ context: TemplateValue, into output: inout ByteBuffer) -> Bool {
        guard let nodes = joined[name] else { return false }
        var stack = [context]
        TemplateRenderer(library: self).render(nodes, stack: &stack, indentation: nil, into: &output)
        return true
    }

    func nodes(_ name: String) -> [TemplateNode]? { templates[name] }

    /// `nodes(name)` with adjacent texts joined, for rendering without indentation.
    func joinedNodes(_ name: String) -> [TemplateNode]? { joined[name] }
}

struct TemplateRenderer {
    let library: TemplateLibrary
    /// `{{#items}}`'s name, for `FieldItemsPartial`.
    private static let items = TemplateName("items")

    /// `stack` is the context stack; a section pushes its value and pops it when done (one array for
    /// the whole render rather than a copy per section and list item).
    func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout ByteBuffer) {
        guard let indentation, !indentation.isEmpty else {
            nodes.forEachBorrowed { render($0, stack: &stack, indentation: indentation, into: &output) }
            return
        }
        // Inside an indented partial each node's output that starts a line is indented (swift-mustache
        // indents at node boundaries, judged on this template's own output).
        var local = ByteBuffer()
        nodes.forEachBorrowed { node in
            var piece = ByteBuffer()
            render(node, stack: &stack, indentation: indentation, into: &piece)
            if !piece.isEmpty, local.last == 0x0A { local.append(indentation) }
            local.append(piece)
        }
        output.append(local)
    }

    func render(_ node: TemplateNode, stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout ByteBuffer) {
        switch node.kind {
        case .text:
            // Through the buffer: passing the array would retain the bytes, which both render threads
            // share (see `forEachBorrowed`).
            node.bytes.withUnsafeBufferPointer { output.append($0) }
        case .variable:
            guard let value = lookup(node.name, in: stack) else { return }
            if case let .text(text) = value {
                // The usual case, written without a `describe` copy.
                if node.flag { HTMLText.appendEscaped(text, to: &output) } else { output.append(utf8: text) }
                return
            }
            if case let .utf8(bytes) = value {
                if node.flag { HTMLText.appendEscaped(bytes: bytes, to: &output) } else { output.append(bytes) }
                return
            }
            let text = Self.describe(value)
            if node.flag { HTMLText.appendEscaped(text, to: &output) } else { output.append(utf8: text) }
        case .section:
            let value = lookup(node.name, in: stack)
            if node.flag {
                if Self.isFalse(value) { render(node.body, stack: &stack, indentation: indentation, into: &output) }
                return
            }
            switch value {
            case nil, .bool(false)?: return
            case .bool(true)?: render(node.body, stack: &stack, indentation: indentation, into: &output)
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(node.body, stack: &stack, indentation: indentation, into: &output)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(node.body, stack: &stack, indentation: indentation, into: &output)
                stack.removeLast()
            }
        case .partial:
            let combined = node.indentation.map { (indentation ?? []) + $0 } ?? indentation
            let indented = !(combined?.isEmpty ?? true)
            if !indented, library.writesFieldItems, node.partial == FieldItemsPartial.name,
               FieldItemsPartial.render(items: lookup(Self.items, in: stack), into: &output) { return }
            guard let nodes = indented ? library.nodes(node.partial) : library.joinedNodes(node.partial) else { return }
            render(nodes, stack: &stack, indentation: combined, into: &output)
        }
    }

    private func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        if name.isCurrent { return stack.last }
        guard !name.parts.isEmpty else { return nil }
        var value: TemplateValue?
        if name.climbs {
            // Through the buffer: `stack[index]` copied (retained) each value it asked.
            value = stack.withUnsafeBufferPointer { values in
                var index = values.count - 1
                while index >= 0 {
                    if let found = values[index].child(name.first, count: name.firstCount) { return found }
                    index -= 1
                }
                return nil
            }
        } else {
            value = stack.last?.child(name.first, count: name.firstCount)
        }
        guard name.isDotted else { return value }
        for part in name.parts.dropFirst() {
            value = value?.child(part, count: part.utf8.count)
        }
        return value
    }

    static func isFalse(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: return true
        case let .list(items)?: return items.isEmpty
        default: return false
        }
    }

    private static func describe(_ value: TemplateValue) -> String {
        switch value {
        case let .text(text): return text
        case let .utf8(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .bool(flag): return flag ? "true" : "false"
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case let .map(map): return "[" + map.keys.sorted().map { "\($0): \(describe(map[$0]!))" }.joined(separator: ", ") + "]"
        case let .fields(fields): return describe(.map(fields.mapValues { $0 }))
        case let .item(item): return describe(.fields(item.fields))
        }
    }
}

extension Array where Element == TemplateNode {
    /// Calls `body` with each node without retaining it. The nodes of a theme are shared by the render
    /// threads, and `for node in nodes` retained and released each one it visited, so the two cores
    /// kept moving the same reference counts between them: a 10k build used 25-45 % more user time on
    /// two cores than on one, and perf put a quarter of `swift_retain`'s samples in the renderer,
    /// rising from 60 to 100 with the second core. The array keeps every node alive while `body` runs.
    @inline(__always)
    func forEachBorrowed(_ body: (TemplateNode) -> Void) {
        withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<TemplateNode>.self) { nodes in
                for node in nodes { node._withUnsafeGuaranteedRef(body) }
            }
        }
    }
}
