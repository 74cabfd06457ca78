import CCmark
import Foundation

// A small, safe layer over libcmark's C API. Only the files of this folder import CCmark.
//
// Ownership: a tree belongs to whoever parsed it (`CmarkTree.withDocument` frees the tree when its
// closure returns, see `CmarkArena`). `CmarkNode` is a borrowed handle: valid only inside that closure, never stored
// beyond it. Nodes created with `CmarkNode.make…` are owned by the caller until they are attached
// to a tree; `append`, `insertBefore` and `replace` free them when cmark refuses them.

/// Constant HTML printed by custom nodes, as C strings.
enum CmarkTag {
    static let none = Array("".utf8CString)
    static let tableOpen = Array("<div class=\"table-wrap\"><table>".utf8CString)
    static let tableClose = Array("</table></div>".utf8CString)
    static let theadOpen = Array("<thead>".utf8CString)
    static let theadClose = Array("</thead>".utf8CString)
    static let tbodyOpen = Array("<tbody>".utf8CString)
    static let tbodyClose = Array("</tbody>".utf8CString)
    static let trOpen = Array("<tr>".utf8CString)
    static let trClose = Array("</tr>".utf8CString)
    static let thClose = Array("</th>".utf8CString)
    static let tdClose = Array("</td>".utf8CString)
    static let headingClose = (0...6).map { Array("</h\($0)>".utf8CString) }
    /// `<hN id="` without its NUL, and `">` with it: a heading's open tag is the two around its anchor.
    static let headingOpenStart = (0...6).map { Array("<h\($0) id=\"".utf8CString.dropLast()) }
    static let headingOpenEnd = Array("\">".utf8CString)
}

/// Whether a walk enters or leaves a node (leaf nodes are only entered).
enum CmarkEvent {
    case enter
    case exit
}

/// A borrowed handle to one node of a cmark tree.
struct CmarkNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// A new, detached node; nil only when memory runs out.
    /// Made with the allocator of the document being worked on (`CmarkArena.mem`), like its other nodes.
    static func make(_ type: cmark_node_type) -> CmarkNode? {
        CmarkNode(cmark_node_new_with_mem(type, CmarkArena.mem))
    }

    /// A new custom block or inline that prints `onEnter` / `onExit` (C strings, see `CmarkTag`)
    /// verbatim when rendered.
    static func makeCustom(_ type: cmark_node_type, onEnter: [CChar], onExit: [CChar]) -> CmarkNode? {
        guard let node = make(type) else { return nil }
        guard cmark_node_set_on_enter(node.pointer, onEnter) == 1,
              cmark_node_set_on_exit(node.pointer, onExit) == 1 else {
            node.free()
            return nil
        }
        return node
    }

    /// A new text node holding the C string `text`.
    static func makeText(_ text: [CChar]) -> CmarkNode? {
        guard let node = make(CMARK_NODE_TEXT) else { return nil }
        guard cmark_node_set_literal(node.pointer, text) == 1 else {
            node.free()
            return nil
        }
        return node
    }

    /// A new text node holding UTF-8 `bytes` (see `setLiteral(utf8:)`).
    static func makeText(utf8 bytes: ArraySlice<UInt8>) -> CmarkNode? {
        guard let node = make(CMARK_NODE_TEXT) else { return nil }
        guard node.setLiteral(utf8: bytes) else {
            node.free()
            return nil
        }
        return node
    }

    /// A new text node holding `text`.
    static func makeText(_ text: String) -> CmarkNode? {
        guard let node = make(CMARK_NODE_TEXT) else { return nil }
        guard cmark_node_set_literal(node.pointer, text) == 1 else {
            node.free()
            return nil
        }
        return node
    }

    // MARK: Reading

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: CmarkNode? { CmarkNode(cmark_node_parent(pointer)) }
    var firstChild: CmarkNode? { CmarkNode(cmark_node_first_child(pointer)) }
    var next: CmarkNode? { CmarkNode(cmark_node_next(pointer)) }

    var isBlock: Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    /// Calls `body` with the literal's bytes (without copying) when the node has one.
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let chars = cmark_node_get_literal(pointer) else { return nil }
        let count = strlen(chars)
        return chars.withMemoryRebound(to: UInt8.self, capacity: count + 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    /// Destination of a link or image; "" for other nodes.
    var url: String {
        guard let chars = cmark_node_get_url(pointer) else { return "" }
        return String(cString: chars)
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// cmark's source positions: 1-based lines and byte columns of the parsed text, 0 when unknown
    /// (nodes created after parsing, soft and hard breaks).
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    // MARK: Changing

    @discardableResult
    func setURL(_ url: String) -> Bool { cmark_node_set_url(pointer, url) == 1 }

    @discardableResult
    func setOnEnter(_ text: String) -> Bool { cmark_node_set_on_enter(pointer, text) == 1 }

    @discardableResult
    func setLiteral(_ literal: String) -> Bool { cmark_node_set_literal(pointer, literal) == 1 }

    /// Sets the literal from UTF-8 bytes through a temporary C string. For a piece of a literal cmark
    /// gave (valid UTF-8, no NUL: cmark replaces both on input): decoding a `String` from it first
    /// checked and copied it again (the text around 14,000 wiki links was 30 M instructions at 10k).
    @discardableResult
    func setLiteral(utf8 bytes: ArraySlice<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: source.count)
                }
            }
            buffer[bytes.count] = 0
            return cmark_node_set_literal(pointer, buffer.baseAddress) == 1
        }
    }

    /// Appends `child`; on refusal the child is freed so that it cannot leak.
    @discardableResult
    func append(_ child: CmarkNode) -> Bool {
        if cmark_node_append_child(pointer, child.pointer) == 1 { return true }
        child.free()
        return false
    }

    /// Inserts `sibling` before this node; on refusal the sibling is freed.
    @discardableResult
    func insertBefore(_ sibling: CmarkNode) -> Bool {
        if cmark_node_insert_before(pointer, sibling.pointer) == 1 { return true }
        sibling.free()
        return false
    }

    /// Puts `replacement` where this node was; this node is then detached and owned by the caller.
    /// On refusal the replacement is freed and this node stays.
    func replace(with replacement: CmarkNode) -> Bool {
        guard cmark_node_replace(pointer, replacement.pointer) == 1 else {
            replacement.free()
            return false
        }
        return true
    }

    /// Puts `replacement` where this node was and frees this node with its remaining children.
    /// On refusal the replacement is freed and this node stays.
    @discardableResult
    func replaceAndFree(with replacement: CmarkNode) -> Bool {
        guard replace(with: replacement) else { return false }
        free()
        return true
    }

    /// Moves every child of this node, in order, to the end of `target`.
    func moveChildren(to target: CmarkNode) {
        while let child = firstChild {
            cmark_node_unlink(child.pointer)
            target.append(child)
        }
    }

    /// Unlinks and frees this node and everything below it.
    func free() {
        cmark_node_free(pointer)
    }
}

