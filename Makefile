# `make test` builds everything and runs every test suite of every language.
# `.ci/run` calls exactly this. Each binding's own Makefile installs what it
# needs (venv, npm packages, Maven artefacts, CMake build tree).

CARGO ?= cargo

.PHONY: test test-core test-python test-node test-c test-java test-go test-cli test-server test-cross lint fuzz

test: lint test-core test-cli test-server test-python test-node test-c test-java test-go test-cross

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

# Fuzzing, not part of `test`: each target runs FUZZ_SECONDS on a corpus
# seeded from tests/vectors/ (docs/fuzzing.md). Needs the nightly toolchain.
FUZZ_TARGETS := parse inspect verify builders
FUZZ_SECONDS ?= 60

fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	python3 fuzz/seed_corpus.py
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		$(CARGO) +nightly fuzz run -s none --debug-assertions $$t corpus/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 || exit 1; \
	done
