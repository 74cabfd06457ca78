import Yams

/// Reads YAML text into `YAMLNode`s with positions, through Yams' composer. Bounded: a document
/// that expands past `nodeBudget` nodes (an alias bomb) or nests deeper than `depthLimit` is refused
/// with a diagnostic instead of exhausting memory or the stack.
public struct YAMLReader: Sendable {
    public var nodeBudget: Int
    public var depthLimit: Int

    /// Whether plain front matter is read by `PlainYAML` (fast) before Yams; off only to compare the two.
    public var plainFastPath: Bool

    public init(nodeBudget: Int = 100_000, depthLimit: Int = 64, plainFastPath: Bool = true) {
        self.nodeBudget = nodeBudget
        self.depthLimit = depthLimit
        self.plainFastPath = plainFastPath
    }

    public enum Failure: Error, Sendable, Equatable {
        /// line/column are relative to the YAML text (1-based).
        case syntax(message: String, line: Int, column: Int)
        case tooLarge(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
    }

    /// Parses `text`; positions are shifted by `firstLine - 1` so they point into the real file.
    public func read(_ text: String, firstLine: Int = 1) -> Result<YAMLNode?, Failure> {
        if plainFastPath, let plain = PlainYAML.read(text, firstLine: firstLine) { return .success(plain) }
        return readWithYams(text, firstLine: firstLine)
    }

    /// `read` for bytes that are valid UTF-8 (checked by the caller), without a `String` of them when
    /// the front matter is plain.
    func read(utf8 bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) -> Result<YAMLNode?, Failure> {
        if plainFastPath, let plain = PlainYAML.read(utf8: bytes, firstLine: firstLine) { return .success(plain) }
        return readWithYams(String(decoding: bytes, as: UTF8.self), firstLine: firstLine)
    }

    private func readWithYams(_ text: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        let root: Node?
        do {
            // The encoding is named: its default reads the process environment on every call.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            return .failure(shift(Self.failure(from: error), by: firstLine - 1))
        } catch {
            return .failure(.syntax(message: "\(error)", line: firstLine, column: 1))
        }
        guard let root else { return .success(nil) }
        var budget = nodeBudget
        do {
            return .success(try convert(root, depth: 0, budget: &budget, offset: firstLine - 1))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.syntax(message: "\(error)", line: firstLine, column: 1))
        }
    }

    private func convert(_ node: Node, depth: Int, budget: inout Int, offset: Int) throws -> YAMLNode {
        let line = (node.mark?.line ?? 1) + offset
        let column = node.mark?.column ?? 1
        budget -= 1
        guard budget >= 0 else { throw Failure.tooLarge(line: line, column: column) }
        guard depth <= depthLimit else { throw Failure.tooDeep(line: line, column: column) }
        switch node {
        case let .scalar(scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                            line: line, column: column)
        case let .sequence(sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, budget: &budget, offset: offset))
            }
            return YAMLNode(.sequence(items), line: line, column: column)
        case let .mapping(mapping):
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyLine = (key.mark?.line ?? 1) + offset
                let keyText = key.string ?? "\(key)"
                var converted = try convert(value, depth: depth + 1, budget: &budget, offset: offset)
                // libyaml puts an empty value where the next token starts (often the next line);
                // people look for it at its key.
                if case .scalar("", true) = converted.value {
                    converted.line = keyLine
                    converted.column = key.mark?.column ?? 1
                }
                entries.append(YAMLEntry(key: keyText, line: keyLine, column: key.mark?.column ?? 1, value: converted))
            }
            return YAMLNode(.mapping(entries), line: line, column: column)
        case let .alias(alias):
            return YAMLNode(.scalar("*\(alias.anchor)", plain: false), line: line, column: column)
        }
    }

    private func shift(_ failure: Failure, by offset: Int) -> Failure {
        switch failure {
        case let .syntax(message, line, column): return .syntax(message: message, line: line + offset, column: column)
        case let .tooLarge(line, column): return .tooLarge(line: line + offset, column: column)
        case let .tooDeep(line, column): return .tooDeep(line: line + offset, column: column)
        }
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(message: text, line: mark.line, column: mark.column)
        case let .reader(problem, _, _, _):
            return .syntax(message: problem, line: 1, column: 1)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .syntax(message: "duplicate key \(duplicates.joined(separator: ", "))",
                           line: context.mark.line, column: context.mark.column)
        default:
            return .syntax(message: "\(error)", line: 1, column: 1)
        }
    }
}

extension YAMLReader.Failure {
    /// The failure as a diagnostic of the `parse.` family at `path`.
    public func diagnostic(path: String) -> Diagnostic {
        switch self {
        case let .syntax(message, line, column):
            return Diagnostic(rule: Rules.parseYAML.id, severity: Rules.parseYAML.severity, message: "YAML syntax error: \(message)",
                              location: SourceLocation(path: path, line: line, column: column),
                              hint: "values containing ': ' or starting with [ { * & @ need quotes")
        case let .tooLarge(line, column):
            return Diagnostic(rule: Rules.parseYAMLTooLarge.id, severity: Rules.parseYAMLTooLarge.severity,
                              message: "YAML expands to too many values (alias bomb?); refused",
                              location: SourceLocation(path: path, line: line, column: column))
        case let .tooDeep(line, column):
            return Diagnostic(rule: Rules.parseYAMLTooDeep.id, severity: Rules.parseYAMLTooDeep.severity, message: "YAML nests too deeply; refused",
                              location: SourceLocation(path: path, line: line, column: column))
        }
    }
}

extension YAMLReader {
    /// The fast path's contract, checked by the tests and the fuzz target: `PlainYAML` answers exactly
    /// as Yams does, except for where an empty list item (`-` alone) stands — libyaml gives it the
    /// position of the next token, `PlainYAML` that of its dash.
    public static func sameAnswer(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        a.map(withoutEmptyItemPositions) == b.map(withoutEmptyItemPositions)
    }

    private static func withoutEmptyItemPositions(_ node: YAMLNode) -> YAMLNode {
        switch node.value {
        case .scalar: return node
        case let .sequence(items):
            return YAMLNode(.sequence(items.map { item in
                if case .scalar("", true) = item.value { return YAMLNode(item.value, line: 0, column: 0) }
                return withoutEmptyItemPositions(item)
            }), line: node.line, column: node.column)
        case let .mapping(entries):
            return YAMLNode(.mapping(entries.map {
                YAMLEntry(key: $0.key, line: $0.line, column: $0.column, value: withoutEmptyItemPositions($0.value))
            }), line: node.line, column: node.column)
        }
    }
}
