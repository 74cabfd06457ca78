import Foundation
import XCTest
@testable import DossierKit

/// Hostile content, fed to the built `dossier` binary as a user would: each gets a diagnostic with its
/// rule, file and line and exit code 1, never a crash or a hang, and nothing outside Content/ is read
/// or written.
///
/// Already covered at unit level elsewhere (these tests add the whole run through the binary):
/// unsafe ids (EntryParserTests), the size limit with a small limit (ContentLoaderTests), symlinks
/// (ContentLoaderTests), attachment escapes (ReferenceRuleTests), `.md` link escapes and duplicate ids
/// (LinkResolverTests), BOM + CRLF in the splitter (FrontMatterSplitterTests) and in link positions
/// (LinkCollectorTests), alias bombs, deep nesting, NUL bytes and bad UTF-8 (EntryParserTests).
final class HostileInputTests: XCTestCase {
    private var base: URL!
    private var root: URL { base.appendingPathComponent("site") }

    override func setUpWithError() throws {
        base = try Fixtures.temporaryFolder()
        try Fixtures.write([
            "site/dossier.yml": Fixtures.minimalConfig,
            "site/Content/procedures/PR-01.md": Fixtures.procedure,
            "site/Content/records/incident/INC-1.md": Fixtures.incident,
            "outside/secret.md": "---\nid: SECRET-1\ntitle: TOP-SECRET-TITLE\n---\nTOP-SECRET-BODY\n",
            "outside/secret.txt": "TOP-SECRET-ATTACHMENT\n",
        ], under: base)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: base) }

    // MARK: - Running the binary

    struct Run {
        var status: Int32
        var output: String
        var seconds: Double

        /// `(file, line, rule)` of every diagnostic in the human report.
        var findings: [Finding] {
            output.split(separator: "\n").compactMap { line in
                guard let match = line.firstMatch(of: /^(Content\/[^:]+|dossier\.yml):(\d+):\d+: (error|warning): .* \[([a-z.-]+)\]$/) else { return nil }
                return Finding(file: String(match.1), line: Int(match.2)!, rule: String(match.4))
            }
        }
    }

    struct Finding: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var rule: String
        var description: String { "\(file):\(line) [\(rule)]" }
    }

    /// Runs `dossier` in the site root; a run that outlives `timeout` is killed and fails the test.
    private func dossier(_ arguments: [String], timeout: Double = 60, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let process = Process()
        process.executableURL = try DossierBinary.executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let collected = OutputBox()
        let reader = Thread { collected.data = pipe.fileHandleForReading.readDataToEndOfFile(); collected.done.signal() }
        let start = Date()
        try process.run()
        reader.start()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            XCTFail("dossier \(arguments.joined(separator: " ")) hung: killed after \(timeout) s", file: file, line: line)
        }
        let seconds = Date().timeIntervalSince(start)
        collected.done.wait()
        let output = String(decoding: collected.data, as: UTF8.self)
        XCTAssertEqual(process.terminationReason, .exit, "dossier crashed (signal \(process.terminationStatus)):\n\(output.suffix(2000))",
                       file: file, line: line)
        return Run(status: process.terminationStatus, output: output, seconds: seconds)
    }

    private final class OutputBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    private let asOf = ["--as-of", "2026-11-22"]

    /// `check` and `build` both exit 1 with `expected` among their findings, and the build writes
    /// nothing: Output/ stays as it was (absent, or as a previous build left it).
    /// `within`: a hang guard in seconds per run (a debug binary on a loaded 2-core CI machine; the quadratic
    /// rewrite this catches took minutes). Speed itself is measured by bench/, not here.
    private func assertRejected(_ expected: Set<Finding>, within: Double? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = root.appendingPathComponent("Output")
        let before = try Snapshot(output)
        for command in ["check", "build"] {
            let run = try dossier([command] + asOf, file: file, line: line)
            if let within { XCTAssertLessThan(run.seconds, within, "\(command) took \(run.seconds) s", file: file, line: line) }
            XCTAssertEqual(run.status, 1, "\(command):\n\(run.output.prefix(3000))", file: file, line: line)
            let missing = expected.subtracting(run.findings)
            XCTAssertEqual(missing, [], "\(command) lacks these findings; it reported:\n\(run.findings.map(\.description).joined(separator: "\n"))",
                           file: file, line: line)
        }
        before.assertSame(as: try Snapshot(output), "Output/ after a rejected build", file: file, line: line)
    }

    /// Builds with `--allow-errors` and returns every output file's text, for leak checks; asserts
    /// that nothing appeared outside Output/.
    private func buildAllowingErrors(within: Double? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let before = try Snapshot(base)
        let run = try dossier(["build", "--allow-errors"] + asOf, file: file, line: line)
        if let within { XCTAssertLessThan(run.seconds, within, "build --allow-errors took \(run.seconds) s", file: file, line: line) }
        XCTAssertEqual(run.status, 0, run.output, file: file, line: line)
        var after = try Snapshot(base)
        after.files = after.files.filter { !$0.key.hasPrefix("site/Output/") }
        after.folders = after.folders.filter { $0 != "site/Output" && !$0.hasPrefix("site/Output/") }
        before.assertSame(as: after, "outside Output/", file: file, line: line)
        let output = root.appendingPathComponent("Output")
        var texts: [String: String] = [:]
        for path in SiteDemoBuild.files(under: output) {
            texts[path] = String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
        }
        return texts
    }

    // MARK: - Very long lines

    func testTwoMegabyteLineAndHundredKilobyteValueAreHandledQuickly() throws {
        // Dense in links, so that work per link that grows with the line (a quadratic rewrite of
        // link placeholders took about a minute here) shows.
        let words = ["alpha", "[[PR-01]]", "**beta**", "[[PR-01#purpose]]", "`gamma`", "[eta](https://example.com)", "[[PR-01|label]]", "delta"]
        var body = ""
        body.reserveCapacity(2_100_000)
        var index = 0
        while body.utf8.count < 2 * 1024 * 1024 {
            body += words[index % words.count] + " "
            index += 1
        }
        let value = String(repeating: "long title ", count: 100 * 1024 / 11 + 1)
        try Fixtures.write(["site/Content/procedures/PR-02.md": """
        ---
        id: PR-02
        title: "\(value)"
        version: "1"
        status: draft
        owner: Nobody
        ---
        \(body)
        See [[NOPE]].
        """], under: base)
        try assertRejected([
            Finding(file: "Content/procedures/PR-02.md", line: 6, rule: "people.unknown"),
            Finding(file: "Content/procedures/PR-02.md", line: 9, rule: "ref.link"),
        ], within: 60)
        let texts = try buildAllowingErrors(within: 60)
        let page = try XCTUnwrap(texts["documents/procedure/PR-02.html"] ?? texts.first { $0.key.hasSuffix("/PR-02.html") && !$0.key.hasPrefix("print/") }?.value)
        XCTAssertTrue(page.contains("long title long title"))
        XCTAssertTrue(page.contains("<strong>beta</strong>"))
    }

    /// Lines built to hurt a Markdown scanner: long runs of brackets, emphasis, backticks, pipes,
    /// angle brackets and wiki-link openers, each 1 MB on one line.
    func testPathologicalMarkdownLinesFinishQuickly() throws {
        let patterns = ["[", "*a", "_a", "`", "|", "<", "[[", "[a](", "![", "\\", "&#", "**_"]
        var files: [String: String] = [:]
        for (offset, pattern) in patterns.enumerated() {
            let line = String(repeating: pattern, count: 1024 * 1024 / pattern.utf8.count)
            files["site/Content/policies/POL-\(offset).md"] = "---\nid: POL-\(offset)\ntitle: T\nversion: \"1\"\nstatus: draft\nowner: Nobody\n---\n\(line)\n"
        }
        try Fixtures.write(files, under: base)
        let run = try dossier(["check"] + asOf, timeout: 120)
        XCTAssertEqual(run.status, 1, String(run.output.prefix(2000)))
        let unknown = Set(run.findings.filter { $0.rule == "people.unknown" }.map(\.file))
        XCTAssertEqual(unknown.count, patterns.count, run.findings.map(\.description).joined(separator: "\n"))
        XCTAssertLessThan(run.seconds, 30, "check of \(patterns.count) × 1 MB took \(run.seconds) s")
        let build = try dossier(["build", "--allow-errors"] + asOf, timeout: 180)
        XCTAssertEqual(build.status, 0, String(build.output.suffix(2000)))
        XCTAssertLessThan(build.seconds, 60, "build of \(patterns.count) × 1 MB took \(build.seconds) s")
    }

    // MARK: - Size limit

    func testFileOverTheSizeLimitIsRefusedWithItsPath() throws {
        let big = "---\nid: PR-03\ntitle: Big\nversion: \"1\"\nstatus: draft\nowner: Bob\n---\n"
            + String(repeating: "0123456789abcdef\n", count: ContentLoader.defaultSizeLimit / 17 + 100)
        try Fixtures.write(["site/Content/procedures/PR-03.md": big,
                            "site/Content/policies/POL-1.md": "---\nid: POL-1\ntitle: T\nversion: \"1\"\nstatus: draft\nowner: Nobody\n---\n"],
                           under: base)
        try assertRejected([
            Finding(file: "Content/procedures/PR-03.md", line: 1, rule: "parse.too-large"),
            // The other files are still checked in the same run.
            Finding(file: "Content/policies/POL-1.md", line: 6, rule: "people.unknown"),
        ])
    }

    // MARK: - Ids that are paths

    func testIDsThatArePathsAreRefusedAndWriteNothingOutside() throws {
        let ids = ["a/b", "../escape", "../../../../tmp/dossier-escape", "/etc/passwd", "..", ".", "C:\\\\evil", "a\\\\..\\\\..\\\\b", "%2e%2e%2fescape"]
        var files: [String: String] = [:]
        var expected: Set<Finding> = []
        for (offset, id) in ids.enumerated() {
            let path = "Content/policies/P\(offset).md"
            files["site/" + path] = "---\nid: \"\(id)\"\ntitle: T\nversion: \"1\"\nstatus: draft\nowner: Bob\n---\n"
            expected.insert(Finding(file: path, line: 2, rule: "schema.id"))
        }
        try Fixtures.write(files, under: base)
        try assertRejected(expected)
        let texts = try buildAllowingErrors()
        XCTAssertFalse(texts.keys.contains { $0.contains("passwd") || $0.contains("escape") || $0.contains("evil") }, "\(texts.keys.sorted())")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/dossier-escape.html"))
    }

    // MARK: - Paths that leave Content/

    func testAttachmentsAndLinksThatLeaveContentAreRefused() throws {
        let record = """
        ---
        id: INC-2
        title: Escapes
        opened: 2026-03-01 09:00
        priority: P2
        service: Mail
        status: open
        attachments: [../../outside/secret.txt, /etc/passwd, logs/../../../outside/secret.txt]
        ---
        A page [up](../../../../outside/secret.md).

        A file [up](../../../../outside/secret.txt), [root](/etc/passwd), [encoded](%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside/secret.txt).

        Inside is fine: [log](../../attachments/logs/ok.txt), [web](https://example.com/a.pdf), [mail](mailto:a@example.com).

        An image ![up](../../../../outside/secret.png) is not checked: images are recorded only when
        they point at a .md file (LinkCollector), and Dossier never reads the file.
        """
        try Fixtures.write(["site/Content/records/incident/INC-2.md": record, "site/Content/attachments/logs/ok.txt": "ok\n"], under: base)
        let file = "Content/records/incident/INC-2.md"
        try assertRejected([
            Finding(file: file, line: 8, rule: "ref.escape"),
            Finding(file: file, line: 10, rule: "ref.escape"),
            Finding(file: file, line: 12, rule: "ref.escape"),
        ])
        let run = try dossier(["check"] + asOf)
        XCTAssertEqual(run.findings.filter { $0.rule == "ref.escape" && $0.line == 8 }.count, 3, run.output)
        XCTAssertEqual(run.findings.filter { $0.rule == "ref.escape" && $0.line == 12 }.count, 3, run.output)
        XCTAssertEqual(run.findings.filter { $0.rule == "ref.escape" }.count, 7, run.output)
        let texts = try buildAllowingErrors()
        for (path, text) in texts {
            XCTAssertFalse(text.contains("TOP-SECRET"), "\(path) holds a file from outside Content/")
            XCTAssertFalse(text.contains("root:x:0:0"), "\(path) holds /etc/passwd")
        }
        XCTAssertFalse(texts.keys.contains { $0.hasSuffix("secret.txt") || $0.hasSuffix("passwd") }, "\(texts.keys.sorted())")
    }

    func testSymbolicLinksOutOfContentAreRefusedNotFollowed() throws {
        let manager = FileManager.default
        let links: [(String, URL)] = [
            ("Content/procedures/PR-09.md", base.appendingPathComponent("outside/secret.md")),
            ("Content/outside", base.appendingPathComponent("outside")),
            ("Content/attachments/secret.txt", base.appendingPathComponent("outside/secret.txt")),
            ("Content/policies/etc.md", URL(fileURLWithPath: "/etc/passwd")),
            ("Content/loop", root.appendingPathComponent("Content")),
        ]
        try manager.createDirectory(at: root.appendingPathComponent("Content/attachments"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("Content/policies"), withIntermediateDirectories: true)
        for (path, target) in links {
            try manager.createSymbolicLink(at: root.appendingPathComponent(path), withDestinationURL: target)
        }
        // An attachment reached only through the link is not found, rather than followed.
        try Fixtures.write(["site/Content/records/incident/INC-3.md": Fixtures.incident.replacingOccurrences(of: "id: INC-1", with: "id: INC-3\nattachments: [secret.txt]")],
                           under: base)
        try assertRejected(Set(links.map { Finding(file: $0.0, line: 1, rule: "ref.symlink") })
            .union([Finding(file: "Content/records/incident/INC-3.md", line: 3, rule: "ref.attachment")]))
        let texts = try buildAllowingErrors()
        for (path, text) in texts {
            XCTAssertFalse(text.contains("TOP-SECRET"), "\(path) holds a file reached through a link")
            XCTAssertFalse(text.contains("root:x:0:0"), "\(path) holds /etc/passwd")
        }
        XCTAssertFalse(texts.keys.contains { $0.contains("SECRET") || $0.contains("secret") || $0.contains("PR-09") }, "\(texts.keys.sorted())")
    }

    // MARK: - Duplicate ids

    func testIDsDifferingOnlyInCaseAreDuplicates() throws {
        try Fixtures.write([
            "site/Content/policies/POL-1.md": "---\nid: POL-1\ntitle: Upper\nversion: \"1\"\nstatus: draft\nowner: Bob\n---\n",
            "site/Content/policies/pol-1.md": "---\nid: pol-1\ntitle: Lower\nversion: \"1\"\nstatus: draft\nowner: Bob\n---\n",
            "site/Content/records/incident/inc-1.md": Fixtures.incident.replacingOccurrences(of: "id: INC-1", with: "id: inc-1"),
        ], under: base)
        try assertRejected([
            Finding(file: "Content/policies/pol-1.md", line: 2, rule: "ref.duplicate-id"),
            Finding(file: "Content/records/incident/inc-1.md", line: 2, rule: "ref.duplicate-id"),
        ])
        let run = try dossier(["check"] + asOf)
        let messages = run.output.split(separator: "\n").filter { $0.contains("[ref.duplicate-id]") }
        XCTAssertTrue(messages.contains { $0.contains("POL-1") && $0.contains("Content/policies/POL-1.md") }, run.output)
        XCTAssertTrue(messages.contains { $0.contains("INC-1") && $0.contains("Content/records/incident/INC-1.md") }, run.output)
    }

    // MARK: - BOM and CRLF

    func testByteOrderMarkAndCRLFSimplyWork() throws {
        func windows(_ text: String) -> Data { Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8) }
        try windows(Fixtures.minimalConfig + "\nstandards: [iso20000-1]\n").write(to: root.appendingPathComponent("dossier.yml"))
        try windows(Fixtures.procedure + "\n\n## Scope\n\nSee [the purpose](#purpose) and [[INC-1#details]].\n")
            .write(to: root.appendingPathComponent("Content/procedures/PR-01.md"))
        try windows(Fixtures.incident + "\n\n## Details\n\nBack to [the procedure](../../procedures/PR-01.md#scope).\n")
            .write(to: root.appendingPathComponent("Content/records/incident/INC-1.md"))
        let clean = try dossier(["check"] + asOf)
        XCTAssertEqual(clean.findings.filter { $0.file.hasPrefix("Content/") || $0.file == "dossier.yml" }.filter {
            !$0.rule.hasPrefix("coverage.") && !$0.rule.hasPrefix("schedule.") && !$0.rule.hasPrefix("people.training")
        }, [], clean.output)
        XCTAssertFalse(clean.output.contains("[parse."), clean.output)
        XCTAssertFalse(clean.output.contains("[schema."), clean.output)
        XCTAssertFalse(clean.output.contains("[ref."), clean.output)
        XCTAssertFalse(clean.output.contains("[config."), clean.output)

        let texts = try buildAllowingErrors()
        let page = try XCTUnwrap(texts["documents/procedure/PR-01.html"] ?? texts.first { $0.key.hasSuffix("/PR-01.html") && !$0.key.hasPrefix("print/") }?.value)
        XCTAssertFalse(page.unicodeScalars.contains("\u{FEFF}"), "no BOM on the page")
        XCTAssertFalse(page.contains("\r"), "no carriage returns on the page")
        XCTAssertTrue(page.contains("id=\"scope\""), "the heading anchor is 'scope', not 'scope\\r'")
        for (path, text) in texts where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".json") {
            XCTAssertFalse(text.unicodeScalars.contains("\u{FEFF}"), "\(path) carries a BOM")
        }

        // Lines still count from the real first line: errors land where they are in the file.
        try windows(Fixtures.incident.replacingOccurrences(of: "service: Mail", with: "service: Mail\nowner: Nobody")
                    + "\n\nSee [[NOPE]].\n").write(to: root.appendingPathComponent("Content/records/incident/INC-1.md"))
        try assertRejected([
            Finding(file: "Content/records/incident/INC-1.md", line: 7, rule: "people.unknown"),
            Finding(file: "Content/records/incident/INC-1.md", line: 14, rule: "ref.link"),
        ])
    }
}
