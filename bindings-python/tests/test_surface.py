"""The API surface issue 3 lists: every module, class and method name, the
constants' values, the reference's parameter names and defaults, and the
keyword-only ``issue_ts``/``salt`` on every 006/007 builder."""

from __future__ import annotations

import importlib
import inspect
from typing import Any, Callable, Dict, List, Type

import pytest

import rtctoken
from rtctoken import AccessToken2 as at2
from rtctoken import DynamicKey, DynamicKey2, DynamicKey3, DynamicKey4, DynamicKey5, SignalingToken, _native
from rtctoken.AccessToken import AccessToken as AccessToken006
from rtctoken.apaas_token_builder import ApaasTokenBuilder
from rtctoken.ChatTokenBuilder2 import ChatTokenBuilder
from rtctoken.convoai_token_builder import ConvoAITokenBuilder
from rtctoken.education_token_builder import EducationTokenBuilder
from rtctoken.fpa_token_builder import FpaTokenBuilder
from rtctoken.RtcTokenBuilder import RtcTokenBuilder as Rtc006
from rtctoken.RtcTokenBuilder2 import RtcTokenBuilder
from rtctoken.RtmTokenBuilder import RtmTokenBuilder as Rtm006
from rtctoken.RtmTokenBuilder2 import RtmTokenBuilder
from rtctoken.stt_token_builder import SttTokenBuilder
from vectors import FILES, cases

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
STAMP: Dict[str, Any] = {"issue_ts": 1_700_000_000, "salt": 7}

#: module -> class -> methods (None: module-level functions).
SURFACE: Dict[str, Dict[Any, List[str]]] = {
    "RtcTokenBuilder2": {
        "RtcTokenBuilder": [
            "build_token_with_uid",
            "build_token_with_user_account",
            "build_token_with_uid_and_privilege",
            "build_token_with_user_account_and_privilege",
            "build_token_with_rtm",
            "build_token_with_rtm2",
        ]
    },
    "RtmTokenBuilder2": {"RtmTokenBuilder": ["build_token", "build_token_with_permissions"]},
    "ChatTokenBuilder2": {"ChatTokenBuilder": ["build_user_token", "build_app_token"]},
    "education_token_builder": {
        "EducationTokenBuilder": ["build_room_user_token", "build_user_token", "build_app_token"]
    },
    "apaas_token_builder": {"ApaasTokenBuilder": ["build_room_user_token", "build_user_token", "build_app_token"]},
    "fpa_token_builder": {"FpaTokenBuilder": ["build_token"]},
    "convoai_token_builder": {"ConvoAITokenBuilder": ["build_token"]},
    "stt_token_builder": {"SttTokenBuilder": ["build_token"]},
    "AccessToken2": {"AccessToken": ["add_service", "build", "from_string", "verify_signature"]},
    "AccessToken": {"AccessToken": ["addPrivilege", "build", "fromString"]},
    "RtcTokenBuilder": {"RtcTokenBuilder": ["buildTokenWithUid", "buildTokenWithAccount"]},
    "RtmTokenBuilder": {"RtmTokenBuilder": ["buildToken"]},
    "DynamicKey": {None: ["generate"]},
    "DynamicKey2": {None: ["generate"]},
    "DynamicKey3": {None: ["generate"]},
    "DynamicKey4": {None: ["generateMediaChannelKey", "generateRecordingKey", "generatePublicSharingKey"]},
    "DynamicKey5": {
        None: [
            "generateMediaChannelKey",
            "generateRecordingKey",
            "generatePublicSharingKey",
            "generateInChannelPermissionKey",
        ]
    },
    "SignalingToken": {None: ["generateSignalingToken"]},
}

LEGACY_PARAMS = ["appID", "appCertificate", "channelName", "unixTs", "randomInt", "uid", "expiredTs"]


@pytest.mark.parametrize("module", sorted(SURFACE))
def test_every_listed_name_exists(module: str) -> None:
    mod = importlib.import_module(f"rtctoken.{module}")
    for cls, methods in SURFACE[module].items():
        owner = mod if cls is None else getattr(mod, cls)
        for name in methods:
            assert callable(getattr(owner, name)), f"rtctoken.{module}.{cls}.{name}"


