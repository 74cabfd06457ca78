import Foundation

/// Prints HTML pages of the built site to PDF with whichever engine is installed: WeasyPrint
/// (preferred: it implements the paged-media parts of `print.css`, the running chapter header and
/// contents page numbers) or headless Chromium (page numbers in the margins, no running header).
public struct PDFPrinter: Sendable {
    public enum Engine: Equatable, Sendable {
        case weasyprint(path: String)
        case chromium(path: String)

        public var name: String {
            switch self {
            case .weasyprint: return "WeasyPrint"
            case .chromium: return "Chromium"
            }
        }
    }

    /// Which engine to use: the first installed, or one named on the command line.
    public enum Choice: String, Sendable, CaseIterable {
        case auto, weasyprint, chromium
    }

    static let weasyprintNames = ["weasyprint"]
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let installHint = "install one: `apt-get install chromium fonts-noto-cjk` (Debian) or `pip install weasyprint`"

    public var runner: ProcessRunner
    /// Seconds one page may take before the engine is stopped.
    public var timeout: Double = 180

    public init(runner: ProcessRunner = .local) { self.runner = runner }

    /// The engine for `choice`, or a `PDFError` that says what to install.
    public func engine(_ choice: Choice = .auto) throws -> Engine {
        let weasyprint = Self.weasyprintNames.lazy.compactMap(runner.find).first.map { Engine.weasyprint(path: $0) }
        let chromium = Self.chromiumNames.lazy.compactMap(runner.find).first.map { Engine.chromium(path: $0) }
        switch choice {
        case .auto:
            if let found = weasyprint ?? chromium { return found }
            throw PDFError.noEngine("no PDF engine found (looked for weasyprint and chromium on PATH): \(Self.installHint)")
        case .weasyprint:
            if let weasyprint { return weasyprint }
            throw PDFError.noEngine("weasyprint is not installed: `pip install weasyprint`, or leave out --engine to use chromium")
        case .chromium:
            if let chromium { return chromium }
            throw PDFError.noEngine("chromium is not installed: `apt-get install chromium fonts-noto-cjk`, or leave out --engine to use weasyprint")
        }
    }

    /// The command line that prints `page` (a file URL) to `pdf`. `profile` is a scratch folder
    /// for Chromium's user data, so it never touches a profile of the person running it.
    public static func arguments(for engine: Engine, page: URL, pdf: String, profile: String) -> [String] {
        switch engine {
        case .weasyprint:
            return [page.absoluteString, pdf]
        case .chromium:
            // --no-sandbox: Chromium's sandbox cannot start as root or in most containers; the page
            // is the site just built from local files, with raw HTML off unless the config allows it.
            return ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--no-default-browser-check", "--user-data-dir=\(profile)", "--no-pdf-header-footer",
                    "--print-to-pdf=\(pdf)", page.absoluteString]
        }
    }

    /// Prints `page` to `pdf`, writing a temporary file beside it first and moving it into place,
    /// so a failed print leaves an earlier PDF as it was.
    public func print(page: URL, to pdf: URL, engine: Engine) throws {
        let manager = FileManager.default
        let folder = pdf.deletingLastPathComponent()
        let partial = folder.appendingPathComponent(".\(pdf.lastPathComponent).partial-\(UUID().uuidString.prefix(8)).pdf")
        let profile = manager.temporaryDirectory.appendingPathComponent("dossier-pdf-profile-\(UUID().uuidString)")
        defer {
            try? manager.removeItem(at: partial)
            try? manager.removeItem(at: profile)
        }
        let arguments = Self.arguments(for: engine, page: page, pdf: partial.path, profile: profile.path)
        let executable: String
        switch engine {
        case let .weasyprint(path), let .chromium(path): executable = path
        }
        let result = try runner.run(executable, arguments, timeout)
        guard result.status == 0, Self.isPDF(manager.contents(atPath: partial.path)) else {
            let detail = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw PDFError.engineFailed("\(engine.name) could not print \(page.lastPathComponent) (exit \(result.status))"
                + (detail.isEmpty ? "" : ":\n" + String(detail.suffix(2000))))
        }
        if manager.fileExists(atPath: pdf.path) { try manager.removeItem(at: pdf) }
        try manager.moveItem(at: partial, to: pdf)
    }

    static func isPDF(_ data: Data?) -> Bool {
        guard let data else { return false }
        return data.starts(with: Array("%PDF-".utf8))
    }

    /// Where the procedures go when the manual goes to `manual`: `<stem>-procedures.pdf` beside it.
    public static func proceduresFile(besides manual: URL) -> URL {
        let stem = manual.deletingPathExtension().lastPathComponent
        return manual.deletingLastPathComponent().appendingPathComponent("\(stem)-procedures.pdf")
    }

    /// Refuses a target that is not a `.pdf` name, or an existing file that is not a PDF: `pdf`
    /// replaces earlier PDFs of its own, never other files.
    public static func checkTarget(_ url: URL) throws {
        guard url.pathExtension.lowercased() == "pdf" else {
            throw PDFError.badTarget("\(url.path) does not end in .pdf")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw PDFError.badTarget("\(url.path) is a folder") }
            let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle -> Data? in
                defer { try? handle.close() }
                return try? handle.read(upToCount: 5)
            }
            guard isPDF(head) else { throw PDFError.badTarget("refusing to replace \(url.path): it is not a PDF") }
        }
        guard manager.fileExists(atPath: url.deletingLastPathComponent().path) else {
            throw PDFError.badTarget("no folder \(url.deletingLastPathComponent().path) to write \(url.lastPathComponent) into")
        }
    }
}

/// Why no PDF was made.
public enum PDFError: Error, Equatable, CustomStringConvertible {
    case noEngine(String)
    case engineFailed(String)
    case badTarget(String)

    public var description: String {
        switch self {
        case let .noEngine(message), let .engineFailed(message), let .badTarget(message): return message
        }
    }
}
