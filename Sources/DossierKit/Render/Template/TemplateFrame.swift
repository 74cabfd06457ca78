/// A template rendered once with some of its top-level variables left open ("holes"), to be filled
/// per page: the layout is the same for every page of a folder and section except its title and body,
/// so 10 000 entry pages splice two strings into a frame instead of rendering the layout each time
/// (5 % of a 10k build's samples).
struct TemplateFrame: Sendable {
    /// Output before the first hole, between holes, and after the last: `holes.count + 1` pieces.
    let pieces: [[UInt8]]
    /// The variable of each hole and whether the template escapes it (`{{x}}`) or not (`{{{x}}}`).
    let holes: [(name: String, escaped: Bool)]

    /// Whether the frame has one `body` hole, not escaped (`{{{body}}}`): then a page can be rendered
    /// straight into the frame's output.
    var bodyOnceUnescaped: Bool {
        var count = 0, escaped = false
        for hole in holes where hole.name == "body" { count += 1; escaped = escaped || hole.escaped }
        return count == 1 && !escaped
    }

    /// Writes the frame with `fill` writing each hole's value; for a hole `fill` gets whether the
    /// template escapes it.
    func render(into output: inout ByteBuffer, fill: (_ name: String, _ escaped: Bool, _ output: inout ByteBuffer) -> Void) {
        // Through the buffers: the frames are shared by the render threads, and copying each piece
        // out of `pieces` (and `+=`, which takes its operand owned) retained it for every page.
        pieces.withUnsafeBufferPointer { pieces in
            holes.withUnsafeBufferPointer { holes in
                for index in pieces.indices {
                    pieces[index].withUnsafeBufferPointer { output.append($0) }
                    if index < holes.count { fill(holes[index].name, holes[index].escaped, &output) }
                }
            }
        }
    }
}

extension TemplateLibrary {
    /// Renders the template `name` with `context`, leaving open the top-level variables named in
    /// `holes`; `nil` when the template is missing or uses a hole's name in any other way (in a
    /// section, a partial, a dotted name, `{{.}}` at the top): then only a full render is exact.
    /// The values `context` gives the hole names are never shown.
    func frame(_ name: String, _ context: TemplateValue, holes: Set<String>) -> TemplateFrame? {
        guard let nodes = nodes(name) else { return nil }
        var visited: Set<String> = [name]
        for node in nodes {
            if isHole(node, holes) { continue }
            guard !uses(holes, in: node, visited: &visited) else { return nil }
        }
        let renderer = TemplateRenderer(library: self)
        var pieces: [[UInt8]] = []
        var found: [(name: String, escaped: Bool)] = []
        var current = ByteBuffer()
        for node in nodes {
            if isHole(node, holes) {
                pieces.append(current.array)
                current = ByteBuffer()
                found.append((node.name.parts[0], node.flag))
            } else {
                var stack = [context]
                renderer.render(node, stack: &stack, indentation: nil, into: &current)
            }
        }
        pieces.append(current.array)
        return TemplateFrame(pieces: pieces, holes: found)
    }

    /// Whether `node` is a top-level `{{x}}` or `{{{x}}}` of one of `holes`.
    private func isHole(_ node: TemplateNode, _ holes: Set<String>) -> Bool {
        node.kind == .variable && node.name.parts.count == 1 && !node.name.isCurrent && holes.contains(node.name.parts[0])
    }

    /// Whether `node` (or a section or partial inside it) names one of `holes`. `{{.}}` counts too,
    /// wherever it is: at the top (also in a partial) it is the whole context.
    private func uses(_ holes: Set<String>, in node: TemplateNode, visited: inout Set<String>) -> Bool {
        func names(_ name: TemplateName) -> Bool { name.isCurrent || (name.parts.first.map(holes.contains) ?? false) }
        switch node.kind {
        case .text:
            return false
        case .variable:
            return names(node.name)
        case .section:
            if names(node.name) { return true }
            return node.body.contains { uses(holes, in: $0, visited: &visited) }
        case .partial:
            let partial = node.partial
            // A partial reached twice was checked the first time (and recursion would never end).
            guard visited.insert(partial).inserted else { return false }
            return (self.nodes(partial) ?? []).contains { uses(holes, in: $0, visited: &visited) }
        }
    }
}
