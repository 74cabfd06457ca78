import ArgumentParser
import DossierKit
import Foundation

/// `--quiet` and `--verbose`, shared by the commands that run the pipeline.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only what fails the run (errors, and warnings with --strict) and the failure line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each stage with its count and time (on stderr).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together: choose one") }
    }

    var verbosity: CommandOutput.Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}

/// Shows the pipeline's progress on stderr: with `--verbose` a plain line per finished stage; else,
/// on a terminal, one line redrawn in place once the run has taken more than a second (fast runs
/// print nothing). Events arrive on the pipeline's thread, redraws on a timer's; a lock keeps them apart.
final class ProgressDisplay: @unchecked Sendable {
    private let verbosity: CommandOutput.Verbosity
    private let stages: [PipelineProgress.Stage]
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private let lock = NSLock()
    private var running: (stage: PipelineProgress.Stage, since: Date)?
    private var lastCount: (stage: PipelineProgress.Stage, count: Int)?
    private var drawn = false
    private var done = false
    private var timer: DispatchSourceTimer?

    init(verbosity: CommandOutput.Verbosity, stages: [PipelineProgress.Stage]) {
        self.verbosity = verbosity
        self.stages = stages
        if verbosity == .normal && isTerminal {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "dossier.progress"))
            timer.schedule(deadline: .now() + CommandOutput.progressDelay, repeating: 0.1)
            timer.setEventHandler { [weak self] in self?.redraw() }
            timer.resume()
            self.timer = timer
        }
    }

    /// The handler to give the pipeline.
    var handler: PipelineProgress.Handler { { [self] event in self.handle(event) } }

    /// The seconds since the display was made.
    var elapsed: Double { Date().timeIntervalSince(start) }

    private func handle(_ event: PipelineProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .started(stage):
            running = (stage, Date())
        case let .finished(stage, count):
            if verbosity == .verbose {
                let seconds = running.map { Date().timeIntervalSince($0.since) } ?? 0
                write(CommandOutput.stageLine(stage, count: count, seconds: seconds) + "\n")
            }
            running = nil
            lastCount = (stage, count)
        }
    }

    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        guard !done, let running, CommandOutput.showsProgressLine(verbosity: verbosity, isTerminal: isTerminal, elapsed: elapsed) else { return }
        let line = CommandOutput.progressLine(stage: running.stage, of: stages, lastCount: lastCount, elapsed: elapsed)
        write("\r\u{1B}[2K" + line)
        drawn = true
    }

    /// Stops the timer and clears the progress line, before the command prints its report.
    func finish() {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        timer = nil
        done = true
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
        if verbosity == .verbose { write(CommandOutput.totalLine(seconds: elapsed) + "\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
