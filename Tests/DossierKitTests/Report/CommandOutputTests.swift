import XCTest
@testable import DossierKit

/// The progress line, `--verbose` stage lines, `--quiet` output and build summary, as pure text.
final class CommandOutputTests: XCTestCase {
    func testProgressLineOnlyOnATerminalForSlowNormalRuns() {
        XCTAssertTrue(CommandOutput.showsProgressLine(verbosity: .normal, isTerminal: true, elapsed: 1.2))
        XCTAssertFalse(CommandOutput.showsProgressLine(verbosity: .normal, isTerminal: true, elapsed: 0.4), "fast builds print nothing")
        XCTAssertFalse(CommandOutput.showsProgressLine(verbosity: .normal, isTerminal: false, elapsed: 5), "piped: plain output")
        XCTAssertFalse(CommandOutput.showsProgressLine(verbosity: .quiet, isTerminal: true, elapsed: 5))
        XCTAssertFalse(CommandOutput.showsProgressLine(verbosity: .verbose, isTerminal: true, elapsed: 5), "verbose prints lines instead")
    }

    func testProgressLineNamesTheStageItsPlaceAndTheLastCount() {
        let stages = PipelineProgress.Stage.allCases
        XCTAssertEqual(CommandOutput.progressLine(stage: .render, of: stages, lastCount: (.profile, 275), elapsed: 2.44),
                       "[5/6] render · 275 entries shown · 2.4 s")
        XCTAssertEqual(CommandOutput.progressLine(stage: .load, of: [.load, .parse, .validate], lastCount: nil, elapsed: 1),
                       "[1/3] load · 1.0 s")
    }

    func testStageLinesAreAligned() {
        let parse = CommandOutput.stageLine(.parse, count: 275, seconds: 0.314)
        let write = CommandOutput.stageLine(.write, count: 416, seconds: 12.4)
        XCTAssertEqual(parse, "parse     275 entries          0.31 s")
        XCTAssertEqual(write, "write     416 files            12 s")
        XCTAssertEqual(CommandOutput.totalLine(seconds: 3.25), "total                          3.2 s")
    }

    func testSeconds() {
        XCTAssertEqual(CommandOutput.seconds(0.004), "0.00 s")
        XCTAssertEqual(CommandOutput.seconds(-1), "0.00 s")
        XCTAssertEqual(CommandOutput.seconds(9.96), "10.0 s")
        XCTAssertEqual(CommandOutput.seconds(61), "61 s")
    }

    func testBuildSummaryNamesTheProfile() {
        XCTAssertEqual(CommandOutput.buildSummary(written: 416, output: "Output", profile: "public"),
                       "wrote 416 files to Output with profile public")
        XCTAssertEqual(CommandOutput.buildSummary(written: 1, output: "out", profile: nil), "wrote 1 file to out")
    }

    func testQuietReportShowsOnlyWhatFails() {
        let error = Diagnostic(rule: "schema.required", severity: .error, message: "missing 'status'",
                               location: SourceLocation(path: "Content/a.md", line: 3, column: 1), hint: "add status: open")
        let warning = Diagnostic(rule: "schema.unknown-field", severity: .warning, message: "unknown field 'x'")
        XCTAssertEqual(CommandOutput.quietReport([warning], strict: false, command: "check", failure: ""), "", "warnings alone: silence")
        XCTAssertEqual(CommandOutput.quietReport([error, warning], strict: false, command: "build", failure: "Output was left as it was"), """
        Content/a.md:3:1: error: missing 'status' [schema.required]
          hint: add status: open
        build failed: 1 error; Output was left as it was

        """)
        XCTAssertEqual(CommandOutput.quietReport([warning], strict: true, command: "check", failure: ""), """
        warning: unknown field 'x' [schema.unknown-field]
        check failed: 0 errors, 1 warning (--strict)

        """)
    }
}
