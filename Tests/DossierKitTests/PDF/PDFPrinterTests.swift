import XCTest
@testable import DossierKit

/// The engine choice and command lines, with a fake runner: nothing is installed or run.
final class PDFPrinterTests: XCTestCase {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(String, [String])] = []
        func add(_ executable: String, _ arguments: [String]) { lock.lock(); list.append((executable, arguments)); lock.unlock() }
        var all: [(String, [String])] { lock.lock(); defer { lock.unlock() }; return list }
    }

    private func runner(installed: [String: String], calls: Calls = Calls(),
                        result: @escaping @Sendable (String, [String]) -> ProcessRunner.Result = { _, _ in .init(status: 0, output: "") })
        -> ProcessRunner {
        ProcessRunner(find: { installed[$0] }, run: { executable, arguments, _ in
            calls.add(executable, arguments)
            return result(executable, arguments)
        })
    }

    func testNeitherEngineInstalledSaysWhatToInstall() {
        let printer = PDFPrinter(runner: runner(installed: [:]))
        XCTAssertThrowsError(try printer.engine()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("apt-get install chromium fonts-noto-cjk"), message)
            XCTAssertTrue(message.contains("pip install weasyprint"), message)
        }
        XCTAssertThrowsError(try printer.engine(.chromium)) { XCTAssertTrue("\($0)".contains("chromium is not installed")) }
        XCTAssertThrowsError(try printer.engine(.weasyprint)) { XCTAssertTrue("\($0)".contains("weasyprint is not installed")) }
    }

    func testWeasyPrintIsPreferredThenAnyChromium() throws {
        let both = PDFPrinter(runner: runner(installed: ["weasyprint": "/usr/bin/weasyprint", "chromium": "/usr/bin/chromium"]))
        XCTAssertEqual(try both.engine(), .weasyprint(path: "/usr/bin/weasyprint"))
        XCTAssertEqual(try both.engine(.chromium), .chromium(path: "/usr/bin/chromium"))
        let chrome = PDFPrinter(runner: runner(installed: ["google-chrome": "/opt/google/chrome"]))
        XCTAssertEqual(try chrome.engine(), .chromium(path: "/opt/google/chrome"))
        XCTAssertThrowsError(try chrome.engine(.weasyprint))
    }

    func testCommandLines() {
        let page = URL(fileURLWithPath: "/tmp/site/print/manual.html")
        XCTAssertEqual(PDFPrinter.arguments(for: .weasyprint(path: "/w"), page: page, pdf: "/out/m.pdf", profile: "/p"),
                       ["file:///tmp/site/print/manual.html", "/out/m.pdf"])
        let chromium = PDFPrinter.arguments(for: .chromium(path: "/c"), page: page, pdf: "/out/m.pdf", profile: "/p")
        XCTAssertEqual(chromium.last, "file:///tmp/site/print/manual.html")
        for flag in ["--headless=new", "--no-pdf-header-footer", "--print-to-pdf=/out/m.pdf", "--user-data-dir=/p"] {
            XCTAssertTrue(chromium.contains(flag), flag)
        }
    }

    func testAFailingEngineLeavesTheEarlierPDFAndSaysWhy() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("manual.pdf")
        try Data("%PDF-1.4 earlier".utf8).write(to: pdf)
        let printer = PDFPrinter(runner: runner(installed: [:], result: { _, _ in .init(status: 21, output: "no display") }))
        XCTAssertThrowsError(try printer.print(page: URL(fileURLWithPath: "/x/print/manual.html"), to: pdf, engine: .chromium(path: "/c"))) {
            XCTAssertTrue("\($0)".contains("Chromium could not print manual.html (exit 21)"), "\($0)")
            XCTAssertTrue("\($0)".contains("no display"), "\($0)")
        }
        XCTAssertEqual(try Data(contentsOf: pdf), Data("%PDF-1.4 earlier".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["manual.pdf"], "no partial file left")
    }

    func testAPrintedPDFIsMovedIntoPlace() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("manual.pdf")
        // The fake engine writes a PDF where the arguments say (WeasyPrint's last argument).
        let printer = PDFPrinter(runner: runner(installed: [:], result: { _, arguments in
            try? Data("%PDF-1.7 new".utf8).write(to: URL(fileURLWithPath: arguments.last!))
            return .init(status: 0, output: "")
        }))
        try printer.print(page: URL(fileURLWithPath: "/x/print/manual.html"), to: pdf, engine: .weasyprint(path: "/w"))
        XCTAssertEqual(try Data(contentsOf: pdf), Data("%PDF-1.7 new".utf8))
    }

    func testTargets() throws {
        XCTAssertEqual(PDFPrinter.proceduresFile(besides: URL(fileURLWithPath: "/a/acme-manual.pdf")).path, "/a/acme-manual-procedures.pdf")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.pdf")
        try Data("my notes".utf8).write(to: notes)
        XCTAssertThrowsError(try PDFPrinter.checkTarget(notes)) { XCTAssertTrue("\($0)".contains("it is not a PDF")) }
        XCTAssertThrowsError(try PDFPrinter.checkTarget(folder.appendingPathComponent("dossier.yml")))
        XCTAssertThrowsError(try PDFPrinter.checkTarget(folder.appendingPathComponent("missing/manual.pdf")))
        XCTAssertNoThrow(try PDFPrinter.checkTarget(folder.appendingPathComponent("manual.pdf")))
    }
}
