# `make test` builds everything and runs every test suite of every language.
# `.ci/run` calls exactly this. Each binding's own Makefile installs what it
# needs (venv, npm packages, Maven artefacts, CMake build tree).

CARGO ?= cargo

.PHONY: test test-core test-python test-node test-c test-java test-cli test-cross lint \
	deflate-exact fuzz-zlib callgrind

test: lint test-core test-cli test-python test-node test-c test-java test-cross

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-core:
	$(CARGO) test -p rtctoken

test-cli:
	$(CARGO) test -p rtctoken-cli

test-python:
	$(MAKE) -C bindings-python test

test-node:
	$(MAKE) -C bindings-node test

test-c:
	$(MAKE) -C bindings-c test

test-java:
	$(MAKE) -C bindings-java test

# The CLI and the four bindings must inspect every vector token alike.
CROSS := $(abspath target/cross-language)
TOKENS := $(abspath tests/cross_language/tokens.txt)

test-cross:
	mkdir -p $(CROSS)
	$(MAKE) -C cli inspect-dump OUT=$(CROSS)/cli.jsonl
	$(MAKE) -C bindings-python inspect-dump OUT=$(CROSS)/python.jsonl
	$(MAKE) -C bindings-node inspect-dump OUT=$(CROSS)/node.jsonl
	$(MAKE) -C bindings-c inspect-dump OUT=$(CROSS)/c.jsonl
	$(MAKE) -C bindings-java inspect-dump OUT=$(CROSS)/java.jsonl
	python3 tests/cross_language/check_inspect.py $(TOKENS) $(CROSS)/cli.jsonl \
		$(CROSS)/python.jsonl $(CROSS)/node.jsonl $(CROSS)/c.jsonl $(CROSS)/java.jsonl

# Outside `make test` (minutes): the Rust deflate against C zlib on over a
# million token-shaped and random inputs plus every length from 0 to one
# past zlib's 64 KiB window, and the inflater on a million damaged streams.
DEFLATE_CASES ?= 1000000

deflate-exact:
	RTCTOKEN_DEFLATE_CASES=$(DEFLATE_CASES) $(CARGO) test --release -p rtctoken --lib zlib:: -- --include-ignored

# Differential fuzzing of deflate and inflate against C zlib (nightly, cargo-fuzz).
FUZZ_SECONDS ?= 120

fuzz-zlib:
	cd core/fuzz && $(CARGO) +nightly fuzz run deflate -- -max_total_time=$(FUZZ_SECONDS)
	cd core/fuzz && $(CARGO) +nightly fuzz run inflate -- -max_total_time=$(FUZZ_SECONDS)

# Instructions per call of the BENCHMARKS.md rows under callgrind: each row
# runs 100 and 1100 times and the difference is divided by 1000, so process
# start-up cancels out.
HOT_PATHS := target/release/examples/hot_paths

callgrind:
	$(CARGO) build --release -p rtctoken --example hot_paths
	@for row in build_fresh build_fixed verify dk5 006; do \
		a=$$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $(HOT_PATHS) $$row 100 2>&1 | sed -n 's/.*Collected : //p'); \
		b=$$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $(HOT_PATHS) $$row 1100 2>&1 | sed -n 's/.*Collected : //p'); \
		echo "$$row: $$(( (b - a) / 1000 )) instructions per call"; \
	done
