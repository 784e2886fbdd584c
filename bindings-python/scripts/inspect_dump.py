"""Cross-language inspect check: one JSON line per token of the shared list,
``{"token", "inspect"}`` (as ``rtctoken.inspect`` returns it, now=1800000000)
or ``{"token", "error": kind}``, in file order.

Usage: python inspect_dump.py TOKENS_FILE OUT_FILE
"""

import json
import sys

import rtctoken

NOW = 1_800_000_000


def main(tokens_path: str, out_path: str) -> None:
    with open(tokens_path, encoding="utf-8") as f:
        tokens = [line.rstrip("\r\n") for line in f]
    if tokens and tokens[-1] == "":
        tokens.pop()
    with open(out_path, "w", encoding="utf-8") as out:
        for token in tokens:
            try:
                line = {"token": token, "inspect": rtctoken.inspect(token, now=NOW)}
            except rtctoken.TokenError as e:
                line = {"token": token, "error": e.kind}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