def test_constants_have_the_reference_values() -> None:
    from rtctoken import AccessToken as m006
    from rtctoken import DynamicKey5, RtcTokenBuilder as rtc006, RtcTokenBuilder2 as rtc007

    assert (rtc007.Role_Publisher, rtc007.Role_Subscriber) == (1, 2)
    assert (rtc006.Role_Attendee, rtc006.Role_Publisher, rtc006.Role_Subscriber, rtc006.Role_Admin) == (0, 1, 2, 101)
    assert (m006.kJoinChannel, m006.kAdministrateChannel, m006.kRtmLogin) == (1, 101, 1000)
    assert (DynamicKey5.NoUpload, DynamicKey5.AudioVideoUpload) == (b"0", b"3")
    services: List[Type[at2.Service]] = [
        at2.ServiceRtc,
        at2.ServiceRtm,
        at2.ServiceStreaming,
        at2.ServiceFpa,
        at2.ServiceChat,
        at2.ServiceFCdn,
        at2.ServiceApaas,
        at2.ServiceRtm2,
        at2.ServiceConvoAI,
        at2.ServiceStt,
    ]
    assert [s.kServiceType for s in services] == list(range(1, 11))
    assert at2.ServiceRtc.kPrivilegePublishDataStream == 4
    assert (at2.ServiceRtm2.Permissions.kUsers, at2.ServiceRtm2.Permissions.kWrite) == (4, 1)


def test_defaults_are_the_reference_ones() -> None:
    sig = inspect.signature(at2.AccessToken)
    assert {k: p.default for k, p in sig.parameters.items()} == {
        "app_id": "",
        "app_certificate": "",
        "issue_ts": 0,
        "expire": 900,
        "salt": None,
    }
    assert at2.AccessToken(APP_ID, CERT).expire == 900
    # privilege_expire / expire default to 0: the same token as passing 0.
    assert RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", 1, 1, 600, **STAMP) == (
        RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", 1, 1, 600, 0, **STAMP)
    )
    assert RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, "c", "a", 1, 600, **STAMP) == (
        RtcTokenBuilder.build_token_with_user_account(APP_ID, CERT, "c", "a", 1, 600, 0, **STAMP)
    )
    assert RtcTokenBuilder.build_token_with_rtm(APP_ID, CERT, "c", "a", 1, 600, **STAMP) == (
        RtcTokenBuilder.build_token_with_rtm(APP_ID, CERT, "c", "a", 1, 600, 0, **STAMP)
    )
    perms = at2.ServiceRtm2.Permissions()
    assert RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", perms, **STAMP) == (
        RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", perms, 0, **STAMP)
    )
    assert list(inspect.signature(AccessToken006).parameters)[:4] == ["appID", "appCertificate", "channelName", "uid"]


def test_legacy_parameter_names_work_as_keywords() -> None:
    from rtctoken import DynamicKey, DynamicKey5, SignalingToken

    kw: Dict[str, Any] = dict(zip(LEGACY_PARAMS, [APP_ID, CERT, "c", 1, 2, 3, 4]))
    assert DynamicKey5.generateMediaChannelKey(**kw) == DynamicKey5.generateMediaChannelKey(*kw.values())
    assert DynamicKey5.generateInChannelPermissionKey(**kw, permission=DynamicKey5.NoUpload).startswith("005")
    v1 = {k: kw[k] for k in LEGACY_PARAMS[:5]}
    assert DynamicKey.generate(**v1) == DynamicKey.generate(*v1.values())
    assert SignalingToken.generateSignalingToken(
        account="a", appID=APP_ID, appCertificate=CERT, expiredTsInSeconds=9
    ) == SignalingToken.generateSignalingToken("a", APP_ID, CERT, 9)


def test_006_parameter_names_work_as_keywords() -> None:
    kw: Dict[str, Any] = dict(appId=APP_ID, appCertificate=CERT, channelName="c", role=1, privilegeExpiredTs=9)
    assert Rtc006.buildTokenWithUid(**kw, uid=7, **STAMP) == Rtc006.buildTokenWithUid(APP_ID, CERT, "c", 7, 1, 9, **STAMP)
    assert Rtc006.buildTokenWithAccount(**kw, account="a", **STAMP) == (
        Rtc006.buildTokenWithAccount(APP_ID, CERT, "c", "a", 1, 9, **STAMP)
    )
    assert Rtm006.buildToken(
        appId=APP_ID, appCertificate=CERT, userAccount="u", role=1, privilegeExpiredTs=9, **STAMP
    ) == Rtm006.buildToken(APP_ID, CERT, "u", 1, 9, **STAMP)


def _builders() -> List[Callable[..., str]]:
    out: List[Callable[..., str]] = []
    for module, classes in SURFACE.items():
        if module.startswith(("DynamicKey", "Signaling", "AccessToken")):
            continue
        mod = importlib.import_module(f"rtctoken.{module}")
        for cls, methods in classes.items():
            out.extend(getattr(getattr(mod, str(cls)), m) for m in methods)
    return out


