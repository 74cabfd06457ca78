import Foundation

/// Turns one content file's bytes into an `Entry`: checks the encoding, splits and reads the front
/// matter, decides the type (from `type:` or the folder) and parses the Markdown body.
/// Every problem becomes a diagnostic; a file that cannot be understood yields no entry.
public struct EntryParser: Sendable {
    /// The safe-id rule as a regular expression, for JSON Schema.
    public static let idPattern = #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#

    /// A safe id: `[A-Za-z0-9][A-Za-z0-9._-]*` (it becomes a file name). Checked on bytes: a regular
    /// expression per file cost more than reading its front matter.
    public static func isSafeID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isAlphanumeric(first) else { return false }
        return id.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// An id whose page would be its folder's `index.html` (`documents/`, `manual/`, `records/<type>/`)
    /// and overwrite the register there. Without case: the site is also opened from a zip on Windows
    /// or macOS, whose file systems do not tell `Index.html` from `index.html`.
    public static func isReservedID(_ id: String) -> Bool {
        id.utf8.count == 5 && id.lowercased() == "index"
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    public var markdown: MarkdownParser

    public var catalog: TypeCatalog {
        didSet { folders = TypeFolders(catalog) }
    }
    /// The catalog's types by folder, for files without `type:`.
    private var folders: TypeFolders

    public init(catalog: TypeCatalog, allowRawHTML: Bool) {
        self.catalog = catalog
        self.folders = TypeFolders(catalog)
        self.markdown = MarkdownParser(allowRawHTML: allowRawHTML)
    }

    public struct Result: Sendable {
        public var entry: Entry?
        public var diagnostics: [Diagnostic] = []
    }

    /// A part of the file: from the `String` of the whole file, or its bytes when they are plain UTF-8.
    private enum Part {
        case text(String)
        case utf8(UnsafeBufferPointer<UInt8>)
    }

    public func parse(_ file: SourceFile) -> Result {
        var result = Result()
        func fail(_ rule: RuleInfo, _ message: String, line: Int = 1, column: Int = 1, hint: String? = nil) -> Result {
            result.diagnostics.append(rule.diagnostic(message, at: SourceLocation(path: file.path, line: line, column: column), hint: hint))
            return result
        }
        if let nul = Self.firstNUL(in: file.data) {
            let line = file.data[..<nul].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            return fail(Rules.parseBinary, "file contains a NUL byte: not a text file", line: line)
        }
        func splitFailure(_ box: FrontMatterSplitter.FailureBox) -> Result {
            switch box.failure {
            case .empty: return fail(Rules.parseEmpty, "file is empty")
            case .missingOpening:
                return fail(Rules.parseNoFrontMatter, "file does not start with a front-matter block",
                            hint: "begin the file with a line '---', then id:, title: ..., then '---'")
            case let .unterminated(line):
                return fail(Rules.parseUnterminated, "front matter opened here is never closed", line: line,
                            hint: "add a line '---' after the last front-matter key")
            }
        }
        return file.data.withUnsafeBytes { raw -> Result in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Nearly every file: valid UTF-8 without byte-order mark or `\r`, split and read as bytes.
            // The String of the whole file (validated, then cut and turned back into bytes) was 8 % of
            // `dossier check`; `UTF8Check` and the byte split give the same parts.
            if Self.isPlainUTF8(bytes) {
                switch FrontMatterSplitter.locate(bytes) {
                case let .failure(box): return splitFailure(box)
                case let .success(parts):
                    return parse(file, yaml: .utf8(UnsafeBufferPointer(rebasing: bytes[parts.yaml])), yamlFirstLine: 2,
                                 body: .utf8(UnsafeBufferPointer(rebasing: bytes[parts.body...])),
                                 bodyFirstLine: parts.bodyFirstLine, result: result)
                }
            }
            guard let text = Self.utf8Text(file.data) else {
                let (line, column) = Self.firstInvalidUTF8(in: file.data)
                return fail(Rules.parseEncoding, "file is not valid UTF-8", line: line, column: column,
                            hint: "save the file as UTF-8 (files from Word or Excel are often GBK)")
            }
            switch FrontMatterSplitter().split(text) {
            case let .failure(box): return splitFailure(box)
            case let .success(split):
                return parse(file, yaml: .text(split.yaml), yamlFirstLine: split.yamlFirstLine, body: .text(split.body),
                             bodyFirstLine: split.bodyFirstLine, result: result)
            }
        }
    }

    /// Valid UTF-8 without a byte-order mark and without `\r` (which the splitter would normalise).
    static func isPlainUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
        return memchr(base, 0x0D, bytes.count) == nil && UTF8Check.isValid(bytes)
    }

