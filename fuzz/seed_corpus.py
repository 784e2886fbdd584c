#!/usr/bin/env python3
"""Writes the fuzz seed corpora from tests/vectors/ (and the shared token
list), one file per seed, into fuzz/corpus/<target>/. Run by `make fuzz`;
the corpora are generated, not committed.

  parse, inspect  every token the vectors hold (built, parsed or refused)
  verify          "certificate\\ntoken\\nchannel\\nuid" for every built token
  builders        every builder case as its {"call", "args"} JSON
  inflate         the zlib stream of every 007 token
  deflate         the payload of every 007 token (what the builders deflate)
"""
import base64
import binascii
import hashlib
import json
import pathlib
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
CORPUS = ROOT / "fuzz" / "corpus"
# libFuzzer's inputs stay small; the one 65,536-byte field case is left out.
MAX_SEED = 8192


def cases():
    for path in sorted(VECTORS.glob("*.json")):
        yield from json.loads(path.read_text())["cases"]


def uid_text(args):
    for key in ("uid", "account", "user_account"):
        value = args.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, int):
            return "" if value == 0 else str(value)
    return ""


def main():
    seeds = {"parse": set(), "inspect": set(), "verify": set(), "builders": set(),
             "inflate": set(), "deflate": set()}
    tokens = set()
    for case in cases():
        args, expected = case["args"], case["expected"]
        if isinstance(expected, str):
            tokens.add(expected)
            seeds["builders"].add(json.dumps({"call": case["call"], "args": args}))
            seeds["verify"].add("\n".join([
                args.get("app_certificate", ""), expected,
                args.get("channel_name", args.get("user_account", "")), uid_text(args),
            ]))
        elif case["call"] in ("parse", "verify"):
            tokens.add(args["token"])
            if case["call"] == "verify":
                seeds["verify"].add("\n".join([
                    args["app_certificate"], args["token"],
                    args.get("channel_name", ""), args.get("uid", ""),
                ]))
        else:
            seeds["builders"].add(json.dumps({"call": case["call"], "args": args}))
    shared = ROOT / "tests" / "cross_language" / "tokens.txt"
    tokens.update(line for line in shared.read_text().splitlines() if line)
    seeds["parse"] |= tokens
    seeds["inspect"] |= tokens
    for token in tokens:
        if not token.startswith("007"):
            continue
        try:
            stream = base64.b64decode(token[3:], validate=True)
            payload = zlib.decompress(stream)
        except (binascii.Error, zlib.error):
            continue
        seeds["inflate"].add(stream)
        seeds["deflate"].add(payload)
    for target, items in seeds.items():
        out = CORPUS / target
        out.mkdir(parents=True, exist_ok=True)
        written = 0
        for item in items:
            data = item if isinstance(item, bytes) else item.encode()
            if len(data) > MAX_SEED:
                continue
            (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
            written += 1
        print(f"fuzz/corpus/{target}: {written} seeds")


if __name__ == "__main__":
    main()
