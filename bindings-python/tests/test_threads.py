"""Builds from many threads at once: every token must be exact and verify
(the GIL is released inside each native call)."""

from __future__ import annotations

import threading
from typing import List

import rtctoken
from rtctoken.RtcTokenBuilder2 import Role_Publisher, RtcTokenBuilder

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
THREADS = 8
#: Enough overlapping calls that unsafe shared state would show; speed is
#: for `make bench`, not for this test.
PER_THREAD = 250


def test_8_threads_build_exact_tokens_at_once() -> None:
    errors: List[str] = []
    counts = [0] * THREADS
    start = threading.Barrier(THREADS)

    def worker(n: int) -> None:
        start.wait()
        for i in range(PER_THREAD):
            uid = n * PER_THREAD + i + 1
            token = RtcTokenBuilder.build_token_with_uid(
                APP_ID, CERT, f"channel-{n}", uid, Role_Publisher, 3600, 3600, issue_ts=1_700_000_000, salt=uid
            )
            info = rtctoken.parse(token)
            ok = (
                isinstance(info, rtctoken.AccessToken2Info)
                and info.salt == uid
                and info.services[0].uid == str(uid)
                and info.services[0].channel_name == f"channel-{n}"
                and rtctoken.verify(token, CERT).is_valid
            )
            if not ok:
                errors.append(f"thread {n} build {i}: {token}")
                return
            counts[n] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:5]
    assert counts == [PER_THREAD] * THREADS


def test_threads_agree_with_one_thread() -> None:
    # The same inputs give the same bytes whichever thread builds them.
    def build(uid: int) -> str:
        return RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", uid, 1, 600, 600, issue_ts=1, salt=2)

    expected = [build(u) for u in range(200)]
    results: List[List[str]] = [[] for _ in range(4)]

    def worker(n: int) -> None:
        results[n] = [build(u) for u in range(200)]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_native_calls_release_the_gil() -> None:
    """Not a timing test: with the switch interval made huge, this thread
    only gives up the GIL voluntarily, so the spinner thread can count only
    while a native call has released it. A binding that held the GIL would
    leave the count at exactly zero."""
    import sys
    import time

    counter = [0]
    stop = [False]
    started = threading.Event()

    def spin() -> None:
        started.set()
        while not stop[0]:
            counter[0] += 1
            time.sleep(0)  # hands the GIL straight back

    channel = "c" * 30_000  # a large payload keeps each native call busy a while
    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    spinner = threading.Thread(target=spin)
    try:
        spinner.start()
        started.wait()
        base = counter[0]
        for uid in range(1, 301):
            RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, channel, str(uid), 1, 600, issue_ts=1, salt=1)
        during = counter[0] - base
    finally:
        stop[0] = True
        sys.setswitchinterval(old)
        spinner.join()
    assert during > 0, "no Python thread ran while the native calls worked: the GIL was held"
