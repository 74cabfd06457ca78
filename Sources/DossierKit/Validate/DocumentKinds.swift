/// The document kinds of the shared vocabulary and their `is_a` parents (vocabulary.yml): a
/// `quality-policy` document also counts wherever a `management-policy` is expected.
public enum DocumentKinds {
    /// Kind → its parent kind, read once from the built-in vocabulary.
    public static let parents: [String: String] = {
        guard let text = EmbeddedResources.files["vocabulary.yml"],
              case let .success(root?) = YAMLReader().read(text) else { return [:] }
        var parents: [String: String] = [:]
        for item in root["documents"]?.sequence ?? [] {
            if let id = item["id"]?.string, let parent = item["is_a"]?.string { parents[id] = parent }
        }
        return parents
    }()

    /// The kind itself followed by its ancestors (`quality-policy`, `management-policy`).
    public static func lineage(of kind: String) -> [String] {
        var result = [kind]
        var current = kind
        // The bound guards against a cycle in a hand-edited vocabulary.
        while result.count < 16, let parent = parents[current], !result.contains(parent) {
            result.append(parent)
            current = parent
        }
        return result
    }

    /// True when a document of `kind` answers a clause expecting `expected`.
    public static func kind(_ kind: String, satisfies expected: String) -> Bool {
        lineage(of: kind).contains(expected)
    }
}
