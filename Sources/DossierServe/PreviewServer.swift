import DossierKit
import FlyingFox
import FlyingSocks
import Foundation

/// Why the server could not start.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    case portInUse(UInt16)
    case cannotListen(port: UInt16, reason: String)

    public var description: String {
        switch self {
        case let .portInUse(port):
            return "port \(port) is already in use on 127.0.0.1: stop the program using it or choose another with --port"
        case let .cannotListen(port, reason):
            return "cannot listen on 127.0.0.1:\(port): \(reason)"
        }
    }
}

/// The HTTP side of `serve`: the output folder, the live-reload script and the event stream, on
/// 127.0.0.1 only (the preview is for the person at the machine; nothing is exposed to the network).
public actor PreviewServer {
    private let server: HTTPServer
    private let requestedPort: UInt16
    private var runTask: Task<Void, Never>?
    private var failure: (any Error)?

    /// `port` 0 takes any free port (tests); `start()` returns the one taken.
    init(output: String, port: UInt16, events: BuildEvents, pending: PendingPages = PendingPages(),
         fileSystem: FileSystem = .local) throws {
        requestedPort = port
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let files = SiteFiles(output: output, fileSystem: fileSystem, pending: pending)
        server = HTTPServer(address: address, logger: .disabled, handler: PreviewHandler(files: files, events: events))
    }

    /// Binds and starts serving; returns the port. Throws `ServeError` when the port cannot be used.
    public func start() async throws -> UInt16 {
        let server = self.server
        runTask = Task {
            do { try await server.run() } catch { self.failed(error) }
        }
        // `run()` either starts listening or fails at once (bind); wait for whichever comes first.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while clock.now < deadline {
            if let failure { throw Self.explain(failure, port: requestedPort) }
            if await server.isListening, let address = await server.listeningAddress, case let .ip4(_, port) = address {
                return port
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw ServeError.cannotListen(port: requestedPort, reason: "the server did not start listening")
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        await server.stop(timeout: 0)
        runTask?.cancel()
        await runTask?.value
    }

    private func failed(_ error: any Error) { failure = error }

    static func explain(_ error: any Error, port: UInt16) -> ServeError {
        if case let SocketError.failed(_, code, message) = error {
            return code == EADDRINUSE ? .portInUse(port) : .cannotListen(port: port, reason: message)
        }
        return .cannotListen(port: port, reason: "\(error)")
    }
}

/// Routes the two live-reload paths and hands everything else to `SiteFiles`.
struct PreviewHandler: HTTPHandler {
    let files: SiteFiles
    let events: BuildEvents

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The target as sent, only percent-decoded: FlyingFox's `path` is also standardized, which
        // drops the trailing slash that tells a folder from a file. `SiteFiles` does its own checks.
        let path = request.target.path(percentEncoded: false)
        switch path {
        case LiveReload.eventsPath where request.method == .GET:
            let stream = await events.subscribe()
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventStreamBody(events: stream), suggestedBufferSize: 4096))
        case LiveReload.scriptPath:
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(LiveReload.script.utf8))
        default:
            var answer = files.respond(method: request.method.rawValue, path: path)
            if answer.status == 404 || answer.status == 200, await outputIsBeingSwapped() {
                // A build swaps the new site in by renaming folders: for a moment the output folder
                // is missing. Wait for the swap rather than answer 404 for a page that exists.
                answer = files.respond(method: request.method.rawValue, path: path)
            }
            var headers = HTTPHeaders()
            for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
            if request.method == .HEAD {
                headers[.contentLength] = String(answer.body.count)
                return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
                                    headers: headers, body: Data())
            }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
                                headers: headers, body: answer.body)
        }
    }

    /// True when the output folder was missing and came back within a short wait.
    private func outputIsBeingSwapped() async -> Bool {
        guard files.fileSystem.kind(files.output) == .missing else { return false }
        for _ in 0..<40 {
            try? await Task.sleep(for: .milliseconds(10))
            if files.fileSystem.kind(files.output) == .directory { return true }
        }
        return false
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        default: return "Status \(status)"
        }
    }
}
