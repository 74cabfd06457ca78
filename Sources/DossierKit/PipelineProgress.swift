/// What the pipeline tells a caller while it runs, so that the command line can show progress on a
/// terminal and per-stage timings with `--verbose`. The pipeline reports events only; timing them
/// and drawing them is the caller's business (`ProgressText`).
public enum PipelineProgress: Sendable, Equatable {
    public enum Stage: String, Sendable, CaseIterable {
        case load, parse, validate, profile, render, write

        /// What `count` of a finished stage counts.
        public var unit: String {
            switch self {
            case .load: return "files"
            case .parse: return "entries"
            case .validate: return "findings"
            case .profile: return "entries shown"
            case .render: return "files"
            case .write: return "files"
            }
        }
    }

    case started(Stage)
    /// The stage is done; `count` is what it produced (files read, entries parsed, ...).
    case finished(Stage, count: Int)

    public typealias Handler = @Sendable (PipelineProgress) -> Void
}

/// Runs a stage between its `started` and `finished` events.
struct ProgressReporter: Sendable {
    let handler: PipelineProgress.Handler?

    init(_ handler: PipelineProgress.Handler?) { self.handler = handler }

    func run<T: StageOutput>(_ stage: PipelineProgress.Stage, _ work: () throws -> T) rethrows -> T {
        guard let handler else { return try work() }
        handler(.started(stage))
        let result = try work()
        handler(.finished(stage, count: result.stageCount))
        return result
    }

    func run(_ stage: PipelineProgress.Stage, count: Int, _ work: () throws -> Void) rethrows {
        handler?(.started(stage))
        try work()
        handler?(.finished(stage, count: count))
    }
}

/// What a stage's result counts for progress reports.
protocol StageOutput {
    var stageCount: Int { get }
}

extension SiteSource: StageOutput { var stageCount: Int { files.count } }
extension SiteParser.Result: StageOutput { var stageCount: Int { site.entries.count } }
extension ProfileFilter.Result: StageOutput { var stageCount: Int { site.entries.count } }
extension Array: StageOutput { var stageCount: Int { count } }

/// What validation found, counted by its findings.
struct Validated: StageOutput {
    var diagnostics: [Diagnostic]
    var coverage: [ChecklistCoverage]?
    init(_ result: (diagnostics: [Diagnostic], coverage: [ChecklistCoverage]?)) {
        (diagnostics, coverage) = result
    }
    var stageCount: Int { diagnostics.count }
}