extension CmarkNode {
    /// Visits this node and its descendants in document order with `cmark_iter` (leaf nodes are only
    /// entered). `visit` must not change the tree.
    func walk(_ visit: (CmarkEvent, CmarkNode) -> Void) {
        prunedWalk { event, node in
            visit(event, node)
            return true
        }
    }
}

extension CmarkNode {
    /// `walk`, where `visit` returns false on entering a node to skip what is below it: its descendants
    /// and its exit event are not visited.
    func prunedWalk(_ visit: (CmarkEvent, CmarkNode) -> Bool) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT,
                  let node = CmarkNode(cmark_iter_get_node(iterator)) else { return }
            if !visit(event == CMARK_EVENT_ENTER ? .enter : .exit, node), event == CMARK_EVENT_ENTER, node != self {
                cmark_iter_reset(iterator, node.pointer, CMARK_EVENT_EXIT)
            }
        }
    }
}

/// Parsing and rendering of whole documents.
enum CmarkTree {
    /// Parses `text` and hands the document's root to `body`; the tree is freed when `body` returns.
    /// Returns nil only when cmark cannot allocate the tree.
    ///
    /// The outermost parse on a thread allocates the tree in a `CmarkArena` (released in one go when
    /// `body` returns); a parse inside `body` (a table's cells) uses the same allocator, so its nodes can
    /// be moved into the outer tree, and lives as long as the outer tree.
    /// `usesArena: false` parses with cmark's default allocator (for tests comparing the two).
    static func withDocument<R>(parsing text: String, options: Int32, usesArena: Bool = true,
                                _ body: (CmarkNode) -> R) -> R? {
        return text.withUTF8Bytes { bytes in withDocument(parsing: bytes, options: options, usesArena: usesArena, body) }
    }

    /// `withDocument(parsing:options:_:)` for UTF-8 bytes.
    static func withDocument<R>(parsing bytes: UnsafeBufferPointer<UInt8>, options: Int32, usesArena: Bool = true,
                                _ body: (CmarkNode) -> R) -> R? {
        func parsed(with mem: UnsafeMutablePointer<cmark_mem>) -> R? {
            guard let root = parse(bytes, options: options, mem: mem) else { return nil }
            // An arena goes as a whole; a tree made with the default allocator is freed here.
            defer { if mem == cmark_get_default_mem_allocator() { cmark_node_free(root) } }
            return body(CmarkNode(root))
        }
        // Nested: the outer document's allocator, and the outer document's lifetime.
        if CmarkArena.isActive { return parsed(with: CmarkArena.mem) }
        return CmarkArena.withArena(forDocumentOf: usesArena ? bytes.count : Int.max, parsed)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32,
                              mem: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        guard let parser = cmark_parser_new_with_mem(options, mem) else { return nil }
        defer { cmark_parser_free(parser) }
        // An empty buffer may have no base address: nothing to feed then.
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                cmark_parser_feed(parser, chars, bytes.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    /// The HTML of `node` and its descendants.
    static func renderHTML(_ node: CmarkNode, options: Int32) -> String {
        guard let chars = cmark_render_html(node.pointer, options) else { return "" }
        // Allocated with the tree's allocator, which is the current one (see `withDocument`).
        defer { CmarkArena.mem.pointee.free(chars) }
        return String(cString: chars)
    }

    /// `renderHTML` as UTF-8 bytes, copied as they are: cmark writes valid UTF-8 for the valid UTF-8
    /// it was given, and making a `String` of each body checked every byte again (2 % of a 10k build).
    static func renderHTMLBytes(_ node: CmarkNode, options: Int32) -> [UInt8] {
        guard let chars = cmark_render_html(node.pointer, options) else { return [] }
        defer { CmarkArena.mem.pointee.free(chars) }
        return chars.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            Array(UnsafeBufferPointer(start: start, count: strlen(chars)))
        }
    }
}
