"""Every error kind: its class, its ``.kind``, a real input that raises it,
and the rules around errors (ValueError base, TypeError for wrong types,
no wrapping of out-of-range ints, no secret in messages)."""

from __future__ import annotations

from typing import Callable, Dict

import pytest

import rtctoken
from rtctoken import _native
from rtctoken.AccessToken import AccessToken as AccessToken006
from rtctoken.AccessToken2 import AccessToken, ServiceRtc, ServiceRtm2
from rtctoken.apaas_token_builder import ApaasTokenBuilder
from rtctoken.convoai_token_builder import ConvoAITokenBuilder
from rtctoken.education_token_builder import EducationTokenBuilder
from rtctoken.DynamicKey5 import generateInChannelPermissionKey
from rtctoken.RtcTokenBuilder import RtcTokenBuilder as Rtc006
from rtctoken.RtcTokenBuilder2 import RtcTokenBuilder
from rtctoken.RtmTokenBuilder2 import RtmTokenBuilder

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"


def _no_service() -> None:
    AccessToken(APP_ID, CERT, issue_ts=1, salt=1).build()


def _too_long() -> None:
    RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, "x" * 70000, "a", 1, 600)


def _rtm2_bad_permission() -> None:
    p = ServiceRtm2.Permissions()
    p.add(9, 0, ["c"])
    RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", p, 600)


def _missing_input() -> None:
    token = Rtc006.buildTokenWithUid(APP_ID, CERT, "ch", 1, 1, 0)
    rtctoken.verify(token, CERT)


TRIGGERS: Dict[str, Callable[[], object]] = {
    "invalid_app_id": lambda: RtcTokenBuilder.build_token_with_uid("abc", CERT, "ch", 1, 1, 600),
    "invalid_app_certificate": lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, "abc", "ch", 1, 1, 600),
    "no_service": _no_service,
    "field_too_long": _too_long,
    "malformed": lambda: rtctoken.parse("007@@@@"),
    "unsupported_version": lambda: rtctoken.parse("008" + "A" * 40),
    "invalid_argument": _rtm2_bad_permission,
    "missing_input": _missing_input,
}


def test_kinds_match_the_core() -> None:
    assert sorted(rtctoken.ERROR_CLASSES) == sorted(_native.error_kinds())


@pytest.mark.parametrize("kind", sorted(TRIGGERS))
def test_real_input_raises_its_kind(kind: str) -> None:
    with pytest.raises(rtctoken.ERROR_CLASSES[kind]) as info:
        TRIGGERS[kind]()
    err = info.value
    assert isinstance(err, rtctoken.TokenError)
    assert isinstance(err, ValueError)
    assert err.kind == kind
    assert str(err), "the message names the field and the rule"


@pytest.mark.parametrize("kind", sorted(_native.error_kinds()))
def test_every_kind_maps_to_its_class(kind: str) -> None:
    # `internal` is only produced by a caught panic; the mapping is proven
    # for every kind, including that one, through the native error path.
    with pytest.raises(rtctoken.TokenError) as info:
        _native.raise_kind(kind)
    assert type(info.value) is rtctoken.ERROR_CLASSES[kind]
    assert info.value.kind == kind


def test_every_kind_is_triggered_by_input_except_internal() -> None:
    assert set(TRIGGERS) == set(_native.error_kinds()) - {"internal"}


def test_messages_never_contain_the_certificate() -> None:
    secret = "5CFd2fd1755d40ecb72977518be15d3Z"  # invalid, so it is refused
    with pytest.raises(rtctoken.InvalidAppCertificateError) as info:
        RtcTokenBuilder.build_token_with_uid(APP_ID, secret, "ch", 1, 1, 600)
    assert secret not in str(info.value)
    assert CERT not in repr(AccessToken(APP_ID, CERT))


@pytest.mark.parametrize("uid", [-1, 2**32, 2**64, -(2**63)])
def test_uids_out_of_range_are_refused_not_wrapped(uid: int) -> None:
    with pytest.raises(rtctoken.InvalidArgumentError, match="uid"):
        RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", uid, 1, 600)
    with pytest.raises(rtctoken.InvalidArgumentError, match="uid"):
        ServiceRtc("ch", uid)
    with pytest.raises(rtctoken.InvalidArgumentError, match="uid"):
        Rtc006.buildTokenWithUid(APP_ID, CERT, "ch", uid, 1, 0)


def test_uid_edges_are_accepted() -> None:
    for uid in (0, 1, 2**32 - 1):
        token = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", uid, 1, 600)
        info = rtctoken.parse(token)
        assert isinstance(info, rtctoken.AccessToken2Info)
        assert info.services[0].uid == ("" if uid == 0 else str(uid))


@pytest.mark.parametrize(
    "call",
    [
        lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, 5, 1, 1, 600),
        lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", "1", 1, 600),
        lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", 1.0, 1, 600),
        lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", True, 1, 600),
        lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", 1, 1, 600, issue_ts="now"),
        lambda: rtctoken.parse(b"007abc"),
        lambda: rtctoken.verify("007abc", 42),
        lambda: generateInChannelPermissionKey(APP_ID, CERT, "ch", 1, 1, 1, 1, 3),
        lambda: ServiceRtc("ch", None),
        lambda: AccessToken().from_string(b"007abc"),
        lambda: AccessToken006().fromString(b"006abc"),
    ],
)
def test_wrong_python_types_raise_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()


