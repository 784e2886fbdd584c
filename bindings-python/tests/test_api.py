"""The additions over the reference: typed read-only ``parse``, ``verify``
with several certificates, ``inspect``, and the AccessToken classes'
round trips."""

from __future__ import annotations

import dataclasses
import importlib
import json

import pytest

import rtctoken
from rtctoken import AccessToken2 as at2
from rtctoken.AccessToken import AccessToken as AccessToken006
from rtctoken.DynamicKey import generate as dk1
from rtctoken.DynamicKey4 import generateRecordingKey
from rtctoken.DynamicKey5 import generateInChannelPermissionKey
from rtctoken.RtcTokenBuilder2 import RtcTokenBuilder
from rtctoken.RtmTokenBuilder2 import RtmTokenBuilder
from rtctoken.SignalingToken import generateSignalingToken

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
OTHER = "0123456789abcdef0123456789abcdef"


def test_parse_returns_the_typed_class_of_each_version() -> None:
    assert isinstance(rtctoken.parse(dk1(APP_ID, CERT, "c", 1, 2)), rtctoken.DynamicKeyInfo)
    key4 = rtctoken.parse(generateRecordingKey(APP_ID, CERT, "c", 1, 2, 3, 4))
    assert isinstance(key4, rtctoken.DynamicKeyInfo) and key4.version == "004" and key4.expired_ts == 4
    key5 = rtctoken.parse(generateInChannelPermissionKey(APP_ID, CERT, "c", 1, 2, 3, 4, "3"))
    assert isinstance(key5, rtctoken.DynamicKey5Info) and key5.extra == {1: "3"}
    sig = rtctoken.parse(generateSignalingToken("acc", APP_ID, CERT, 99))
    assert isinstance(sig, rtctoken.SignalingTokenInfo) and sig.expired_ts == 99
    t006 = AccessToken006(APP_ID, CERT, "c", 0, issue_ts=10, salt=3)
    t006.addPrivilege(1, 0)
    info006 = rtctoken.parse(t006.build())
    assert isinstance(info006, rtctoken.AccessTokenInfo) and info006.privileges == {1: 0}


def test_parsed_objects_are_read_only() -> None:
    p = at2.ServiceRtm2.Permissions()
    p.add(p.kMessageChannels, p.kRead, ["a", "b"])
    token = RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", p, 600, issue_ts=5, salt=6)
    info = rtctoken.parse(token)
    assert isinstance(info, rtctoken.AccessToken2Info)
    svc = info.services[0]
    assert svc.type == "rtm2" and svc.user_id == "u"
    assert svc.permissions == {0: {0: ("a", "b")}}
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.expire = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        svc.privileges[1] = 5  # type: ignore[index]
    d = info.to_dict()
    d["expire"] = 1
    assert info.to_dict()["expire"] == 600


def test_parsed_objects_are_the_dataclasses_their_constructors_make() -> None:
    # `parse` fills the instances natively, without `__init__`: equality,
    # repr, fields, asdict and replace must see what a constructor call makes.
    key4 = generateRecordingKey(APP_ID, CERT, "c", 1, 2, 3, 4)
    info = rtctoken.parse(key4)
    made = rtctoken.DynamicKeyInfo(key4, "004", APP_ID, 1, 2, None, 4)
    assert info == made and repr(info) == repr(made)
    assert [f.name for f in dataclasses.fields(info)] == ["_token", "version", "app_id", "unix_ts", "random_int",
                                                          "uid", "expired_ts"]
    assert dataclasses.asdict(info) == dataclasses.asdict(made)
    assert dataclasses.replace(info, uid=9) == dataclasses.replace(made, uid=9)
    token = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", 7, 1, 600, 600, issue_ts=5, salt=6)
    info2 = rtctoken.parse(token)
    assert isinstance(info2, rtctoken.AccessToken2Info)
    service = rtctoken.ServiceInfo("rtc", {1: 600, 2: 600, 3: 600, 4: 600}, channel_name="c", uid="7")
    assert info2 == rtctoken.AccessToken2Info(token, "007", APP_ID, 5, 600, 6, (service,), None)
    assert info2 == rtctoken.parse(token) and info2 != dataclasses.replace(info2, salt=7)
    assert repr(info2.services[0]) == repr(dataclasses.replace(service, privileges=info2.services[0].privileges))
    assert vars(info2.services[0]) == {"privileges": {1: 600, 2: 600, 3: 600, 4: 600}, "type": "rtc",
                                       "channel_name": "c", "uid": "7"}


