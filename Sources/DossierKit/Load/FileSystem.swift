import Foundation

/// All file access of the pipeline goes through this one small type, so that tests can run on
/// in-memory trees and nothing else touches the disk behind the pipeline's back.
public struct FileSystem: Sendable {
    public enum ItemKind: Sendable, Equatable { case file, directory, symlink, missing }

    /// Reads a whole file.
    public var read: @Sendable (_ path: String) throws -> Data
    /// Names inside a directory (not recursive, unsorted).
    public var list: @Sendable (_ path: String) throws -> [String]
    /// What is at a path, without following a symlink.
    public var kind: @Sendable (_ path: String) -> ItemKind
    /// Size in bytes of a file, without reading it.
    public var size: @Sendable (_ path: String) -> Int?
    /// Names inside a directory with what each is (`list`, then `kind` of each, unless the disk tells
    /// both at once).
    public var listKinds: @Sendable (_ path: String) throws -> [(name: String, kind: ItemKind)]
    /// A file's bytes, or its size when that is over `limit` (`size`, then `read`, unless one open does both).
    public var readUnlessLarger: @Sendable (_ path: String, _ limit: Int) throws -> LimitedRead

    /// What `readUnlessLarger` found.
    public enum LimitedRead: Sendable {
        case data(Data)
        case tooLarge(size: Int)
    }

    public init(read: @escaping @Sendable (String) throws -> Data,
                list: @escaping @Sendable (String) throws -> [String],
                kind: @escaping @Sendable (String) -> ItemKind,
                size: @escaping @Sendable (String) -> Int?) {
        self.read = read
        self.list = list
        self.kind = kind
        self.size = size
        self.listKinds = { path in
            let folder = path.hasSuffix("/") ? path : path + "/"
            return try list(path).map { name in (name, kind(folder + name)) }
        }
        self.readUnlessLarger = { path, limit in
            if let size = size(path), size > limit { return .tooLarge(size: size) }
            return .data(try read(path))
        }
    }

    public func exists(_ path: String) -> Bool { kind(path) != .missing }

    /// The real disk.
    public static let local: FileSystem = {
        var local = FileSystem(
            read: { path in try wholeFile(path) ?? Data(contentsOf: URL(fileURLWithPath: path), options: .uncached) },
            list: { path in try FileManager.default.contentsOfDirectory(atPath: path) },
            kind: localKind,
            size: { path in lstatus(path).map { Int($0.st_size) } }
        )
        // The walk of `Content/` took an `lstat` and a `stat` per file, one after another on one core
        // (5 % of `dossier check` on 10 000 records): `readdir` tells the kind, the read's `fstat` the size.
        let listKinds = local.listKinds
        local.listKinds = { path in try directoryEntries(path) ?? listKinds(path) }
        local.readUnlessLarger = { path, limit in
            switch wholeFile(path, limit: limit) {
            case let .data(data)?: return .data(data)
            case let .tooLarge(size)?: return .tooLarge(size: size)
            case nil:
                if let size = lstatus(path).map({ Int($0.st_size) }), size > limit { return .tooLarge(size: size) }
                return .data(try Data(contentsOf: URL(fileURLWithPath: path), options: .uncached))
            }
        }
        return local
    }()

    private static let localKind: @Sendable (String) -> ItemKind = { path in
        guard let status = lstatus(path) else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return .symlink
        case S_IFDIR: return .directory
        default: return .file
        }
    }

    /// Names and kinds from `readdir`, without `.` and `..`; an entry whose kind the file system does
    /// not report (`DT_UNKNOWN`) is asked with `lstat`. nil when the folder cannot be opened (the
    /// caller then asks Foundation, whose error names the problem).
    static func directoryEntries(_ path: String) -> [(name: String, kind: ItemKind)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        let folder = path.hasSuffix("/") ? path : path + "/"
        var entries: [(name: String, kind: ItemKind)] = []
        while let entry = readdir(directory) {
            let (name, type) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), entry.pointee.d_type) }
            }
            if name == "." || name == ".." { continue }
            let kind: ItemKind
            switch Int32(type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = localKind(folder + name)
            default: kind = .file
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// A regular file's bytes with one open, fstat, read and close: `Data(contentsOf:)` first builds a
    /// URL, which stats the path again. nil on any failure or surprise (the file changing size while it
    /// is read), and the caller asks Foundation, whose error message then names the problem.
    static func wholeFile(_ path: String) -> Data? {
        if case let .data(data)? = wholeFile(path, limit: .max) { return data }
        return nil
    }

    /// `wholeFile(_:)`, or only the size when that is over `limit` (the file is then not read).
    static func wholeFile(_ path: String, limit: Int) -> LimitedRead? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size: size) }
        // One byte more than the size is asked for, so that one `read` both reads the file and shows
        // that it ends there: a regular file returns fewer bytes than asked only at its end. A second
        // `read` to see the end was 10,000 system calls of a 10k build.
        // Memory the read fills, not zeroed first: `Data(count:)` set 41 MB to zero at 10k records,
        // touching every page before `read` wrote it.
        guard let buffer = malloc(size + 1) else { return nil }
        let complete = { () -> Bool in
            var done = 0
            while true {
                let count = readBytes(descriptor, buffer + done, size + 1 - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += count
                // Nothing more, or as much as `fstat` promised after a read that returned less than asked.
                if count == 0 || done >= size { break }
            }
            // More than `size`: the file grew since `fstat`; less: it shrank.
            return done == size
        }()
        guard complete else {
            free(buffer)
            return nil
        }
        return .data(Data(bytesNoCopy: buffer, count: size, deallocator: .free))
    }

    /// `lstat(2)` directly: FileManager's attributesOfItem also looks up owner and group names, which
    /// made walking a 10 000-file site a tenth of `dossier check`.
    private static func lstatus(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    /// An in-memory tree: keys are paths (`/site/Content/a.md`), values the bytes. Directories are implied.
    public static func memory(_ files: [String: Data]) -> FileSystem {
        @Sendable func isDirectory(_ path: String) -> Bool {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return files.keys.contains { $0.hasPrefix(prefix) }
        }
        return FileSystem(
            read: { path in
                guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
                return data
            },
            list: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                let names = files.keys.filter { $0.hasPrefix(prefix) }
                    .map { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) ?? "" }
                return Array(Set(names.filter { !$0.isEmpty }))
            },
            kind: { path in files[path] != nil ? .file : (isDirectory(path) ? .directory : .missing) },
            size: { path in files[path]?.count }
        )
    }

    public static func memory(_ texts: [String: String]) -> FileSystem {
        memory(texts.mapValues { Data($0.utf8) })
    }
}

/// `read(2)`; a free function because inside `FileSystem` the name means its `read` property.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
