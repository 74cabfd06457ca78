#!/usr/bin/env bash
# Builds and runs the XCTest suite under one sanitizer: `thread` (ThreadSanitizer: the parallel
# pipeline, Model/ParallelMap.swift) or `address` (AddressSanitizer). See docs/hardening.md.
#
# Each sanitizer has its own scratch folder (.build-tsan, .build-asan), so switching between them
# and the ordinary .build does not rebuild everything. The tests run the `dossier` binary of the
# same build, which is instrumented too; every process writes its reports to
# <scratch>/reports/<tsan|asan>.<pid> (log_path), so a report in a subprocess whose exit status a
# test does not look at still fails the run. Exit status: 0 only when the tests pass and no
# process wrote a report.
#
# Not run under sanitizers (SANITIZE_SKIP, a regular expression for `swift test --skip`): the two
# HostileInputTests that assert a wall-clock bound for megabyte-long lines (`check` < 30 s,
# 15 s); instrumented code runs several times slower, so those bounds measure the sanitizer, not
# Dossier. Nor the test that the binary allocates through jemalloc: a sanitizer's run-time replaces
# the allocator. Everything else runs, the browser and Nu validator tests included.
#
# Arguments after the sanitizer go to `swift test`, e.g. `run.sh thread --filter SiteDeterminismTests`.
# Environment: SWIFT (default swift), SANITIZE_SKIP, TSAN_OPTIONS / ASAN_OPTIONS (added to ours).
set -uo pipefail
cd "$(dirname "$0")/../.."

SWIFT=${SWIFT:-swift}
# SwiftPM matches it against `Module.Class/method`.
DEFAULT_SKIP='HostileInputTests/(testPathologicalMarkdownLinesFinishQuickly|testTwoMegabyteLineAndHundredKilobyteValueAreHandledQuickly)$|AllocatorTests/testTheBinaryAllocatesThroughJemalloc$'
SKIP=${SANITIZE_SKIP-$DEFAULT_SKIP}

case "${1:-}" in
    thread) short=tsan ;;
    address) short=asan ;;
    *) echo "usage: $0 thread|address" >&2; exit 2 ;;
esac
sanitizer=$1
shift
scratch=".build-$short"
reports="$PWD/$scratch/reports"

start=$(date +%s)
echo "sanitize: building the tests with --sanitize=$sanitizer in $scratch"
"$SWIFT" build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" || exit 1
built=$(date +%s)

rm -rf "$reports"
mkdir -p "$reports"
case $short in
    tsan)
        # halt_on_error=0: report every race of the run, not only the first.
        options="halt_on_error=0 second_deadlock_stack=1 log_path=$reports/tsan"
        # Only for reports entirely inside Foundation, Dispatch or the Swift runtime; none needed so far.
        [ -f Tests/sanitizers/tsan.supp ] && options="$options suppressions=$PWD/Tests/sanitizers/tsan.supp"
        export TSAN_OPTIONS="$options ${TSAN_OPTIONS:-}"
        ;;
    asan)
        # detect_leaks=0: the Swift runtime's and Foundation's caches live until exit and look leaked.
        export ASAN_OPTIONS="detect_leaks=0 detect_stack_use_after_return=1 strict_string_checks=1 log_path=$reports/asan ${ASAN_OPTIONS:-}"
        ;;
esac

skip=()
[ -n "$SKIP" ] && skip=(--skip "$SKIP")
echo "sanitize: running the tests under $sanitizer${SKIP:+ (skipping /$SKIP/)}"
"$SWIFT" test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --disable-swift-testing "${skip[@]}" "$@"
status=$?

found=$(find "$reports" -type f | sort)
if [ -n "$found" ]; then
    echo "sanitize: $sanitizer reports written by the run:" >&2
    for report in $found; do echo "--- $report" >&2; cat "$report" >&2; done
    [ "$status" -ne 0 ] || status=1
fi
end=$(date +%s)
echo "sanitize: $sanitizer: build $((built - start)) s, tests $((end - built)) s, $(echo "$found" | grep -c . ) report file(s), exit $status"
exit "$status"
