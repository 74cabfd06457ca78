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

    /// The file: the header, then a line `inputs content path` per file, sorted by path.
    var data: Data {
        Self.data(items.map { (path: $0.key, inputs: $0.value.inputs, content: $0.value.content) })
    }

    /// The file describing files already written, from their content fingerprints (`made`, by path);
    /// the same bytes as the cache of those items. A whole build makes it on one core after the last
    /// page is written: through a dictionary and one sort this was 58 M instructions at 10,000 pages
    /// (12 ms, the other core idle); now each half of the lines is made and sorted on a core of its
    /// own, and the halves are merged.
    static func data(contents: [(path: String, made: String)], inputs: [String: String]) -> Data {
        data(contents.map { (path: $0.path, inputs: inputs[$0.path], content: $0.made) })
    }

    private static func data(_ lines: [(path: String, inputs: String?, content: String)]) -> Data {
        let middle = lines.count / 2
        let halves = [lines[..<middle], lines[middle...]].parallelMap { half in
            half.sorted { $0.path < $1.path }.map { line -> (path: String, bytes: [UInt8]) in
                // Appended as bytes: string interpolation per line was most of the time once.
                var bytes: [UInt8] = []
                bytes.reserveCapacity(line.path.utf8.count + 140)
                bytes.append(contentsOf: (line.inputs ?? "-").utf8)
                bytes.append(0x20)
                bytes.append(contentsOf: line.content.utf8)
                bytes.append(0x20)
                bytes.append(contentsOf: line.path.utf8)
                bytes.append(0x0A)
                return (line.path, bytes)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + halves.reduce(0) { $0 + $1.reduce(0) { $0 + $1.bytes.count } })
        bytes.append(contentsOf: header.utf8)
        bytes.append(0x0A)
        var (left, right) = (halves[0][...], halves[1][...])
        while let l = left.first, let r = right.first {
            if l.path < r.path {
                bytes += l.bytes
                left = left.dropFirst()
            } else {
                bytes += r.bytes
                right = right.dropFirst()
            }
        }
        for line in left { bytes += line.bytes }
        for line in right { bytes += line.bytes }
        return Data(bytes)
    }

    func save(for output: URL) throws {
        try FileWriting.replace(Self.location(for: output).path, with: data)
    }
}
