#!/usr/bin/env bash
# The Dossier benchmark (docs/performance.md): generates synthetic sites and times, interleaved, the
# median of RUNS rounds of `dossier check`, `dossier build`, Hugo on the same Markdown, and the C floor
# (read + libcmark + write), with peak memory; prints a table and writes bench/work/results-<date>-<HHMM>.md
# and bench/work/results.json.
#
#   bench/run.sh [SIZES...]          default: 1000 10000; 100000 on request (see docs/performance.md)
#
# Environment: RUNS (rounds, default 5), DOSSIER (a dossier binary; default: build one in release
# mode with --scratch-path $DOSSIER_SCRATCH, default /tmp/bench-build), FLOOR_THREADS (default 2),
# AS_OF (default 2026-11-22, the demo's as-of day).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
WORK="$BENCH/work"
RUNS="${RUNS:-5}"
AS_OF="${AS_OF:-2026-11-22}"
FLOOR_THREADS="${FLOOR_THREADS:-2}"
DOSSIER_SCRATCH="${DOSSIER_SCRATCH:-/tmp/bench-build}"
# $EPOCHREALTIME must use a dot.
export LC_NUMERIC=C

if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
for size in "${SIZES[@]}"; do
    [[ "$size" =~ ^[0-9]+$ ]] || { echo "bench: size '$size' is not a number of records" >&2; exit 2; }
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be a positive number" >&2; exit 2; }

mkdir -p "$WORK/logs" "$WORK/out"
# One run at a time: two would delete each other's outputs and share the logs.
exec 9>"$WORK/.lock"
if ! flock -n 9; then
    echo "bench: another bench/run.sh is running (it holds $WORK/.lock); waiting for it to finish" >&2
    flock 9
fi

fail() {
    # fail MESSAGE [LOG]: say what failed and show the end of its log.
    echo "bench: $1" >&2
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        echo "---- last lines of $2:" >&2
        tail -n 25 "$2" >&2
    fi
    exit 1
}

