import ArgumentParser
import DossierKit
import DossierServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when files change.",
        discussion: """
        Builds into the output folder as `dossier build` does, serves it at http://127.0.0.1:PORT/ \
        (never on other network interfaces), watches dossier.yml, Content/ and Themes/, rebuilds \
        after every change and reloads the open pages. A failed build keeps the last good site \
        served: its report is printed here and shown over the page. Stop with Ctrl-C.

        Example:
          dossier serve --port 8080 --as-of 2026-11-22
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Port on 127.0.0.1 (1-65535).")
    var port: Int = 8000

    @Option(name: .long, help: "Folder to write the site into (default: Output/ in the site root).")
    var output: String?

    @OptionGroup var render: RenderOptions

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be between 1 and 65535, not \(port)")
        }
    }

    func run() throws {
        var options = Pipeline.BuildOptions(root: site.root, output: output, asOf: try site.resolveAsOf())
        render.apply(to: &options)
        // A folder that is not a site at all is bad usage; a site that merely fails to build is
        // served and reported, since fixing it is what serve is for.
        let root = site.root.isEmpty ? "." : site.root
        guard FileManager.default.fileExists(atPath: root + "/" + SiteConfig.fileName) else {
            throw exitForEnvironment(DossierError.missingConfig(path: root))
        }
        let colour = isatty(STDOUT_FILENO) == 1
        let session: ServeSession
        do {
            session = try ServeSession(output: options.output, port: UInt16(port), rebuilder: .full(options),
                                       watcher: .site(root: site.root), colour: colour, log: Self.write)
        } catch {
            throw exitForEnvironment(error)
        }
        let stopped = DispatchSemaphore(value: 0)
        let startup = StartupFailure()
        let signals = Self.onInterrupt {
            Task {
                await session.stop()
                stopped.signal()
            }
        }
        Task {
            do {
                _ = try await session.start()
            } catch {
                startup.error = error
                stopped.signal()
            }
        }
        stopped.wait()
        withExtendedLifetime(signals) {}
        if let error = startup.error { throw exitForEnvironment(error) }
        Self.write("stopped\n")
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Ctrl-C and SIGTERM stop the server cleanly (a build in progress finishes its swap first).
    private static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}

/// Written once by the start task before it signals the semaphore the main thread waits on.
private final class StartupFailure: @unchecked Sendable {
    var error: (any Error)?
}
