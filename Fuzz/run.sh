#!/usr/bin/env bash
# Runs the fuzz target built by Fuzz/build.sh for a bounded time, then prints one closing line:
#   "fuzz: N executions in S s (R/s), K crashes"
# and exits non-zero when anything crashed, timed out or ran out of memory.
#
# Environment: FUZZ_SECONDS (default 60), FUZZ_BUILD_DIR (default .build-fuzz), FUZZ_MAX_LEN
# (largest input in bytes, default 16384), FUZZ_ARGS (more libFuzzer flags).
#
# Everything it writes is under $FUZZ_BUILD_DIR: seeds/ (made afresh each run by Fuzz/seed.sh),
# corpus/ (what the fuzzer learnt; kept between runs), artifacts/ (crash-*, timeout-*, oom-*) and
# fuzz.log. libFuzzer replays the whole corpus before its clock starts, so a corpus grown over many
# local runs can make a run last longer than FUZZ_SECONDS (rm -rf the corpus/ folder to start afresh;
# CI starts from the seeds alone). Inputs are cut at FUZZ_MAX_LEN, the large reproducers of
# Fuzz/regressions/ too: the XCTest FuzzRegressionTests runs them whole.
#
# A crash becomes a regression: minimise it, keep it under Fuzz/regressions/ (FuzzRegressionTests runs
# every file there), fix the code.
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=${FUZZ_BUILD_DIR:-.build-fuzz}
SECONDS_BUDGET=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
binary="$BUILD/dossier-fuzz"
[ -x "$binary" ] || { echo "fuzz: $binary is missing; run Fuzz/build.sh first" >&2; exit 2; }

Fuzz/seed.sh "$BUILD/seeds" || exit 2
mkdir -p "$BUILD/corpus" "$BUILD/artifacts"
log="$BUILD/fuzz.log"
start_marker="$BUILD/.fuzz-run-start"
touch "$start_marker"

echo "fuzz: running $binary for $SECONDS_BUDGET s (log: $log)"
# Leak checking is off: Swift keeps pointers with spare bits set (enum payloads), which
# LeakSanitizer cannot see, so it reports the process's global caches as leaked at exit.
# Swift's own backtracer is off: under AddressSanitizer it reads memory it does not own while
# printing a crash (a misleading "heap-buffer-overflow ... memserver_read" report) and takes tens
# of seconds; libFuzzer prints the stack of a crash itself.
# shellcheck disable=SC2086
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" \
    -max_total_time="$SECONDS_BUDGET" -rss_limit_mb=2048 -timeout=10 -max_len="$MAX_LEN" \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/" \
    ${FUZZ_ARGS:-} "$BUILD/corpus" "$BUILD/seeds" > "$log" 2>&1
status=$?

# The last lines tell what happened: stats, or the crash report.
grep -E "^(INFO: Seed|#[0-9]+[[:space:]]+(INITED|DONE))|^stat::|^==[0-9]+==ERROR|^SUMMARY|Fatal error|^artifact_prefix|Test unit written" "$log" | tail -n 20

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
if [ -z "$executions" ]; then
    # A crash stops libFuzzer before its final stats: take the last progress line.
    last=$(grep -oE "^#[0-9]+[[:space:]].*exec/s: [0-9]+" "$log" | tail -1)
    executions=$(echo "$last" | sed -E 's/^#([0-9]+).*/\1/')
    rate=$(echo "$last" | sed -E 's/.*exec\/s: ([0-9]+)/\1/')
fi
crashes=$(find "$BUILD/artifacts" -type f -newer "$start_marker" | wc -l)
if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi

echo "fuzz: ${executions:-0} executions in ${elapsed:-$SECONDS_BUDGET} s (${rate:-0}/s), $crashes crashes"
if [ "$crashes" -gt 0 ]; then
    echo "fuzz: FAILED. New artifacts (reproduce: $binary FILE; minimise: $binary -minimize_crash=1 -runs=100000 FILE):"
    find "$BUILD/artifacts" -type f -newer "$start_marker" -printf '  %p\n' | sort
    exit 1
fi
exit 0