# ---- 1. What the bench needs, from Debian when missing.
need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
command -v cc >/dev/null 2>&1 || need+=(gcc)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev pkg-config)
# The static release build links Foundation's networking part, which names -lcurl.
[ -n "${DOSSIER:-}" ] || pkg-config --exists libcurl 2>/dev/null || need+=(libcurl4-openssl-dev)
# The binary links jemalloc as its allocator (Package.swift).
[ -n "${DOSSIER:-}" ] || pkg-config --exists jemalloc 2>/dev/null || need+=(libjemalloc-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    echo "bench: installing ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# ---- 2. The C floor.
FLOOR="$WORK/floor"
if [ ! -x "$FLOOR" ] || [ "$BENCH/floor.c" -nt "$FLOOR" ]; then
    echo "bench: building the C floor"
    # shellcheck disable=SC2046  # pkg-config prints several flags
    cc -O2 -o "$FLOOR" "$BENCH/floor.c" $(pkg-config --cflags --libs libcmark) -lpthread \
        || fail "cannot compile bench/floor.c"
fi

# Hugo writes a lock file and resources/ into its site folder: give it a copy under work/.
HUGO_SITE="$WORK/hugo-site"
rm -rf "$HUGO_SITE"
cp -r "$BENCH/hugo" "$HUGO_SITE"

# ---- 3. dossier, release build unless DOSSIER names a binary.
DOSSIER_SOURCE=""
if [ -n "${DOSSIER:-}" ]; then
    [ -x "$DOSSIER" ] || fail "DOSSIER=$DOSSIER is not an executable"
else
    DOSSIER_SOURCE="built from the working tree at commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "bench: building dossier (release) in $DOSSIER_SCRATCH; the first time takes ~5 minutes"
    # The same release build as `make site` (the Makefile's RELEASE flags).
    (cd "$REPO" && swift build -c release --product dossier --static-swift-stdlib --scratch-path "$DOSSIER_SCRATCH") \
        >"$WORK/logs/swift-build.log" 2>&1 || fail "swift build failed" "$WORK/logs/swift-build.log"
    DOSSIER="$DOSSIER_SCRATCH/release/dossier"
fi
INCREMENTAL=0
if "$DOSSIER" build --help 2>/dev/null | grep -q -- '--incremental'; then INCREMENTAL=1; fi
SERVE=0
if "$DOSSIER" serve --help >/dev/null 2>&1; then SERVE=1; fi

# ---- 4. Timing. One sample: wall time from $EPOCHREALTIME (µs); peak RSS (KiB) and CPU time (user +
# system, s) from GNU time.
# Other work on the machine skews the figures: the load average goes into the report.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
RAW="$WORK/logs/raw.tsv"
PAGES="$WORK/logs/pages.tsv"
: >"$RAW"
: >"$PAGES"
TIMEFILE="$WORK/logs/time.out"

# measure NAME SIZE ROUND COMMAND...: runs COMMAND, appends "size name round µs KiB cpu-s" to $RAW.
measure() {
    local name=$1 size=$2 round=$3
    shift 3
    local log="$WORK/logs/$name-$size.log" start end elapsed rss user sys
    start=${EPOCHREALTIME/./}
    if ! /usr/bin/time -f "%e %M %U %S" -o "$TIMEFILE" "$@" >"$log" 2>&1; then
        fail "$name failed on the $size-record site (round $round): $*" "$log"
    fi
    end=${EPOCHREALTIME/./}
    elapsed=$((end - start))
    read -r _ rss user sys < <(tail -n 1 "$TIMEFILE")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$round" "$elapsed" "$rss" \
        "$(awk "BEGIN{print $user + $sys}")" >>"$RAW"
    printf '  %-20s %8.3f s wall %8.2f s cpu %6d MiB\n' "$name" "$(awk "BEGIN{print $elapsed/1e6}")" \
        "$(awk "BEGIN{print $user + $sys}")" "$((rss / 1024))"
}

# fresh DIR: move a previous output out of the way (untimed) and flush, so every tool writes into an
# empty place. Moved, not deleted: on ext4 without a journal (this machine's disk) every new file
# skips past each inode deleted in the last 30 s, so deleting 10 000 files before a timed run made that
# run pay seconds of kernel time for the deletion (a fifth of a 10k build, and the floor's 0.4-3.6 s
# spread). The trash is deleted when the run ends.
TRASH="$WORK/trash"
fresh() {
    if [ -e "$1" ]; then
        mkdir -p "$TRASH"
        mv "$1" "$(mktemp -d "$TRASH/$(basename "$1").XXXXXX")/"
    fi
    sync
}
if [ -e "$TRASH" ]; then
    # Left by an interrupted run: delete it, then let 30 s pass before anything is timed.
    rm -rf "$TRASH"
    sleep 31
fi

# The record the incremental rebuild touches (it exists at every size), restored on exit; its copy
# waits outside the site, where no tool sees it.
TOUCHED_REL="Content/records/incident/2026/INC-2026-0033.md"
TOUCHED=""
BACKUP="$WORK/logs/touched-record.orig"
restore_touched() {
    if [ -n "$TOUCHED" ] && [ -f "$BACKUP" ]; then mv -f "$BACKUP" "$TOUCHED"; fi
}
finish() {
    restore_touched
    rm -rf "$TRASH"
}
trap finish EXIT

for size in "${SIZES[@]}"; do
    site="$WORK/site-$size"
    python3 "$BENCH/generate.py" "$size" "$site" || fail "generating the $size-record site failed"
    files=$(find "$site/Content" -name '*.md' | wc -l)
    out="$WORK/out"

    # Warm-up round (untimed): fills the page cache and checks that every tool does the whole job.
    echo "bench: $size records ($files Markdown files): warm-up and verification"
    log="$WORK/logs/verify-check-$size.log"
    status=0
    "$DOSSIER" check --root "$site" --as-of "$AS_OF" >"$log" 2>&1 || status=$?
    case "$status" in
        0) ;;
        1) fail "dossier check finds errors in the generated $size-record site: bench/generate.py must be
       fixed (or taught a new rule)" "$log" ;;
        *) fail "dossier check exited with status $status on the $size-record site" "$log" ;;
    esac
    grep -Eq '(^|[^0-9])0 errors' "$log" \
        || fail "dossier check did not report 0 errors on the $size-record site" "$log"
    echo "  check: $(tail -n 1 "$log")"
    fresh "$out/dossier-$size"
    "$DOSSIER" build --root "$site" --as-of "$AS_OF" --output "$out/dossier-$size" \
        >"$WORK/logs/verify-build-$size.log" 2>&1 \
        || fail "dossier build failed on the $size-record site" "$WORK/logs/verify-build-$size.log"
    fresh "$out/hugo-$size"
    hugo --source "$HUGO_SITE" --contentDir "$site/Content" --destination "$out/hugo-$size" \
        >"$WORK/logs/verify-hugo-$size.log" 2>&1 \
        || fail "hugo failed on the $size-record site" "$WORK/logs/verify-hugo-$size.log"
    hugo_pages=$(find "$out/hugo-$size" -name '*.html' | wc -l)
    [ "$hugo_pages" -ge "$files" ] || fail "hugo wrote $hugo_pages pages for $files files"
    fresh "$out/floor-$size"
    "$FLOOR" -j "$FLOOR_THREADS" "$site/Content" "$out/floor-$size" >"$WORK/logs/verify-floor-$size.log" 2>&1 \
        || fail "the C floor failed on the $size-record site" "$WORK/logs/verify-floor-$size.log"
    floor_pages=$(find "$out/floor-$size" -name '*.html' | wc -l)
    [ "$floor_pages" -eq "$files" ] || fail "the C floor wrote $floor_pages pages for $files files"
    dossier_pages=$(find "$out/dossier-$size" -name '*.html' | wc -l)
    echo "  pages written: dossier $dossier_pages, hugo $hugo_pages, floor $floor_pages"
    printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$files" "$dossier_pages" "$hugo_pages" "$floor_pages" >>"$PAGES"

    for round in $(seq 1 "$RUNS"); do
        echo "bench: $size records, round $round/$RUNS"
        measure dossier-check "$size" "$round" "$DOSSIER" check --root "$site" --as-of "$AS_OF"
        fresh "$out/dossier-$size"
        measure dossier-build "$size" "$round" \
            "$DOSSIER" build --root "$site" --as-of "$AS_OF" --output "$out/dossier-$size"
        fresh "$out/hugo-$size"
        measure hugo "$size" "$round" \
            hugo --source "$HUGO_SITE" --contentDir "$site/Content" --destination "$out/hugo-$size" --quiet
        fresh "$out/floor-$size"
        measure floor "$size" "$round" "$FLOOR" -j "$FLOOR_THREADS" "$site/Content" "$out/floor-$size"
        # Dossier's own output (this round's build) copied by the same C code: writing it alone.
        fresh "$out/copy-$size"
        measure output-copy "$size" "$round" "$FLOOR" -c -j "$FLOOR_THREADS" "$out/dossier-$size" "$out/copy-$size"
        if [ "$INCREMENTAL" = 1 ]; then
            # A full incremental build first (untimed), then one record's body changes and is rebuilt.
            inc="$out/dossier-inc-$size"
            fresh "$inc"
            "$DOSSIER" build --incremental --root "$site" --as-of "$AS_OF" --output "$inc" \
                >"$WORK/logs/incremental-full-$size.log" 2>&1 \
                || fail "dossier build --incremental failed" "$WORK/logs/incremental-full-$size.log"
            TOUCHED="$site/$TOUCHED_REL"
            cp -p "$TOUCHED" "$BACKUP"
            printf '\n本轮基准测试修改了这条记录（round %s）。\n' "$round" >>"$TOUCHED"
            measure dossier-incremental "$size" "$round" \
                "$DOSSIER" build --incremental --root "$site" --as-of "$AS_OF" --output "$inc"
            restore_touched
        fi
    done
    if [ "$SERVE" = 1 ]; then
        # One record edited under `dossier serve`: its page first, then the whole rebuild.
        echo "bench: $size records, dossier serve, $RUNS edits"
        fresh "$out/dossier-serve-$size"
        python3 "$BENCH/serve_edit.py" --dossier "$DOSSIER" --site "$site" --output "$out/dossier-serve-$size" \
            --record "$TOUCHED_REL" --size "$size" --rounds "$RUNS" --as-of "$AS_OF" --raw "$RAW" \
            || fail "timing dossier serve failed on the $size-record site"
    fi
done

# ---- 5. Report.
if [ -n "$DOSSIER_SOURCE" ]; then
    origin="$DOSSIER_SOURCE"
else
    origin="binary $DOSSIER of $(date -r "$DOSSIER" '+%Y-%m-%d %H:%M')"
fi
versions="dossier $("$DOSSIER" --version 2>/dev/null | head -n 1) ($origin)"
versions="$versions; $(hugo version | cut -d' ' -f1-2); libcmark $(pkg-config --modversion libcmark)"
versions="$versions; $(cc --version | head -n 1)"
python3 "$BENCH/report.py" --raw "$RAW" --pages "$PAGES" --out "$WORK" --runs "$RUNS" --as-of "$AS_OF" \
    --floor-threads "$FLOOR_THREADS" --incremental "$INCREMENTAL" --versions "$versions" \
    --load "$LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
