import Foundation

/// Writes a file with plain POSIX calls. Foundation's `Data.write(to:)` on Linux syncs every file to
/// disk (`fsync`), which turned writing a 10 000-page site into minutes of waiting on the disk; the
/// site's safety comes from the staging folder and the swap (or, in place, from write-then-rename),
/// not from syncing each page.
enum FileWriting {
    static func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes the file's bytes in place (no copy into a `Data`).
    static func write(_ file: OutputFile, to path: String) throws {
        try file.withUnsafeBytes { try write($0, to: path) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DossierError.output("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw DossierError.output("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Writes beside `path` and renames over it, so a reader never sees half a file.
    static func replace(_ path: String, with data: Data) throws {
        try data.withUnsafeBytes { try replace(path, with: $0) }
    }

    static func replace(_ path: String, with file: OutputFile) throws {
        try file.withUnsafeBytes { try replace(path, with: $0) }
    }

    private static func replace(_ path: String, with buffer: UnsafeRawBufferPointer) throws {
        let temporary = path + ".dossier-tmp-\(getpid())"
        do {
            try write(buffer, to: temporary)
            guard rename(temporary, path) == 0 else {
                throw DossierError.output("cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
