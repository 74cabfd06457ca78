import DossierKit
import Foundation

/// The one place `serve` builds the site. `rebuild` gets the site-relative paths that changed
/// since the last build (empty for the first build), so an incremental build can take the place
/// of the full one here without touching the server or the watcher.
public struct Rebuilder: Sendable {
    public var rebuild: @Sendable (_ changed: [String]) throws -> Pipeline.BuildResult
    /// The pages of the changed files alone, rendered ahead of `rebuild` (nil: none can be).
    public var preview: @Sendable (_ changed: [String]) -> [OutputFile]?

    public init(rebuild: @escaping @Sendable (_ changed: [String]) throws -> Pipeline.BuildResult,
                preview: @escaping @Sendable (_ changed: [String]) -> [OutputFile]? = { _ in nil }) {
        self.rebuild = rebuild
        self.preview = preview
    }

    /// A build with `options` as `dossier build` runs it; the first one whole, the next ones
    /// incremental (only entry pages whose inputs changed are rendered again; the output is the same).
    /// Edited files' pages are previewed from the last good build (`PagePreview`).
    public static func full(_ options: Pipeline.BuildOptions, fileSystem: FileSystem = .local) -> Rebuilder {
        let cache = ParseCache()
        let lastGood = LastGoodBuild()
        return Rebuilder(rebuild: { changed in
            var options = options
            options.parseCache = cache
            options.incremental = !changed.isEmpty
            options.writesCache = true
            options.keepsPreview = true
            let result = try Pipeline.build(options, fileSystem: fileSystem)
            if result.written != nil { lastGood.preview = result.preview }
            return result
        }, preview: { changed in
            lastGood.preview?.pages(for: changed, fileSystem: fileSystem)
        })
    }

    /// Builds and sorts the result into what the terminal and the pages are told; never throws.
    public func run(changed: [String]) -> BuildOutcome {
        do {
            let result = try rebuild(changed)
            let report = CheckReport(diagnostics: result.check.diagnostics, asOf: result.check.asOf,
                                     fileCount: result.check.fileCount)
            if let written = result.written { return .built(report: report, written: written) }
            return .failed(report: report)
        } catch {
            return .broken(message: "\(error)")
        }
    }
}

/// The preview of the last build that wrote the site, shared by a `Rebuilder`'s two closures.
private final class LastGoodBuild: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: PagePreview?

    var preview: PagePreview? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// How one build went.
public enum BuildOutcome: Sendable {
    /// The site was written (its report may hold warnings).
    case built(report: CheckReport, written: Int)
    /// Validation failed: nothing was written, the last good site stays.
    case failed(report: CheckReport)
    /// The pipeline could not run (unusable config, broken theme, unwritable output).
    case broken(message: String)

    public var succeeded: Bool {
        if case .built = self { return true }
        return false
    }

    /// What the terminal shows: the compiler-style report, then one line on the outcome.
    public func terminalText(output: String, colour: Bool) -> String {
        switch self {
        case let .built(report, written):
            return report.human(colour: colour) + "wrote \(written) files to \(output)\n"
        case let .failed(report):
            return report.human(colour: colour) + "build failed: still serving the last good site\n"
        case let .broken(message):
            return "error: \(message)\nbuild failed: still serving the last good site\n"
        }
    }

    /// What the open pages show over the last good site (plain text), nil after a good build.
    public var pageText: String? {
        switch self {
        case .built: return nil
        case let .failed(report): return report.human(colour: false)
        case let .broken(message): return "error: \(message)\n"
        }
    }
}
