import Foundation

/// A file of the generated site: its path under the output folder and its bytes.
///
/// The bytes stay in the form they were made in: a `Data` (theme assets, attachments) or the array
/// the renderer wrote them into. `Data(array)` copied every page, and the 20 MB search index and
/// 17 MB data export at 10 000 records, into fresh memory the kernel had to fault in (about 9,000 of
/// a build's 54,000 page faults); writers and fingerprints read the bytes in place
/// (`withUnsafeBytes`), and only `data` makes a `Data` of an array.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    private var content: Content

    private enum Content: Sendable {
        case data(Data)
        case bytes([UInt8])
    }

    public init(path: String, data: Data) {
        self.path = path
        content = .data(data)
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// Keeps `bytes` as they are (no copy).
    init(path: String, bytes: [UInt8]) {
        self.path = path
        content = .bytes(bytes)
    }

    /// Takes over the buffer's memory (no copy).
    init(path: String, buffer: consuming ByteBuffer) {
        self.path = path
        content = .data(buffer.data())
    }

    public var data: Data {
        get {
            switch content {
            case let .data(data): return data
            case let .bytes(bytes): return Data(bytes)
            }
        }
        set { content = .data(newValue) }
    }

    /// Calls `body` with the file's bytes, without copying them.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch content {
        case let .data(data): return try data.withUnsafeBytes(body)
        case let .bytes(bytes): return try bytes.withUnsafeBytes(body)
        }
    }

    public static func == (lhs: OutputFile, rhs: OutputFile) -> Bool {
        lhs.path == rhs.path && lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { left.elementsEqual($0) } }
    }
}
