import Foundation

/// The text the commands print besides the check report: the progress line, `--verbose` stage
/// lines, `--quiet` output and the build summary. Pure functions of what happened and the times the
/// command measured, so tests need neither a terminal nor a clock.
public enum CommandOutput {
    /// How much a command prints: `--quiet`, normal, `--verbose`.
    public enum Verbosity: Sendable, Equatable {
        case quiet, normal, verbose
    }

    /// Builds shorter than this show no progress line: it would only flicker.
    public static let progressDelay = 1.0

    /// Whether to draw the updating progress line: only on a terminal, only when neither quiet nor
    /// verbose (which prints a plain line per stage instead), and only once the run is slow.
    public static func showsProgressLine(verbosity: Verbosity, isTerminal: Bool, elapsed: Double) -> Bool {
        verbosity == .normal && isTerminal && elapsed >= progressDelay
    }

    /// The one-line progress of a running command, e.g. `[4/6] render · 275 entries shown · 2.4 s`:
    /// the running stage, its place among the command's stages, the last count known, the time so far.
    public static func progressLine(stage: PipelineProgress.Stage, of stages: [PipelineProgress.Stage],
                                    lastCount: (stage: PipelineProgress.Stage, count: Int)?, elapsed: Double) -> String {
        let place = (stages.firstIndex(of: stage).map { $0 + 1 } ?? 0)
        var parts = ["[\(place)/\(stages.count)] \(stage.rawValue)"]
        if let lastCount { parts.append("\(lastCount.count) \(lastCount.stage.unit)") }
        parts.append(seconds(elapsed))
        return parts.joined(separator: " · ")
    }

    /// `--verbose`: one aligned line per finished stage, e.g. `parse      275 entries        0.31 s`.
    public static func stageLine(_ stage: PipelineProgress.Stage, count: Int, seconds duration: Double) -> String {
        let name = stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        let counted = "\(count) \(stage.unit)".padding(toLength: 20, withPad: " ", startingAt: 0)
        return "\(name) \(counted) \(seconds(duration))"
    }

    /// `--verbose`: the last line, aligned with the stage lines.
    public static func totalLine(seconds duration: Double) -> String {
        "total".padding(toLength: 9, withPad: " ", startingAt: 0) + " " + String(repeating: " ", count: 20) + " " + seconds(duration)
    }

    /// A duration for people: `0.04 s`, `1.3 s`, `42 s`.
    public static func seconds(_ value: Double) -> String {
        let value = max(0, value)
        if value < 1 { return String(format: "%.2f s", value) }
        if value < 10 { return String(format: "%.1f s", value) }
        return String(format: "%.0f s", value)
    }

    /// The last line of a good build: `wrote 416 files to Output with profile public`.
    public static func buildSummary(written: Int, output: String, profile: String?) -> String {
        "wrote \(written) file\(written == 1 ? "" : "s") to \(output)" + (profile.map { " with profile \($0)" } ?? "")
    }

    /// `--quiet`: only the findings that fail the run (errors, and warnings under `--strict`), each
    /// with its hint, then one failure line naming what failed. Empty when nothing failed.
    public static func quietReport(_ diagnostics: [Diagnostic], strict: Bool, command: String, failure: String) -> String {
        let failing = diagnostics.filter { $0.severity == .error || (strict && $0.severity == .warning) }
        guard !failing.isEmpty else { return "" }
        var lines: [String] = []
        for diagnostic in failing {
            lines.append(diagnostic.formatted)
            if let hint = diagnostic.hint { lines.append("  hint: \(hint)") }
        }
        let errors = failing.errorCount, warnings = failing.warningCount
        var counts = ["\(errors) error\(errors == 1 ? "" : "s")"]
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s") (--strict)") }
        lines.append("\(command) failed: \(counts.joined(separator: ", "))\(failure.isEmpty ? "" : "; " + failure)")
        return lines.joined(separator: "\n") + "\n"
    }
}
