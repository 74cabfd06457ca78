import XCTest
@testable import DossierKit

/// The built `dossier` executable, beside the test bundle (`swift build --build-tests` builds both).
enum BuiltExecutable {
    static var dossier: String {
        get throws {
            let url = Bundle.main.bundleURL.appendingPathComponent("dossier")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
            for bundle in Bundle.allBundles {
                let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            }
            throw XCTSkip("dossier executable not built")
        }
    }
}

/// `dossier pdf` end to end: headless Chromium prints a small site with a Chinese manual chapter,
/// `pdftotext` reads the titles back (they need fonts-noto-cjk to come out as text).
final class PdfCommandTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.smallSiteOnDisk()
        try Fixtures.write(["Content/manual/MAN-01.md": """
        ---
        id: MAN-01
        title: 质量手册总则
        version: "1.0"
        status: approved
        owner: Bob
        approved_by: Ann
        approved_on: 2026-01-10
        order: 1
        history:
          - { version: "1.0", date: 2026-01-10, by: Bob, change: 首次发布 }
        ---
        ## 目的

        本手册说明服务管理体系。
        """], under: root)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Subprocess.Result {
        try Subprocess.run(try BuiltExecutable.dossier, arguments, in: root, environment: environment)
    }

    private func require(_ tool: String, _ install: String) throws -> String {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(tool)") {
            return "\(folder)/\(tool)"
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(tool) is not installed: `make test` installs \(install)") }
        throw XCTSkip("\(tool) is not installed (\(install))")
    }

    func testChromiumPrintsTheManualAndTheProcedures() throws {
        _ = try require("chromium", "chromium")
        let pdftotext = try require("pdftotext", "poppler-utils")
        let result = try run(["pdf", "--as-of", "2026-11-22", "--engine", "chromium", "--output", "out/handbook.pdf"])
        // --output names a folder that does not exist yet: refused before any work.
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("no folder"), result.output)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
        let printed = try run(["pdf", "--as-of", "2026-11-22", "--engine", "chromium", "--output", "out/handbook.pdf"])
        XCTAssertEqual(printed.status, 0, printed.output)
        XCTAssertTrue(printed.output.contains("(Chromium)"), printed.output)
        let manual = root.appendingPathComponent("out/handbook.pdf"), procedures = root.appendingPathComponent("out/handbook-procedures.pdf")
        for pdf in [manual, procedures] {
            XCTAssertTrue(PDFPrinter.isPDF(try Data(contentsOf: pdf)), pdf.path)
        }
        let manualText = try Subprocess.run(pdftotext, [manual.path, "-"]).output
        XCTAssertTrue(manualText.contains("质量手册总则"), manualText)
        XCTAssertTrue(manualText.contains("本手册说明服务管理体系"), manualText)
        let proceduresText = try Subprocess.run(pdftotext, [procedures.path, "-"]).output
        XCTAssertTrue(proceduresText.contains("Incident procedure"), proceduresText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), "pdf leaves Output/ alone")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("out").path).sorted(),
                       ["handbook-procedures.pdf", "handbook.pdf"], "no partial files left")
    }

    func testWithoutAnyEngineItSaysWhatToInstall() throws {
        let result = try run(["pdf", "--as-of", "2026-11-22"], environment: ["PATH": root.path])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("apt-get install chromium fonts-noto-cjk"), result.output)
        XCTAssertTrue(result.output.contains("weasyprint"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("manual.pdf").path))
    }

    func testBadArgumentsExitTwo() throws {
        let text = try run(["pdf", "--output", "manual.txt"])
        XCTAssertEqual(text.status, 2, text.output)
        XCTAssertTrue(text.output.contains("--output must name a .pdf file"), text.output)
        let engine = try run(["pdf", "--engine", "prince"])
        XCTAssertEqual(engine.status, 2, engine.output)
        // An existing file that is not a PDF is never replaced.
        try Fixtures.write(["notes.pdf": "my notes"], under: root)
        let notes = try run(["pdf", "--as-of", "2026-11-22", "--output", "notes.pdf"])
        if !notes.output.contains("no PDF engine") {
            XCTAssertEqual(notes.status, 2, notes.output)
            XCTAssertTrue(notes.output.contains("it is not a PDF"), notes.output)
        }
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("notes.pdf"), encoding: .utf8), "my notes")
    }

    func testAFailingSiteWritesNoPDF() throws {
        _ = try require("chromium", "chromium")
        try Fixtures.write(["Content/policies/POL-1.md": "---\nid: POL-1\ntitle: [broken\n---\n"], under: root)
        let result = try run(["pdf", "--as-of", "2026-11-22", "--engine", "chromium"])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains("[parse.yaml]"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("manual.pdf").path))
    }
}
