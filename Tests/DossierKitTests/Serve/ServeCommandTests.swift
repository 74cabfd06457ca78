import XCTest
@testable import DossierKit

/// `dossier serve` as a user runs it: arguments, a busy port, and a real run stopped with Ctrl-C.
final class ServeCommandTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try Fixtures.smallSiteOnDisk() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func run(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(try BuiltExecutable.dossier, arguments, in: root)
    }

    func testBadArgumentsExitTwo() throws {
        for port in ["0", "65536", "-1", "http"] {
            let result = try run(["serve", "--port", port])
            XCTAssertEqual(result.status, 2, "\(port): \(result.output)")
            XCTAssertTrue(result.output.contains("--port"), result.output)
        }
        let profile = try run(["serve", "--profile", " "])
        XCTAssertEqual(profile.status, 2, profile.output)
        XCTAssertTrue(profile.output.contains("--profile needs a profile name"), profile.output)
    }

    func testBusyPortExitsTwoWithAClearMessage() throws {
        let (socket, port) = try HTTPTestClient.occupyPort()
        defer { close(socket) }
        let result = try run(["serve", "--port", String(port), "--as-of", "2026-11-22"])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("port \(port) is already in use"), result.output)
    }

    func testNotASiteExitsTwo() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("dossier.yml"))
        let result = try run(["serve", "--port", "8000"])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("dossier.yml"), result.output)
    }

    func testServesUntilInterrupted() throws {
        let (socket, port) = try HTTPTestClient.occupyPort()
        close(socket)  // a port that was free a moment ago
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.dossier)
        process.arguments = ["serve", "--port", String(port), "--as-of", "2026-11-22"]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }

        let client = HTTPTestClient(port: port)
        let deadline = Date().addingTimeInterval(30)
        var home: HTTPTestClient.Response?
        while Date() < deadline {
            if let response = try? client.get("/"), response.status == 200 { home = response; break }
            usleep(50_000)
        }
        XCTAssertNotNil(home, "the server never answered")
        XCTAssertTrue(home?.text.contains("/__dossier/live.js") == true)
        let onDisk = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("__dossier"))

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("serving Output at http://127.0.0.1:\(port)/"), output)
        XCTAssertTrue(output.contains("0 errors"), output)
        XCTAssertTrue(output.contains("stopped"), output)
    }
}