def test_keyword_only_stamp() -> None:
    with pytest.raises(TypeError):
        RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", 1, 1, 600, 600, 1111)  # type: ignore[misc]


def test_bad_input_never_returns_an_empty_string() -> None:
    for trigger in TRIGGERS.values():
        try:
            out = trigger()
        except rtctoken.TokenError:
            continue
        raise AssertionError(f"expected an error, got {out!r}")


def test_006_from_string_and_verify() -> None:
    t = Rtc006.buildTokenWithUid(APP_ID, CERT, "ch", 7, 1, 0, issue_ts=1000, salt=5)
    info = rtctoken.parse(t)
    assert isinstance(info, rtctoken.AccessTokenInfo)
    assert (info.salt, info.ts) == (5, 1000 + 24 * 3600)
    assert rtctoken.verify(t, [CERT.lower().replace("5", "6"), CERT], channel_name="ch", uid="7").matched == 1
    assert not rtctoken.verify(t, CERT, channel_name="other", uid="7")


@pytest.mark.parametrize(
    "field,call",
    [
        ("channel_name", lambda s: RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, s, 1, 1, 600)),
        ("account", lambda s: RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, "ch", s, 1, 600)),
        ("user_id", lambda s: RtmTokenBuilder.build_token(APP_ID, CERT, s, 600)),
        ("app_certificate", lambda s: Rtc006.buildTokenWithUid(APP_ID, s, "ch", 1, 1, 0)),
        ("channel_name", lambda s: generateInChannelPermissionKey(APP_ID, CERT, s, 1, 1, 1, 1, "0")),
        ("uid", lambda s: ServiceRtc("ch", s)),
        ("token", lambda s: rtctoken.parse(s)),
    ],
)
def test_lone_surrogates_are_a_typed_error_naming_the_field(field: str, call: Callable[[str], object]) -> None:
    with pytest.raises(rtctoken.InvalidArgumentError) as caught:
        call("bob\ud800")
    message = str(caught.value)
    assert message.startswith(field) and "surrogate" in message and "bob" not in message, message


def test_messages_quote_no_argument_wholesale() -> None:
    with pytest.raises(rtctoken.InvalidArgumentError) as huge_int:
        RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "ch", 10**5000, 1, 600)
    assert str(huge_int.value).startswith("uid must be in 0..=4294967295") and len(str(huge_int.value)) < 120
    secret_in_the_wrong_place = {"type": "rtc", "channel_name": "ch", "uid": 7, "privileges": {1: CERT}}
    with pytest.raises(rtctoken.InvalidArgumentError) as wrong_type:
        _native.access_token2_build(APP_ID, CERT, 600, [secret_in_the_wrong_place])
    assert CERT not in str(wrong_type.value) and str(wrong_type.value).startswith("services: invalid type, expected")
    with pytest.raises(rtctoken.InvalidArgumentError) as unknown:
        _native.access_token2_build(APP_ID, CERT, 600, [{"type": "x" * 100_000, "privileges": {}}])
    assert str(unknown.value).startswith("services: unknown variant, expected one of") and len(str(unknown.value)) < 300


LONG = "y" * 70_000
RTM2_KW = dict(
    channel_name="ch",
    rtc_account="a",
    rtc_role=1,
    rtc_token_expire=600,
    join_channel_privilege_expire=600,
    pub_audio_privilege_expire=600,
    pub_video_privilege_expire=600,
    pub_data_stream_privilege_expire=600,
    rtm_user_id="u",
    rtm_token_expire=600,
)


@pytest.mark.parametrize(
    "field,call",
    [
        ("account", lambda: RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, "ch", account=LONG, role=1, token_expire=600)),
        ("account", lambda: RtcTokenBuilder.build_token_with_rtm(APP_ID, CERT, "ch", account=LONG, role=1, token_expire=600)),
        ("rtc_account", lambda: RtcTokenBuilder.build_token_with_rtm2(APP_ID, CERT, **{**RTM2_KW, "rtc_account": LONG})),
        ("rtm_user_id", lambda: RtcTokenBuilder.build_token_with_rtm2(APP_ID, CERT, **{**RTM2_KW, "rtm_user_id": LONG})),
        ("rtc_account", lambda: ConvoAITokenBuilder.build_token(APP_ID, CERT, **{**RTM2_KW, "rtc_account": LONG})),
        ("user_uuid", lambda: ApaasTokenBuilder.build_room_user_token(APP_ID, CERT, "room", user_uuid=LONG, role=1, expire=600)),
        ("user_uuid", lambda: EducationTokenBuilder.build_room_user_token(APP_ID, CERT, "room", user_uuid=LONG, role=1, expire=600)),
    ],
)
def test_a_too_long_argument_is_named_as_the_caller_passed_it(field: str, call: Callable[[], object]) -> None:
    with pytest.raises(rtctoken.FieldTooLongError) as caught:
        call()
    assert str(caught.value).startswith(f"{field} must be at most 65535 bytes"), str(caught.value)
