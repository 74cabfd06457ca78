import Foundation

/// Finds and runs external programs. A struct of closures, like `FileSystem`, so the choice of
/// PDF engine and its command lines are tested without running anything.
public struct ProcessRunner: Sendable {
    public struct Result: Sendable, Equatable {
        public var status: Int32
        /// Standard output and standard error together.
        public var output: String

        public init(status: Int32, output: String) {
            self.status = status
            self.output = output
        }
    }

    /// The full path of a program on `PATH`, or nil.
    public var find: @Sendable (_ name: String) -> String?
    /// Runs a program to completion (or until `timeout` seconds pass, then stops it).
    public var run: @Sendable (_ executable: String, _ arguments: [String], _ timeout: Double) throws -> Result

    public init(find: @escaping @Sendable (String) -> String?,
                run: @escaping @Sendable (String, [String], Double) throws -> Result) {
        self.find = find
        self.run = run
    }

    /// The real `PATH` and `Process`.
    public static let local = ProcessRunner(
        find: { name in
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            return nil
        },
        run: { executable, arguments, timeout in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Read while it runs: a full pipe would otherwise stop the program.
            let collected = OutputCollector()
            let reader = Thread { collected.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
            reader.start()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            var timedOut = false
            if process.isRunning {
                timedOut = true
                process.terminate()
            }
            process.waitUntilExit()
            let data = collected.wait()
            var output = String(decoding: data, as: UTF8.self)
            if timedOut { output += "\n(stopped after \(Int(timeout)) seconds)" }
            return Result(status: timedOut ? -1 : process.terminationStatus, output: output)
        }
    )
}

/// The output a reader thread collects, handed over once.
private final class OutputCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
