/// What a field holds. Built-in and company types are described with these kinds, as data.
public indirect enum FieldKind: Sendable, Hashable {
    case string
    case text
    case date
    case datetime
    case number
    case integer
    case bool
    case enumeration([String])
    /// The id of another content file (optionally restricted to some types).
    case reference([String])
    case person
    case clause
    case attachment
    case list(FieldKind)
    case map([FieldSpec])
    case any

    public var name: String {
        switch self {
        case .string: return "string"
        case .text: return "text"
        case .date: return "date"
        case .datetime: return "datetime"
        case .number: return "number"
        case .integer: return "integer"
        case .bool: return "bool"
        case .enumeration: return "enum"
        case .reference: return "ref"
        case .person: return "person"
        case .clause: return "clause"
        case .attachment: return "attachment"
        case let .list(of): return "list of \(of.name)"
        case .map: return "map"
        case .any: return "any"
        }
    }
}

/// When a field must be present: always, never, or when another field has (or lacks) some values.
public enum Requirement: Sendable, Hashable {
    case optional
    case always
    /// `when: status=closed|resolved` or `when: status!=open`.
    case when(field: String, values: [String], negated: Bool)
}

public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var kind: FieldKind
    public var requirement: Requirement
    /// For dates: the field whose value this one must not precede (e.g. `resolved` after `opened`).
    public var notBefore: String?
    /// For numbers: the allowed range.
    public var minimum: Double?
    public var maximum: Double?

    public init(name: String, kind: FieldKind, requirement: Requirement = .optional,
                notBefore: String? = nil, minimum: Double? = nil, maximum: Double? = nil) {
        self.name = name
        self.kind = kind
        self.requirement = requirement
        self.notBefore = notBefore
        self.minimum = minimum
        self.maximum = maximum
    }
}

public enum ContentCategory: String, Sendable, Hashable, Codable {
    case document
    case record
}

/// A type of content file: a controlled document type or a record type, with its schema.
public struct TypeDefinition: Sendable, Hashable {
    public var name: String
    public var category: ContentCategory
    public var title: LocalizedText
    /// Folder under `Content/` whose files default to this type (`procedures`, `records/incident`).
    public var folder: String
    /// Vocabulary ids this type evidences (e.g. `incident` evidences `incident-record`).
    public var evidences: [String]
    /// The field that dates a record for windows and schedules (`opened`, `received`, `date`...).
    public var dateField: String?
    /// Fields of this type beyond the common ones.
    public var fields: [FieldSpec]
    /// Pattern for `dossier new`, e.g. `INC-{yyyy}-{nnnn}`.
    public var numbering: String?
    /// Fields shown as columns in the record index.
    public var columns: [String]

    public init(name: String, category: ContentCategory, title: LocalizedText, folder: String,
                evidences: [String] = [], dateField: String? = nil, fields: [FieldSpec] = [],
                numbering: String? = nil, columns: [String] = []) {
        self.name = name
        self.category = category
        self.title = title
        self.folder = folder
        self.evidences = evidences
        self.dateField = dateField
        self.fields = fields
        self.numbering = numbering
        self.columns = columns
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// Every type a site knows: the built-in ones and the company's, plus the fields common to all.
public struct TypeCatalog: Sendable {
    public var types: [String: TypeDefinition]
    /// Fields every file may have (`id`, `type`, `title`, `clauses`, ...), by category.
    public var commonFields: [ContentCategory: [FieldSpec]]

    public init(types: [String: TypeDefinition], commonFields: [ContentCategory: [FieldSpec]]) {
        self.types = types
        self.commonFields = commonFields
    }

    public subscript(name: String) -> TypeDefinition? { types[name] }

    public var sortedNames: [String] { types.keys.sorted() }

    /// The type whose folder holds `relativePath` (a path under Content/), longest folder first.
    public func type(forContentPath relativePath: String) -> TypeDefinition? {
        // The deepest matching folder wins, then the smallest name. A loop over the keys: filtering
        // `types.values` copied every definition for every file (6 % of `check` at 10 000 files).
        var best: String?
        var bestLength = -1
        let path = relativePath.utf8
        for (name, type) in types {
            let folder = type.folder.utf8
            guard path.count > folder.count, path.starts(with: folder),
                  path[path.index(path.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/") else { continue }
            if folder.count > bestLength || (folder.count == bestLength && name < best ?? name) {
                best = name
                bestLength = folder.count
            }
        }
        return best.flatMap { types[$0] }
    }

    /// Every field a file of `type` may carry: the common ones and the type's own.
    public func allFields(of type: TypeDefinition) -> [FieldSpec] {
        (commonFields[type.category] ?? []) + type.fields
    }
}

/// The folder of every type, for telling a file's type from its path: `type(forContentPath:)` of
/// `TypeCatalog` compared the path with every type's folder (3 % of `dossier check`); this looks up
/// each folder the path lies in, deepest first.
struct TypeFolders: Sendable {
    /// Folder → the smallest type name with that folder; nil when a folder is not ASCII (String
    /// keys compare by canonical equivalence, the catalog by bytes), and the catalog is asked.
    private let byFolder: [String: String]?

    init(_ catalog: TypeCatalog) {
        var byFolder: [String: String] = [:]
        for (name, type) in catalog.types where byFolder[type.folder].map({ name < $0 }) ?? true {
            byFolder[type.folder] = name
        }
        self.byFolder = byFolder.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? byFolder : nil
    }

    /// The same answer as `catalog.type(forContentPath:)`: the deepest matching folder, then the smallest name.
    func type(forContentPath relativePath: String, in catalog: TypeCatalog) -> TypeDefinition? {
        guard let byFolder else { return catalog.type(forContentPath: relativePath) }
        // On the path's bytes: through `String.UTF8View` slices, the slash search and the byte
        // comparison below were 7,000 instructions a file (71 M of `dossier check` at 10k).
        return relativePath.withUTF8Bytes { bytes -> TypeDefinition? in
            var isASCII = true
            for byte in bytes where byte >= 0x80 {
                isASCII = false
                break
            }
            var end = bytes.count
            while end > 0 {
                var slash = end - 1
                while slash >= 0, bytes[slash] != UInt8(ascii: "/") { slash -= 1 }
                guard slash >= 0 else { break }
                // Only a folder followed by more of the path matches (`path.count > folder.count`).
                let folder = UnsafeBufferPointer(rebasing: bytes[..<slash])
                if let name = byFolder[String(decoding: folder, as: UTF8.self)], let type = catalog[name] {
                    // An ASCII folder equal to an ASCII key as Strings is equal as bytes. Otherwise
                    // (equal as Strings but maybe not as bytes, a non-ASCII path) the catalog decides.
                    if isASCII { return type }
                    return type.folder.utf8.elementsEqual(folder) ? type : catalog.type(forContentPath: relativePath)
                }
                end = slash
            }
            return nil
        }
    }
}
