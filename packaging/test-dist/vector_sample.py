#!/usr/bin/env python3
"""Prints `<app_certificate>\t<token>` for a sample of the 006 and 007
vectors (every 10th case that yields a token), for VectorSample.java, which
has no JSON parser: test-dist's Java check needs only the JDK and the jar."""
import json
import pathlib
import sys

vectors = pathlib.Path(sys.argv[1])
for name in ("access_token2_007.json", "access_token_006.json"):
    cases = json.loads((vectors / name).read_text(encoding="utf-8"))["cases"]
    tokens = [c for c in cases if isinstance(c["expected"], str) and "app_certificate" in c["args"]]
    for case in tokens[::10]:
        print(f"{case['args']['app_certificate']}\t{case['expected']}")
