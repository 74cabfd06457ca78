#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/DossierFuzz.swift into $FUZZ_BUILD_DIR/dossier-fuzz.
#
# 1. SwiftPM builds DossierKit and its dependencies (Yams with its C part CYaml) in release
#    mode in a scratch folder of its own, every Swift and C file compiled with coverage
#    instrumentation for libFuzzer and with AddressSanitizer (`-sanitize=fuzzer,address`,
#    `-fsanitize=fuzzer-no-link,address`). libcmark is Debian's shared library, not instrumented.
# 2. swiftc compiles the entry point against the built modules and links it with their object files,
#    libcmark and libFuzzer's main (`-sanitize=fuzzer`).
#
# Only DossierKit's public API is used, so no `-enable-testing` is needed.
#
# Environment: FUZZ_BUILD_DIR (default .build-fuzz), FUZZ_SANITIZE (default fuzzer,address; set
# it to `fuzzer` for a build about twice as fast to run, without ASan), SWIFT (default swift).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-$(dirname "$(command -v "$SWIFT")")/swiftc}
BUILD=${FUZZ_BUILD_DIR:-.build-fuzz}
SANITIZE=${FUZZ_SANITIZE:-fuzzer,address}
# clang's name for "instrument, but do not link libFuzzer's main into a library".
CC_SANITIZE=${SANITIZE/fuzzer/fuzzer-no-link}

start=$(date +%s)
echo "fuzz: building DossierKit with -sanitize=$SANITIZE in $BUILD (release)"
"$SWIFT" build -c release --scratch-path "$BUILD" --target DossierKit \
    -Xswiftc "-sanitize=$SANITIZE" -Xcc "-fsanitize=$CC_SANITIZE"

release="$BUILD/release"
objects=()
# DossierKit and everything it links, in dependency order; not the CLI or the tests.
for target in DossierKit Yams CYaml; do
    while IFS= read -r -d '' object; do objects+=("$object"); done \
        < <(find "$release/$target.build" -name '*.o' -print0 | sort -z)
done
[ "${#objects[@]}" -gt 0 ] || { echo "fuzz: no object files under $release" >&2; exit 1; }

# DossierKit's module imports the C modules CYaml and CCmark: the compiler needs their module maps.
cyaml_map=$(find "$BUILD/checkouts" -path '*/Sources/CYaml/include/module.modulemap' -print -quit)
[ -n "$cyaml_map" ] || { echo "fuzz: CYaml's module map not found under $BUILD/checkouts" >&2; exit 1; }

echo "fuzz: linking $BUILD/dossier-fuzz"
# -use-ld=lld: gold prints hundreds of harmless "Cannot export local symbol __asan_*" warnings.
"$SWIFTC" -O -swift-version 6 -parse-as-library -module-name DossierFuzz -sanitize="$SANITIZE" -use-ld=lld \
    -I "$release/Modules" \
    -Xcc -fmodule-map-file="$cyaml_map" \
    -Xcc -fmodule-map-file=Sources/CCmark/module.modulemap \
    Fuzz/DossierFuzz.swift "${objects[@]}" \
    $(pkg-config --libs libcmark 2>/dev/null || echo -lcmark) \
    -o "$BUILD/dossier-fuzz"
echo "fuzz: built $BUILD/dossier-fuzz in $(( $(date +%s) - start )) s"
