# `make test` builds everything and runs every test suite of every language.
# `.ci/run` calls exactly this. Each binding's own Makefile installs what it
# needs (venv, npm packages, Maven artefacts, CMake build tree).

CARGO ?= cargo

.PHONY: test test-core test-python test-node test-c test-java test-go test-cli test-server test-cross lint

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
