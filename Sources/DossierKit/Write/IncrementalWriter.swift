import Foundation

extension OutputWriter {
    /// Brings an output folder that Dossier wrote before up to date in place: writes the files whose
    /// bytes changed (each through a temporary file and a rename, so no file is ever half-written),
    /// leaves `kept` files (entry pages whose inputs did not change) and unchanged files alone, and
    /// removes the files of the previous build that this build no longer produces.
    ///
    /// Only called after the whole site rendered without error, so a failed build still changes
    /// nothing. Returns the new cache, or nil when the folder is not one to update in place (no
    /// marker, missing): the caller then writes the whole site the usual way.
    func update(_ files: [OutputFile], kept: [String: String], inputs: [String: String], previous: BuildCache) throws -> BuildCache? {
        try checkTarget()
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.appendingPathComponent(Self.marker).path) else { return nil }
        var cache = BuildCache(files: files, inputs: inputs)
        var made: Set<String> = []
        for file in files {
            guard Self.isSafe(file.path) else { throw DossierError.output("refusing to write unsafe path \(file.path)") }
            let url = output.appendingPathComponent(file.path)
            if previous.items[file.path]?.content == cache.items[file.path]?.content, manager.fileExists(atPath: url.path) { continue }
            let folder = url.deletingLastPathComponent().path
            if made.insert(folder).inserted { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try FileWriting.replace(url.path, with: file)
        }
        for (path, inputs) in kept {
            guard let item = previous.items[path] else { continue }
            cache.items[path] = BuildCache.Item(inputs: inputs, content: item.content)
        }
        for path in previous.items.keys where cache.items[path] == nil && Self.isSafe(path) {
            try? manager.removeItem(at: output.appendingPathComponent(path))
        }
        return cache
    }
}
