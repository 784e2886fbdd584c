"""Replays a conformance vector: builders through the generated native
exports, found by catalogue name; ``parse`` and ``verify`` through the
public API. (The public modules are those exports renamed; test_surface
replays one case of each through them.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import rtctoken
from rtctoken import _native

VECTORS = Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"
FILES = ["legacy.json", "access_token_006.json", "access_token2_007.json", "parse.json", "errors.json"]

Args = Dict[str, Any]


def cases(file: str) -> List[Dict[str, Any]]:
    """The cases of one vector file."""
    cs: List[Dict[str, Any]] = json.loads((VECTORS / file).read_text(encoding="utf-8"))["cases"]
    return cs


def _verify(a: Args) -> Dict[str, Any]:
    v = rtctoken.verify(a["token"], a["app_certificate"], channel_name=a.get("channel_name"), uid=a.get("uid"))
    return {"valid": v.is_valid}


#: Catalogue name -> its export; a vector's args are the export's keywords.
CALLS: Dict[str, Callable[..., Any]] = {name: getattr(_native, name.replace(".", "_")) for name in _native.CATALOGUE}
OTHERS: Dict[str, Callable[[Args], Any]] = {
    "parse": lambda a: rtctoken.parse(a["token"]).to_dict(),
    "verify": _verify,
}


def run(call: str, args: Args) -> Any:
    """The outcome of one case as the vectors record it: the output, or
    ``{"error": kind}``. An unknown call is an ``AssertionError`` (a failure)."""
    if call in CALLS:
        fn: Callable[[Args], Any] = lambda a: CALLS[call](**a)  # noqa: E731
    elif call in OTHERS:
        fn = OTHERS[call]
    else:
        raise AssertionError(f"the Python harness does not know the call {call!r}")
    try:
        return fn(args)
    except rtctoken.TokenError as e:
        return {"error": e.kind}
