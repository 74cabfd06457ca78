import CCmark
import Foundation

/// A bump allocator for the cmark trees of one document, handed to cmark as its `cmark_mem`.
///
/// cmark allocates every node, literal and buffer on its own (calloc, realloc, free): 345 M of the
/// 3,493 M instructions of `dossier check` at 10k records, plus 80 M in `cmark_node_free`. Here
/// `calloc` bumps a pointer in malloc'd chunks, `realloc` grows the last block in place, `free` does
/// nothing (except give back the last block), and the whole document's memory goes in one go when
/// `CmarkTree.withDocument` returns, instead of `cmark_node_free` walking the tree.
///
/// cmark's allocator functions get no context, so the arena in use is found through a thread-specific
/// value that `withArena` sets for the duration of its closure (a parse is synchronous and its nodes
/// never leave the closure). Nested parses (table cells) and every node Dossier makes (`CmarkNode.make`)
/// use `CmarkArena.mem`, the allocator of the document being worked on, so that all nodes of one tree
/// share an allocator: moving nodes between a cell's parse and the document is safe, nothing leaks, and
/// nothing is freed by the wrong allocator. Documents above `largestDocument` bytes are parsed with
/// cmark's default allocator (memory freed while parsing is then given back), and so are their
/// nested parses.
enum CmarkArena {
    /// Bodies larger than this use cmark's default allocator: the arena keeps what cmark frees while
    /// parsing until the end of the document (about 20× the body's size), which is nothing at a few KB.
    static let largestDocument = 1 << 20

    /// The state of one arena: a chain of chunks (each starts with a pointer to the previous one).
    struct State {
        /// The allocator nodes get: the arena's, or cmark's default one for large documents.
        var mem: UnsafeMutablePointer<cmark_mem>
        var chunk: UnsafeMutableRawPointer?
        var next: UnsafeMutableRawPointer?
        var end: UnsafeMutableRawPointer?
        /// The block allocated last, which `realloc` can grow and `free` can give back.
        var last: UnsafeMutableRawPointer?
        var nextChunkSize: Int
        /// Chunks taken, for the tests.
        var chunkCount = 0
    }

    /// Every block starts after a header holding its size, and is 16-byte aligned like malloc's.
    static let headerSize = 16
    static let alignment = 16
    static let largestChunk = 1 << 20

    /// The allocator of the document being parsed on this thread; cmark's default one outside.
    static var mem: UnsafeMutablePointer<cmark_mem> {
        current?.pointee.mem ?? cmark_get_default_mem_allocator()
    }

    /// Whether a document is being worked on on this thread (nested parses then share its allocator).
    static var isActive: Bool { current != nil }

    /// Runs `body` with a fresh arena (or, when `bytes` is above `largestDocument`, with cmark's default
    /// allocator) as the thread's allocator for cmark; all its memory is released when `body` returns.
    static func withArena<R>(forDocumentOf bytes: Int, _ body: (UnsafeMutablePointer<cmark_mem>) -> R) -> R {
        let useArena = bytes <= largestDocument
        let mem = useArena ? arenaMem.pointer : cmark_get_default_mem_allocator()!
        var state = State(mem: mem, nextChunkSize: max(16 << 10, min(bytes, largestChunk / 16) * 16))
        return withUnsafeMutablePointer(to: &state) { pointer in
            let previous = pthread_getspecific(key)
            pthread_setspecific(key, pointer)
            defer {
                pthread_setspecific(key, previous)
                releaseChunks(pointer)
            }
            return body(mem)
        }
    }

    /// Chunks taken by the thread's current arena (tests only).
    static var chunkCount: Int? {
        current?.pointee.chunkCount
    }

    // MARK: The allocator

    private static var current: UnsafeMutablePointer<State>? {
        pthread_getspecific(key)?.assumingMemoryBound(to: State.self)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The `cmark_mem` whose functions use the thread's arena; set once, never changed.
    private struct MemBox: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<cmark_mem>
    }

    private static let arenaMem: MemBox = {
        let pointer = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        pointer.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow else { return nil }
                guard let state = current else { return Foundation.calloc(count, size) }
                guard let block = allocate(bytes, in: state) else { return nil }
                memset(block, 0, bytes)
                return block
            },
            realloc: { block, size in
                guard let state = current else { return Foundation.realloc(block, size) }
                return reallocate(block, to: size, in: state)
            },
            free: { block in
                // Only the last block can be given back; the rest goes with the arena.
                guard let block, let state = current, block == state.pointee.last else { return }
                state.pointee.next = block - headerSize
                state.pointee.last = nil
            }))
        return MemBox(pointer: pointer)
    }()

    private static func roundUp(_ size: Int) -> Int {
        (size + alignment - 1) & ~(alignment - 1)
    }

    private static func allocate(_ size: Int, in state: UnsafeMutablePointer<State>) -> UnsafeMutableRawPointer? {
        guard size >= 0, size <= Int.max / 2 else { return nil }
        let needed = headerSize + roundUp(max(size, 1))
        if let next = state.pointee.next, let end = state.pointee.end, end - next >= needed {
            return place(size, needed: needed, at: next, in: state)
        }
        // A new chunk: its first 16 bytes link to the previous chunk.
        let chunkSize = max(state.pointee.nextChunkSize, needed + alignment)
        guard let chunk = malloc(chunkSize) else { return nil }
        chunk.storeBytes(of: state.pointee.chunk, as: UnsafeMutableRawPointer?.self)
        state.pointee.chunk = chunk
        state.pointee.end = chunk + chunkSize
        state.pointee.nextChunkSize = min(state.pointee.nextChunkSize * 2, largestChunk)
        state.pointee.chunkCount += 1
        return place(size, needed: needed, at: chunk + alignment, in: state)
    }

    private static func place(_ size: Int, needed: Int, at start: UnsafeMutableRawPointer,
                              in state: UnsafeMutablePointer<State>) -> UnsafeMutableRawPointer {
        start.storeBytes(of: size, as: Int.self)
        let block = start + headerSize
        state.pointee.next = start + needed
        state.pointee.last = block
        return block
    }

    private static func reallocate(_ block: UnsafeMutableRawPointer?, to size: Int,
                                   in state: UnsafeMutablePointer<State>) -> UnsafeMutableRawPointer? {
        guard let block else { return allocate(size, in: state) }
        if block == state.pointee.last, let end = state.pointee.end, size >= 0, size <= Int.max / 2,
           end - block >= roundUp(max(size, 1)) {
            // The last block grows (or shrinks) where it is.
            (block - headerSize).storeBytes(of: size, as: Int.self)
            state.pointee.next = block + roundUp(max(size, 1))
            return block
        }
        let oldSize = (block - headerSize).load(as: Int.self)
        guard let moved = allocate(size, in: state) else { return nil }
        memcpy(moved, block, min(oldSize, size))
        return moved
    }

    private static func releaseChunks(_ state: UnsafeMutablePointer<State>) {
        var chunk = state.pointee.chunk
        while let current = chunk {
            chunk = current.load(as: UnsafeMutableRawPointer?.self)
            free(current)
        }
        state.pointee.chunk = nil
    }
}
