import XCTest

/// The `dossier` binary allocates through jemalloc, not glibc's malloc (Package.swift links it; a 10k
/// build took 10-12 % less time with it, docs/performance.md). jemalloc prints its statistics at exit
/// when `MALLOC_CONF` asks, which glibc's malloc ignores: the banner shows which allocator served the run.
///
/// Skipped under the sanitizers (Tests/sanitizers/run.sh): their run-time replaces every allocator.
final class AllocatorTests: XCTestCase {
    func testTheBinaryAllocatesThroughJemalloc() throws {
        #if os(Linux)
        var environment = ProcessInfo.processInfo.environment
        environment["MALLOC_CONF"] = "stats_print:true"
        let result = try Subprocess.run(try BuiltExecutable.dossier, ["--version"], environment: environment)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("Begin jemalloc statistics"),
                      "no jemalloc statistics: the binary does not link jemalloc\n\(result.output.prefix(500))")
        #else
        throw XCTSkip("jemalloc is linked on Linux only")
        #endif
    }

    func testWithoutTheSettingNothingExtraIsPrinted() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MALLOC_CONF"] = nil
        let result = try Subprocess.run(try BuiltExecutable.dossier, ["--version"], environment: environment)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertFalse(result.output.contains("jemalloc"), result.output)
        XCTAssertEqual(result.output.split(separator: "\n").count, 1, result.output)
    }
}
