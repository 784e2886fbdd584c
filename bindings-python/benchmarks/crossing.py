"""The crossing cost: a call through Python minus the same core call looped
inside the module (`_native.core_loop`), interleaved in one process and
timed in CPU time of this thread (`time.thread_time`), so the load of a
shared machine hits both alike. Prints the table BENCHMARKS.md records.

Usage: python benchmarks/crossing.py [ROUNDS]   (`make bench` runs it)
"""

import statistics
import sys
import time
import timeit
from typing import Any, Callable, Dict, List, Tuple

import rtctoken
from rtctoken import DynamicKey5, _native
from rtctoken.RtcTokenBuilder import RtcTokenBuilder as Rtc006
from rtctoken.RtcTokenBuilder2 import RtcTokenBuilder

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
STAMP = {"issue_ts": 1_700_000_000, "salt": 12345}
TOKEN_007 = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600, **STAMP)

Case = Tuple[str, Callable[..., Any], List[Any], Dict[str, Any], str, Dict[str, Any]]


def case_args(call: str, positional: List[Any], stamp: bool) -> Dict[str, Any]:
    """The catalogue arguments of `call` by name, as `core_loop` takes them."""
    import inspect

    names = [n for n in inspect.signature(getattr(_native, call.replace(".", "_"))).parameters]
    return {**dict(zip(names, positional)), **(STAMP if stamp else {})}


K006 = [APP_ID, CERT, CHANNEL, UID, 1, 1446455471]
K007 = [APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600]
KEY5 = [APP_ID, CERT, CHANNEL, 1446455472, 58964981, UID, 1446455471]
R006 = "rtc_token_builder.build_token_with_uid"
R007 = "rtc_token_builder2.build_token_with_uid"
KEY5_CALL = "dynamic_key5.generate_media_channel_key"
CASES: List[Case] = [
    ("006 RTC build, the export", _native.rtc_token_builder_build_token_with_uid, K006, {}, R006,
     case_args(R006, K006, False)),
    ("006 RTC build, `RtcTokenBuilder.buildTokenWithUid` (facade: renames)", Rtc006.buildTokenWithUid, K006, {}, R006,
     case_args(R006, K006, False)),
    ("006 RTC build, facade with `issue_ts=`/`salt=` (exact tests)", Rtc006.buildTokenWithUid, K006, STAMP, R006,
     case_args(R006, K006, True)),
    ("007 RTC build, `RtcTokenBuilder.build_token_with_uid` (the export)", RtcTokenBuilder.build_token_with_uid, K007,
     {}, R007, case_args(R007, K007, False)),
    ("DynamicKey5 media channel key, the export", _native.dynamic_key5_generate_media_channel_key, KEY5, {},
     KEY5_CALL, case_args(KEY5_CALL, KEY5, False)),
    ("DynamicKey5 media channel key, `generateMediaChannelKey` (facade: renames)", DynamicKey5.generateMediaChannelKey,
     KEY5, {}, KEY5_CALL, case_args(KEY5_CALL, KEY5, False)),
    ("007 parse, `_native.parse` (fields dict)", _native.parse, [TOKEN_007], {}, "parse", {"token": TOKEN_007}),
    ("007 parse, `rtctoken.parse` (typed, read-only objects)", rtctoken.parse, [TOKEN_007], {}, "parse",
     {"token": TOKEN_007}),
    ("007 verify, `rtctoken.verify`", rtctoken.verify, [TOKEN_007, CERT], {}, "verify",
     {"token": TOKEN_007, "app_certificate": CERT}),
]


def python_ns(fn: Callable[..., Any], args: List[Any], kwargs: Dict[str, Any], rounds: int) -> float:
    """Mean ns of `fn(*args, **kwargs)` called from Python, spelled out in
    the timed statement so no unpacking is timed."""
    env = {"f": fn, **{f"a{i}": a for i, a in enumerate(args)}, **kwargs}
    call = ", ".join([f"a{i}" for i in range(len(args))] + [f"{k}={k}" for k in kwargs])
    return timeit.Timer(f"f({call})", timer=time.thread_time, globals=env).timeit(rounds) / rounds * 1e9


def core_ns(call: str, args: Dict[str, Any], rounds: int) -> float:
    """Mean ns of the same call in the core alone."""
    start = time.thread_time()
    _native.core_loop(call, args, rounds)
    return (time.thread_time() - start) / rounds * 1e9


def main(rounds: int, repeats: int = 15) -> None:
    print("| call | through Python | core alone | crossing |")
    print("|---|---:|---:|---:|")
    for label, fn, args, kwargs, call, core_args in CASES:
        py, core = [], []
        for _ in range(repeats):
            py.append(python_ns(fn, args, kwargs, rounds))
            core.append(core_ns(call, core_args, rounds))
        p, c = statistics.median(py), statistics.median(core)
        print(f"| {label} | {p / 1000:.2f} µs | {c / 1000:.2f} µs | {(p - c) / 1000:.2f} µs |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
