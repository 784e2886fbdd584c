# `make test` builds everything and runs every test suite of every language.
# `.ci/run` calls exactly this. Each binding's own Makefile installs what it
# needs (venv, npm packages, Maven artefacts, CMake build tree).

CARGO ?= cargo

.PHONY: test test-core test-python test-node test-c test-java test-go test-cli test-server test-cross lint \
	fuzz deflate-exact callgrind test-asan dist test-dist version-check

test: lint version-check test-core test-cli test-server test-python test-node test-c test-java test-go test-cross

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-core:
	$(CARGO) test -p rtctoken

test-cli:
	$(CARGO) test -p rtctoken-cli

test-server:
	$(MAKE) -C server test

test-python:
	$(MAKE) -C bindings-python test

test-node:
	$(MAKE) -C bindings-node test

test-c:
	$(MAKE) -C bindings-c test

test-java:
	$(MAKE) -C bindings-java test

test-go:
	$(MAKE) -C bindings-go test

# The CLI and the five bindings must inspect every vector token alike.
CROSS := $(abspath target/cross-language)
TOKENS := $(abspath tests/cross_language/tokens.txt)

test-cross:
	mkdir -p $(CROSS)
	$(MAKE) -C cli inspect-dump OUT=$(CROSS)/cli.jsonl
	$(MAKE) -C bindings-python inspect-dump OUT=$(CROSS)/python.jsonl
	$(MAKE) -C bindings-node inspect-dump OUT=$(CROSS)/node.jsonl
	$(MAKE) -C bindings-c inspect-dump OUT=$(CROSS)/c.jsonl
	$(MAKE) -C bindings-java inspect-dump OUT=$(CROSS)/java.jsonl
	$(MAKE) -C bindings-go inspect-dump OUT=$(CROSS)/go.jsonl
	python3 tests/cross_language/check_inspect.py $(TOKENS) $(CROSS)/cli.jsonl \
		$(CROSS)/python.jsonl $(CROSS)/node.jsonl $(CROSS)/c.jsonl $(CROSS)/java.jsonl $(CROSS)/go.jsonl

# Every manifest (Cargo, pyproject, package.json and the npm platform
# packages, pom.xml, CMake, OpenAPI, a Go release tag on HEAD) carries the
# workspace version.
version-check:
	python3 packaging/version_check.py

# Release artifacts for the four linux targets into dist/ (RELEASING.md);
# DIST_TARGETS=<rust triples> narrows it. Installs its tools when missing.
dist:
	packaging/dist.sh

# Builds the CI subset of dist/ (x86_64 gnu for every language, the aarch64
# C tarball and static CLI) and installs and runs it with no Rust on PATH.
# DIST_BUILD=0 checks the dist/ that `make dist` left instead, musl
# included (packaging/musl-python.sh builds a musl CPython once for the
# musllinux wheel). `.ci/run` runs it after `make test`.
test-dist:
	packaging/test-dist.sh

# Not part of `test` (minutes, nightly): the C and C++ suites under
# AddressSanitizer and valgrind.
test-asan:
	$(MAKE) -C bindings-c asan

# Fuzzing, not part of `test`: each target runs FUZZ_SECONDS on a corpus
# seeded from tests/vectors/ (docs/fuzzing.md). Needs the nightly toolchain.
FUZZ_TARGETS := parse inspect verify builders deflate inflate
FUZZ_SECONDS ?= 60

fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	python3 fuzz/seed_corpus.py
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		mkdir -p corpus/$$t && $(CARGO) +nightly fuzz run -s none --debug-assertions $$t corpus/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 || exit 1; \
	done

# Outside `make test` (minutes): the Rust deflate against C zlib on over a
# million token-shaped and random inputs plus every length from 0 to one
# past zlib's 64 KiB window, and the inflater on a million damaged streams.
DEFLATE_CASES ?= 1000000

deflate-exact:
	RTCTOKEN_DEFLATE_CASES=$(DEFLATE_CASES) $(CARGO) test --release -p rtctoken --lib zlib:: -- --include-ignored

# Instructions per call of the BENCHMARKS.md rows under callgrind: each row
# runs 100 and 1100 times and the difference is divided by 1000, so process
# start-up cancels out.
HOT_PATHS := target/release/examples/hot_paths

callgrind:
	$(CARGO) build --release -p rtctoken --example hot_paths
	@for row in build_fresh build_fixed build_hex verify parse dk5 006; do \
		a=$$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $(HOT_PATHS) $$row 100 2>&1 | sed -n 's/.*Collected : //p'); \
		b=$$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $(HOT_PATHS) $$row 1100 2>&1 | sed -n 's/.*Collected : //p'); \
		echo "$$row: $$(( (b - a) / 1000 )) instructions per call"; \
	done
