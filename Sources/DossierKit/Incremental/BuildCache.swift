import Foundation

/// What the previous build wrote, kept in the output folder as `.dossier-cache` (Dossier writes nothing
/// outside its output folder): for each file its content fingerprint, and for entry pages the
/// fingerprint of their inputs (`PageDependencies`). It holds only hashes and the site's own page paths.
struct BuildCache: Equatable {
    struct Item: Equatable {
        /// Inputs of an entry page; nil for other files (they are rendered every build).
        var inputs: String?
        var content: String
    }

    /// Version 2: file fingerprints in four lanes (`Fingerprint.of`); a cache of version 1 holds
    /// fingerprints this version would never make, and is not used.
    static let header = "dossier-cache 2"
    static let fileName = ".dossier-cache"
    var items: [String: Item] = [:]

    static func location(for output: URL) -> URL { output.appendingPathComponent(fileName) }

    init() {}

    /// The cache describing `files` as a build writes them; `inputs`: entry page path → input fingerprint.
    init(files: [OutputFile], inputs: [String: String]) {
        for (file, content) in zip(files, files.parallelMap { $0.withUnsafeBytes(Fingerprint.of) }) {
            items[file.path] = Item(inputs: inputs[file.path], content: content)
        }
    }

    /// The same from the content fingerprints of files already written.
    init(contents: [(path: String, made: String)], inputs: [String: String]) {
        items.reserveCapacity(contents.count)
        for (path, content) in contents { items[path] = Item(inputs: inputs[path], content: content) }
    }

    /// The cache beside `output`, or nil when there is none or it is not one this version wrote.
    static func load(for output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(for: output)) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(header) else { return nil }
        var cache = BuildCache()
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { return nil }
            cache.items[String(parts[2])] = Item(inputs: parts[0] == "-" ? nil : String(parts[0]), content: String(parts[1]))
        }
        return cache
    }

    var data: Data {
        // Appended as bytes: string interpolation per line was most of the 25 ms (10 000 lines) spent
        // here on one core after the render.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + items.count * 128)
        bytes.append(contentsOf: Self.header.utf8)
        bytes.append(0x0A)
        for (path, item) in items.sorted(by: { $0.key < $1.key }) {
            bytes.append(contentsOf: (item.inputs ?? "-").utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: item.content.utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        return Data(bytes)
    }

    func save(for output: URL) throws {
        try FileWriting.replace(Self.location(for: output).path, with: data)
    }
}
