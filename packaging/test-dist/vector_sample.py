#!/usr/bin/env python3
"""Prints `<app_certificate>\t<token>` for a sample of the 007 vectors (every
5th case that yields a token; 007 tokens carry their channel and uid, so the
certificate alone verifies them), for VectorSample.java, which has no JSON
parser: test-dist's Java check needs only the JDK and the jar."""
import json
import pathlib
import sys

cases = json.loads((pathlib.Path(sys.argv[1]) / "access_token2_007.json").read_text(encoding="utf-8"))["cases"]
tokens = [c for c in cases if isinstance(c["expected"], str) and "app_certificate" in c["args"]]
for case in tokens[::5]:
    print(f"{case['args']['app_certificate']}\t{case['expected']}")