@pytest.mark.parametrize("builder", _builders(), ids=lambda b: str(getattr(b, "__name__", b)))
def test_every_006_007_builder_takes_keyword_only_stamp(builder: Callable[..., str]) -> None:
    params = inspect.signature(builder).parameters
    for name in ("issue_ts", "salt"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY and params[name].default is None


def test_parse_and_verify_are_exported() -> None:
    assert callable(rtctoken.parse) and callable(rtctoken.verify)
    assert issubclass(rtctoken.TokenError, ValueError)


#: Catalogue name -> the public function users call for it (the raw builds
#: are the AccessToken classes, tested in test_api).
FACADES: Dict[str, Callable[..., str]] = {
    "dynamic_key.generate": DynamicKey.generate,
    "dynamic_key2.generate": DynamicKey2.generate,
    "dynamic_key3.generate": DynamicKey3.generate,
    "dynamic_key4.generate_media_channel_key": DynamicKey4.generateMediaChannelKey,
    "dynamic_key4.generate_recording_key": DynamicKey4.generateRecordingKey,
    "dynamic_key4.generate_public_sharing_key": DynamicKey4.generatePublicSharingKey,
    "dynamic_key5.generate_media_channel_key": DynamicKey5.generateMediaChannelKey,
    "dynamic_key5.generate_recording_key": DynamicKey5.generateRecordingKey,
    "dynamic_key5.generate_public_sharing_key": DynamicKey5.generatePublicSharingKey,
    "dynamic_key5.generate_in_channel_permission_key": DynamicKey5.generateInChannelPermissionKey,
    "signaling_token.generate": SignalingToken.generateSignalingToken,
    "rtc_token_builder.build_token_with_uid": Rtc006.buildTokenWithUid,
    "rtc_token_builder.build_token_with_account": Rtc006.buildTokenWithAccount,
    "rtm_token_builder.build_token": Rtm006.buildToken,
    "rtc_token_builder2.build_token_with_uid": RtcTokenBuilder.build_token_with_uid,
    "rtc_token_builder2.build_token_with_user_account": RtcTokenBuilder.build_token_with_user_account,
    "rtc_token_builder2.build_token_with_uid_and_privilege": RtcTokenBuilder.build_token_with_uid_and_privilege,
    "rtc_token_builder2.build_token_with_user_account_and_privilege": (
        RtcTokenBuilder.build_token_with_user_account_and_privilege
    ),
    "rtc_token_builder2.build_token_with_rtm": RtcTokenBuilder.build_token_with_rtm,
    "rtc_token_builder2.build_token_with_rtm2": RtcTokenBuilder.build_token_with_rtm2,
    "rtm_token_builder2.build_token": RtmTokenBuilder.build_token,
    "rtm_token_builder2.build_token_with_permissions": RtmTokenBuilder.build_token_with_permissions,
    "chat_token_builder2.build_user_token": ChatTokenBuilder.build_user_token,
    "chat_token_builder2.build_app_token": ChatTokenBuilder.build_app_token,
    "education_token_builder2.build_room_user_token": EducationTokenBuilder.build_room_user_token,
    "education_token_builder2.build_user_token": EducationTokenBuilder.build_user_token,
    "education_token_builder2.build_app_token": EducationTokenBuilder.build_app_token,
    "apaas_token_builder.build_room_user_token": ApaasTokenBuilder.build_room_user_token,
    "apaas_token_builder.build_user_token": ApaasTokenBuilder.build_user_token,
    "apaas_token_builder.build_app_token": ApaasTokenBuilder.build_app_token,
    "fpa_token_builder.build_token": FpaTokenBuilder.build_token,
    "convoai_token_builder.build_token": ConvoAITokenBuilder.build_token,
    "stt_token_builder.build_token": SttTokenBuilder.build_token,
}


def _first_case(call: str) -> Dict[str, Any]:
    return next(c for f in FILES for c in cases(f) if c["call"] == call and isinstance(c["expected"], str))


def test_every_catalogue_call_has_a_facade() -> None:
    assert sorted(FACADES) == sorted(set(_native.CATALOGUE) - {"access_token.build", "access_token2.build"})


@pytest.mark.parametrize("call", sorted(FACADES))
def test_facades_pass_the_catalogue_order(call: str) -> None:
    # A facade only renames: the catalogue's values, in catalogue order,
    # give the vector's token through it.
    case = _first_case(call)
    native = getattr(_native, call.replace(".", "_"))
    names = [n for n in inspect.signature(native).parameters if n not in ("issue_ts", "salt")]
    stamp = {k: case["args"][k] for k in ("issue_ts", "salt") if "issue_ts" in case["args"]}
    assert FACADES[call](*(case["args"][n] for n in names), **stamp) == case["expected"]