    /// The entry of a file whose front matter and body have been found.
    private func parse(_ file: SourceFile, yaml: Part, yamlFirstLine: Int, body: Part, bodyFirstLine: Int,
                       result: Result) -> Result {
        var result = result
        func fail(_ rule: RuleInfo, _ message: String, line: Int = 1, column: Int = 1, hint: String? = nil) -> Result {
            result.diagnostics.append(rule.diagnostic(message, at: SourceLocation(path: file.path, line: line, column: column), hint: hint))
            return result
        }
        let frontMatter: YAMLNode
        let read: Swift.Result<YAMLNode?, YAMLReader.Failure>
        switch yaml {
        case let .text(text): read = YAMLReader().read(text, firstLine: yamlFirstLine)
        case let .utf8(bytes): read = YAMLReader().read(utf8: bytes, firstLine: yamlFirstLine)
        }
        switch read {
        case let .failure(failure):
            result.diagnostics.append(failure.diagnostic(path: file.path))
            return result
        case .success(nil):
            return fail(Rules.parseEmptyFrontMatter, "front matter is empty", line: 1,
                        hint: "give at least an id and a title")
        case let .success(node?):
            frontMatter = node
        }
        guard frontMatter.entries != nil else {
            return fail(Rules.parseFrontMatter, "front matter must be a map of keys, found \(frontMatter.kindName)",
                        line: frontMatter.line, column: frontMatter.column)
        }
        let stem = Self.stem(of: file.path)
        let id: String
        if let idNode = frontMatter["id"] {
            guard let value = idNode.string else {
                return fail(Rules.schemaKind, "id must be a single value", line: idNode.line, column: idNode.column)
            }
            guard Self.isSafeID(value) else {
                return fail(Rules.schemaID, "id '\(value)' is not a safe name: use letters, digits, '.', '_' and '-'",
                            line: idNode.line, column: idNode.column)
            }
            id = value
            if value != stem {
                result.diagnostics.append(Diagnostic(rule: Rules.schemaIDFilename.id, severity: Rules.schemaIDFilename.severity,
                    message: "id '\(value)' differs from the file name '\(stem)'",
                    location: SourceLocation(path: file.path, line: idNode.line, column: idNode.column),
                    hint: "rename the file to \(value).md so that people find it"))
            }
        } else {
            guard Self.isSafeID(stem) else {
                return fail(Rules.schemaID, "file has no id and its name '\(stem)' is not a safe id", line: 2,
                            hint: "add id: with letters, digits, '.', '_' and '-'")
            }
            id = stem
        }
        if Self.isReservedID(id) {
            let node = frontMatter["id"]
            return fail(Rules.schemaID, "id '\(id)' is reserved: its page would replace the index page of its folder",
                        line: node?.line ?? 2, column: node?.column ?? 1, hint: "choose another id, such as the type's prefix and a number")
        }
        let relative = file.path.hasPrefix("Content/") ? String(file.path.dropFirst(8)) : file.path
        let type: TypeDefinition
        if let typeNode = frontMatter["type"] {
            let name = typeNode.string ?? ""
            guard let found = catalog[name] else {
                return fail(Rules.schemaUnknownType, "unknown type '\(name)'", line: typeNode.line, column: typeNode.column,
                            hint: Suggestion.hint(for: name, in: catalog.types.keys) ?? "see `dossier schema` for the types")
            }
            type = found
        } else {
            guard let found = folders.type(forContentPath: relative, in: catalog) else {
                return fail(Rules.schemaUnknownType, "cannot tell the type of this file from its folder", line: 2,
                            hint: "add type: ..., or move it to a type's folder (procedures/, records/incident/, ...)")
            }
            type = found
        }
        let title = frontMatter["title"]?.string ?? id
        let parsedBody: ParsedMarkdown
        switch body {
        case let .text(text): parsedBody = markdown.parse(text, firstLine: bodyFirstLine)
        case let .utf8(bytes): parsedBody = markdown.parse(utf8: bytes, firstLine: bodyFirstLine)
        }
        result.entry = Entry(id: id, type: type.name, category: type.category, path: file.path, title: title,
                             frontMatter: frontMatter, body: parsedBody)
        return result
    }

    /// Offset of the first NUL byte. `memchr`: `Data.firstIndex(of:)` went byte by byte through
    /// Data's generic index, 4 % of `dossier check` on 10 000 records.
    static func firstNUL(in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return data.startIndex + (UnsafeRawPointer(found) - base)
        }
    }

    /// The file name without its folder and its extension. For `….md` and `….markdown` (every file the
    /// loader hands over) on bytes, else as NSString's `lastPathComponent` and `deletingPathExtension`
    /// give it (the NSString round trip was 2 % of `dossier check`).
    static func stem(of path: String) -> String {
        let bytes = path.utf8
        let extensionLength = path.hasSuffix(".md") ? 3 : (path.hasSuffix(".markdown") ? 9 : 0)
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        let nameEnd = bytes.index(bytes.endIndex, offsetBy: -extensionLength)
        guard extensionLength > 0, bytes.distance(from: nameStart, to: nameEnd) > 0,
              bytes[nameStart] != UInt8(ascii: ".") else {
            return ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        return String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
    }

    /// The bytes as text when they are valid UTF-8, else nil; without a leading byte-order mark, as
    /// Foundation's `String(data:encoding:)` gives it. The standard library's validation over the bytes
    /// in place: Foundation copied them into an array first (2.5 % of `dossier check`).
    static func utf8Text(_ data: Data) -> String? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            return String(validating: hasBOM ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes, as: UTF8.self)
        }
    }

    /// Line and column of the first byte that breaks UTF-8, for the diagnostic.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
