"""Differential tests against the pure-Python packages users install today
(``agoraiotools``, the python3 reference on PyPI, and ``agora-token-builder``
for 006): random inputs, byte-identical tokens. Their clock and random salt
are pinned by swapping the ``time``/``secrets`` modules they look up."""

from __future__ import annotations

import importlib
import types
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
agoraiotools = pytest.importorskip("agoraiotools")
pytest.importorskip("agora_token_builder")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import agora_token_builder.AccessToken as ref006_token  # noqa: E402
from agora_token_builder.RtcTokenBuilder import RtcTokenBuilder as Ref006  # noqa: E402
from agoraiotools import DynamicKey5 as RefKey5  # noqa: E402
from agoraiotools.RtcTokenBuilder2 import RtcTokenBuilder as Ref007  # noqa: E402

from rtctoken import DynamicKey5  # noqa: E402
from rtctoken.RtcTokenBuilder import RtcTokenBuilder as Rtc006  # noqa: E402
from rtctoken.RtcTokenBuilder2 import RtcTokenBuilder  # noqa: E402

# The package re-exports a class named like the module, so fetch the module itself.
ref_token2 = importlib.import_module("agoraiotools.AccessToken2")

HEX = "0123456789abcdefABCDEF"
hex32 = st.text(alphabet=HEX, min_size=32, max_size=32)
u32 = st.integers(min_value=0, max_value=2**32 - 1)
name = st.text(min_size=0, max_size=64)
SETTINGS = settings(max_examples=200, deadline=None)


def _pin(module: Any, monkeypatch: pytest.MonkeyPatch, now: int, salt: int) -> None:
    """Makes `module` see a fixed clock and a fixed 'random' salt."""

    class _Random:
        def randint(self, lo: int, hi: int) -> int:
            return salt

    monkeypatch.setattr(module, "time", types.SimpleNamespace(time=lambda: now))
    monkeypatch.setattr(module, "secrets", types.SimpleNamespace(SystemRandom=_Random))


@SETTINGS
@given(
    app_id=hex32,
    cert=hex32,
    channel=name,
    uid=u32,
    role=st.sampled_from([1, 2]),
    token_expire=u32,
    privilege_expire=u32,
    issue_ts=st.integers(min_value=1, max_value=2**32 - 1),
    salt=st.integers(min_value=1, max_value=99_999_999),
)
def test_007_rtc_build_matches_agoraiotools(
    app_id: str, cert: str, channel: str, uid: int, role: int, token_expire: int, privilege_expire: int, issue_ts: int, salt: int
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        _pin(ref_token2, mp, issue_ts, salt)
        expected = Ref007.build_token_with_uid(app_id, cert, channel, uid, role, token_expire, privilege_expire)
    got = RtcTokenBuilder.build_token_with_uid(
        app_id, cert, channel, uid, role, token_expire, privilege_expire, issue_ts=issue_ts, salt=salt
    )
    assert got == expected


@SETTINGS
@given(
    app_id=hex32,
    cert=hex32,
    channel=name,
    unix_ts=u32,
    random_int=u32,
    uid=u32,
    expired_ts=u32,
    permission=st.sampled_from(["0", "3"]),
)
def test_dynamic_key5_matches_agoraiotools(
    app_id: str, cert: str, channel: str, unix_ts: int, random_int: int, uid: int, expired_ts: int, permission: str
) -> None:
    args = (app_id, cert, channel, unix_ts, random_int, uid, expired_ts)
    assert DynamicKey5.generateMediaChannelKey(*args) == RefKey5.generateMediaChannelKey(*args)
    assert DynamicKey5.generateInChannelPermissionKey(*args, permission) == RefKey5.generateInChannelPermissionKey(
        *args, permission.encode()
    )


@SETTINGS
@given(
    app_id=hex32,
    cert=hex32,
    channel=name,
    uid=u32,
    role=st.sampled_from([0, 1, 2, 101]),
    expired_ts=u32,
    issue_ts=st.integers(min_value=1, max_value=2**32 - 1 - 86400),
    salt=st.integers(min_value=1, max_value=99_999_999),
)
def test_006_rtc_build_matches_agora_token_builder(
    app_id: str, cert: str, channel: str, uid: int, role: int, expired_ts: int, issue_ts: int, salt: int
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        _pin(ref006_token, mp, issue_ts, salt)
        expected = Ref006.buildTokenWithUid(app_id, cert, channel, uid, role, expired_ts)
    got = Rtc006.buildTokenWithUid(app_id, cert, channel, uid, role, expired_ts, issue_ts=issue_ts, salt=salt)
    assert got == expected
