"""The crossing cost: a call through Python minus the same core call looped
inside the module (`_native.core_loop`), interleaved in one process and
timed in CPU time of this thread (`time.thread_time`), so the load of a
shared machine hits both alike. Prints the table BENCHMARKS.md records.

Usage: python benchmarks/crossing.py [ROUNDS] [PACKAGE ...]   (`make bench` runs it)

PACKAGEs (default `rtctoken`) are importable copies of the package, e.g.
another wheel installed with `pip install --target DIR` and its `rtctoken`
folder renamed: each row is then timed for every copy in turn, in the same
run, one crossing column each (before/after comparisons).
"""

import importlib
import inspect
import statistics
import sys
import time
import timeit
from types import ModuleType
from typing import Any, Callable, Dict, List, Tuple

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
STAMP = {"issue_ts": 1_700_000_000, "salt": 12345}
K006 = [APP_ID, CERT, CHANNEL, UID, 1, 1446455471]
K007 = [APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600]
KEY5 = [APP_ID, CERT, CHANNEL, 1446455472, 58964981, UID, 1446455471]
R006 = "rtc_token_builder.build_token_with_uid"
R007 = "rtc_token_builder2.build_token_with_uid"
KEY5_CALL = "dynamic_key5.generate_media_channel_key"

#: label, function, positional args, keyword args, core call, its arguments
Case = Tuple[str, Callable[..., Any], List[Any], Dict[str, Any], str, Dict[str, Any]]


def cases(pkg: ModuleType) -> List[Case]:
    """The rows, each timed through the package `pkg` (a copy of rtctoken)."""
    native = pkg._native
    rtc006 = importlib.import_module(pkg.__name__ + ".RtcTokenBuilder").RtcTokenBuilder
    rtc007 = importlib.import_module(pkg.__name__ + ".RtcTokenBuilder2").RtcTokenBuilder
    key5 = importlib.import_module(pkg.__name__ + ".DynamicKey5")
    token = rtc007.build_token_with_uid(*K007, **STAMP)

    def args(call: str, positional: List[Any], stamp: bool) -> Dict[str, Any]:
        """The catalogue arguments of `call` by name, as `core_loop` takes them."""
        names = list(inspect.signature(getattr(native, call.replace(".", "_"))).parameters)
        return {**dict(zip(names, positional)), **(STAMP if stamp else {})}

    parse = {"token": token}
    verify = {"token": token, "app_certificate": CERT}
    return [
        ("006 RTC build, the export", native.rtc_token_builder_build_token_with_uid, K006, {}, R006,
         args(R006, K006, False)),
        ("006 RTC build, `RtcTokenBuilder.buildTokenWithUid` (renaming drop-in)", rtc006.buildTokenWithUid, K006,
         {}, R006, args(R006, K006, False)),
        ("006 RTC build, drop-in with `issue_ts=`/`salt=` (exact tests)", rtc006.buildTokenWithUid, K006, STAMP,
         R006, args(R006, K006, True)),
        ("007 RTC build, `RtcTokenBuilder.build_token_with_uid` (the export)", rtc007.build_token_with_uid, K007,
         {}, R007, args(R007, K007, False)),
        ("DynamicKey5 media channel key, the export", native.dynamic_key5_generate_media_channel_key, KEY5, {},
         KEY5_CALL, args(KEY5_CALL, KEY5, False)),
        ("DynamicKey5 media channel key, `generateMediaChannelKey` (renaming drop-in)",
         key5.generateMediaChannelKey, KEY5, {}, KEY5_CALL, args(KEY5_CALL, KEY5, False)),
        ("007 parse, `rtctoken.parse` (typed, read-only objects)", pkg.parse, [token], {}, "parse", parse),
        ("007 verify, `rtctoken.verify`", pkg.verify, [token, CERT], {}, "verify", verify),
    ]


def python_ns(fn: Callable[..., Any], args: List[Any], kwargs: Dict[str, Any], rounds: int) -> float:
    """Mean ns of `fn(*args, **kwargs)` called from Python, spelled out in
    the timed statement so no unpacking is timed."""
    env = {"f": fn, **{f"a{i}": a for i, a in enumerate(args)}, **kwargs}
    call = ", ".join([f"a{i}" for i in range(len(args))] + [f"{k}={k}" for k in kwargs])
    return timeit.Timer(f"f({call})", timer=time.thread_time, globals=env).timeit(rounds) / rounds * 1e9


def core_ns(native: ModuleType, call: str, args: Dict[str, Any], rounds: int) -> float:
    """Mean ns of the same call in the core alone."""
    start = time.thread_time()
    native.core_loop(call, args, rounds)
    return (time.thread_time() - start) / rounds * 1e9


def main(rounds: int, packages: List[str], repeats: int = 15) -> None:
    pkgs = [importlib.import_module(p) for p in packages]
    rows = [cases(p) for p in pkgs]
    many = len(pkgs) > 1
    head = [f"{p}: Python, core, crossing" for p in packages] if many else ["through Python", "core alone", "crossing"]
    print("| call | " + " | ".join(head) + " |")
    print("|---|" + "---:|" * len(head))
    for i, (label, *_) in enumerate(rows[0]):
        py: List[List[float]] = [[] for _ in pkgs]
        core: List[List[float]] = [[] for _ in pkgs]
        for _ in range(repeats):
            for j, pkg in enumerate(pkgs):
                _, fn, args, kwargs, call, core_args = rows[j][i]
                py[j].append(python_ns(fn, args, kwargs, rounds))
                core[j].append(core_ns(pkg._native, call, core_args, rounds))
        cells = []
        for j in range(len(pkgs)):
            p, c = statistics.median(py[j]) / 1000, statistics.median(core[j]) / 1000
            cells.append(f"{p:.2f}, {c:.2f}, **{p - c:.2f}** µs" if many else f"{p:.2f} µs | {c:.2f} µs | {p - c:.2f} µs")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000, sys.argv[2:] or ["rtctoken"])