def test_verify_with_rotation_reports_the_matching_index() -> None:
    token = at2.AccessToken(APP_ID, CERT, issue_ts=1, salt=1)
    token.add_service(at2.ServiceFpa())
    t = token.build()
    assert rtctoken.verify(t, [OTHER, CERT]).matched == 1
    assert rtctoken.verify(t, (CERT,)).matched == 0
    v = rtctoken.verify(t, OTHER)
    assert v.matched is None and not v.is_valid and not v
    with pytest.raises(rtctoken.InvalidAppCertificateError):
        rtctoken.verify(t, [])


def test_a_reloaded_package_gets_results_of_its_own_classes() -> None:
    # The native module keeps the result classes the package handed over;
    # a reload hands over a new `Verification`, which verify must return.
    token = at2.AccessToken(APP_ID, CERT, issue_ts=1, salt=1)
    token.add_service(at2.ServiceFpa())
    t = token.build()
    before = rtctoken.Verification
    importlib.reload(rtctoken)
    assert rtctoken.Verification is not before
    for certificates in (CERT, OTHER, [OTHER] * 5 + [CERT]):
        assert type(rtctoken.verify(t, certificates)) is rtctoken.Verification
    assert type(rtctoken.parse(t)) is rtctoken.AccessToken2Info


def test_inspect_returns_the_core_report() -> None:
    t = RtmTokenBuilder.build_token(APP_ID, CERT, "u", 600, issue_ts=1_700_000_000, salt=1)
    report = rtctoken.inspect(t, now=1_700_000_100)
    assert report == json.loads(rtctoken._native.inspect_json(t, 1_700_000_100))
    assert report["version"] == "007"
    assert isinstance(rtctoken.inspect(t), dict)
    with pytest.raises(rtctoken.MalformedError):
        rtctoken.inspect("007@@")


def test_access_token2_round_trip_keeps_every_service() -> None:
    t = at2.AccessToken(APP_ID, CERT, issue_ts=7, expire=60, salt=8)
    for s in (
        at2.ServiceRtc("c", 9),
        at2.ServiceRtm("u"),
        at2.ServiceStreaming("c", 0),
        at2.ServiceFpa(),
        at2.ServiceChat(),
        at2.ServiceFCdn("c", "acc"),
        at2.ServiceApaas("r", "u", 2),
        at2.ServiceRtm2("u"),
        at2.ServiceConvoAI(),
        at2.ServiceStt(),
    ):
        if s.kServiceType in (1, 2, 3, 4, 5, 6, 7, 8):
            s.add_privilege(1, 30)
        t.add_service(s)
    token = t.build()
    assert token == t.build(), "issue_ts and salt are fixed once per object"
    parser = at2.AccessToken()
    assert parser.from_string(token)
    assert [s.service_type() for s in parser.services] == list(range(1, 11))
    rebuilt = at2.AccessToken(parser.app_id, CERT, issue_ts=parser.issue_ts, expire=parser.expire, salt=parser.salt)
    for s in parser.services:
        rebuilt.add_service(s)
    assert rebuilt.build() == token
    assert parser.verify_signature(CERT) and not parser.verify_signature(OTHER)
    assert not at2.AccessToken().verify_signature(CERT)
    assert not parser.from_string("006" + APP_ID + "AAAA")


def test_stamp_defaults_are_fresh() -> None:
    a = at2.AccessToken(APP_ID, CERT)
    assert a.issue_ts > 1_600_000_000 and 1 <= a.salt <= 99_999_999
    assert len({at2.AccessToken(APP_ID, CERT).salt for _ in range(20)}) > 1, "salts are random"
    t = AccessToken006(APP_ID, CERT, "c", 1)
    assert t.ts > a.issue_ts


def test_version_is_the_crate_version() -> None:
    assert rtctoken.__version__.count(".") == 2
