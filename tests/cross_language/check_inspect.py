"""Checks that every binding and the CLI inspect every token alike.

Usage: python3 check_inspect.py TOKENS DUMP...

Each DUMP is JSON lines, one per line of TOKENS in order:
{"token": t, "inspect": {...}} or {"token": t, "error": kind}.
Objects are compared as parsed JSON, so key order and escaping do not matter.
"""

import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(tokens_path, dumps):
    with open(tokens_path, encoding="utf-8") as f:
        tokens = [line.rstrip("\n") for line in f if line.strip()]
    results = {path: load(path) for path in dumps}
    failures = []
    for path, rows in results.items():
        if len(rows) != len(tokens):
            failures.append(f"{path}: {len(rows)} lines for {len(tokens)} tokens")
            continue
        for i, (row, token) in enumerate(zip(rows, tokens)):
            if row.get("token") != token:
                failures.append(f"{path}:{i + 1}: token out of order")
                break
    if failures:
        sys.exit("\n".join(failures))
    reference, *others = dumps
    kinds = {"inspect": 0, "error": 0}
    for i, token in enumerate(tokens):
        want = results[reference][i]
        kinds["inspect" if "inspect" in want else "error"] += 1
        for path in others:
            got = results[path][i]
            if got != want:
                failures.append(f"token {i + 1} ({token[:24]}...): {reference} says {json.dumps(want)[:300]}\n    but {path} says {json.dumps(got)[:300]}")
    if failures:
        sys.exit(f"{len(failures)} disagreements:\n" + "\n".join(failures[:20]))
    print(f"{len(dumps)} implementations agree on all {len(tokens)} tokens "
          f"({kinds['inspect']} inspected, {kinds['error']} refused with the same kind)")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
