# `make test` builds everything and runs every test suite of every language.
# `.ci/run` calls exactly this. Each binding's own Makefile installs what it
# needs (venv, npm packages, Maven artefacts, CMake build tree).

CARGO ?= cargo

.PHONY: test test-core test-python test-node test-c test-java test-cli lint

test: lint test-core test-cli test-python test-node test-c test-java

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
