"""Replays a conformance vector through the public Python API (the same
modules users import), dispatching on the case's ``call``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import rtctoken
from rtctoken import AccessToken as at006
from rtctoken import AccessToken2 as at2
from rtctoken import (
    DynamicKey,
    DynamicKey2,
    DynamicKey3,
    DynamicKey4,
    DynamicKey5,
    SignalingToken,
)
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

VECTORS = Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"
FILES = ["legacy.json", "access_token_006.json", "access_token2_007.json", "parse.json", "errors.json"]

Args = Dict[str, Any]


def cases(file: str) -> List[Dict[str, Any]]:
    """The cases of one vector file."""
    cs: List[Dict[str, Any]] = json.loads((VECTORS / file).read_text(encoding="utf-8"))["cases"]
    return cs


def _legacy(a: Args) -> Dict[str, Any]:
    # The reference's camelCase names, passed as keywords to prove they work.
    return dict(
        appID=a["app_id"],
        appCertificate=a["app_certificate"],
        channelName=a["channel_name"],
        unixTs=a["unix_ts"],
        randomInt=a["random_int"],
        uid=a["uid"],
        expiredTs=a["expired_ts"],
    )


def _stamp(a: Args) -> Dict[str, int]:
    return {"issue_ts": a["issue_ts"], "salt": a["salt"]}


def _privs(m: Dict[str, int]) -> Dict[int, int]:
    return {int(k): v for k, v in m.items()}


def _service(d: Dict[str, Any]) -> at2.Service:
    t = d["type"]
    s: at2.Service
    if t == "rtc":
        s = at2.ServiceRtc(d["channel_name"], d["uid"])
    elif t == "rtm":
        s = at2.ServiceRtm(d["user_id"])
    elif t == "streaming":
        s = at2.ServiceStreaming(d["channel_name"], d["account"])
    elif t == "fpa":
        s = at2.ServiceFpa()
    elif t == "chat":
        s = at2.ServiceChat(d["user_id"])
    elif t == "fcdn":
        s = at2.ServiceFCdn(d["channel_name"], d["account"])
    elif t == "apaas":
        s = at2.ServiceApaas(d["room_uuid"], d["user_uuid"], d["role"])
    elif t == "rtm2":
        s = at2.ServiceRtm2(d["user_id"], _permissions(d["permissions"]))
    elif t == "convoai":
        s = at2.ServiceConvoAI()
    elif t == "stt":
        s = at2.ServiceStt()
    else:
        raise AssertionError(f"unknown service type {t!r}")
    for k, v in d["privileges"].items():
        s.add_privilege(int(k), v)
    return s


def _permissions(m: Dict[str, Dict[str, List[str]]]) -> at2.ServiceRtm2.Permissions:
    p = at2.ServiceRtm2.Permissions()
    for t, perms in m.items():
        for perm, resources in perms.items():
            p.add(int(t), int(perm), resources)
    return p


def _access_token_006(a: Args) -> str:
    t = at006.AccessToken(a["app_id"], a["app_certificate"], a["channel_name"], a["uid"])
    t.salt = a["salt"]
    t.ts = a["ts"]
    for k, v in a["privileges"].items():
        t.addPrivilege(int(k), v)
    return t.build()


def _access_token2(a: Args) -> str:
    t = at2.AccessToken(a["app_id"], a["app_certificate"], issue_ts=a["issue_ts"], expire=a["expire"], salt=a["salt"])
    for s in a["services"]:
        t.add_service(_service(s))
    return t.build()


def _rtm2_family(f: Callable[..., str]) -> Callable[[Args], str]:
    return lambda a: f(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["rtc_account"],
        a["rtc_role"],
        a["rtc_token_expire"],
        a["join_channel_privilege_expire"],
        a["pub_audio_privilege_expire"],
        a["pub_video_privilege_expire"],
        a["pub_data_stream_privilege_expire"],
        a["rtm_user_id"],
        a["rtm_token_expire"],
        **_stamp(a),
    )


def _verify(a: Args) -> Dict[str, Any]:
    v = rtctoken.verify(a["token"], a["app_certificate"], channel_name=a.get("channel_name"), uid=a.get("uid"))
    return {"valid": v.is_valid}


CALLS: Dict[str, Callable[[Args], Any]] = {
    "dynamic_key.generate": lambda a: DynamicKey.generate(
        appID=a["app_id"],
        appCertificate=a["app_certificate"],
        channelName=a["channel_name"],
        unixTs=a["unix_ts"],
        randomInt=a["random_int"],
    ),
    "dynamic_key2.generate": lambda a: DynamicKey2.generate(**_legacy(a)),
    "dynamic_key3.generate": lambda a: DynamicKey3.generate(**_legacy(a)),
    "dynamic_key4.generate_media_channel_key": lambda a: DynamicKey4.generateMediaChannelKey(**_legacy(a)),
    "dynamic_key4.generate_recording_key": lambda a: DynamicKey4.generateRecordingKey(**_legacy(a)),
    "dynamic_key4.generate_public_sharing_key": lambda a: DynamicKey4.generatePublicSharingKey(**_legacy(a)),
    "dynamic_key5.generate_media_channel_key": lambda a: DynamicKey5.generateMediaChannelKey(**_legacy(a)),
    "dynamic_key5.generate_recording_key": lambda a: DynamicKey5.generateRecordingKey(**_legacy(a)),
    "dynamic_key5.generate_public_sharing_key": lambda a: DynamicKey5.generatePublicSharingKey(**_legacy(a)),
    "dynamic_key5.generate_in_channel_permission_key": lambda a: DynamicKey5.generateInChannelPermissionKey(
        **_legacy(a), permission=a["permission"]
    ),
    "signaling_token.generate": lambda a: SignalingToken.generateSignalingToken(
        a["account"], a["app_id"], a["app_certificate"], a["expired_ts"]
    ),
    "access_token.build": _access_token_006,
    "rtc_token_builder.build_token_with_uid": lambda a: Rtc006.buildTokenWithUid(
        a["app_id"], a["app_certificate"], a["channel_name"], a["uid"], a["role"], a["privilege_expired_ts"], **_stamp(a)
    ),
    "rtc_token_builder.build_token_with_account": lambda a: Rtc006.buildTokenWithAccount(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["account"],
        a["role"],
        a["privilege_expired_ts"],
        **_stamp(a),
    ),
    "rtm_token_builder.build_token": lambda a: Rtm006.buildToken(
        a["app_id"], a["app_certificate"], a["user_account"], a["role"], a["privilege_expired_ts"], **_stamp(a)
    ),
    "access_token2.build": _access_token2,
    "rtc_token_builder2.build_token_with_uid": lambda a: RtcTokenBuilder.build_token_with_uid(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["uid"],
        a["role"],
        a["token_expire"],
        a["privilege_expire"],
        **_stamp(a),
    ),
    "rtc_token_builder2.build_token_with_user_account": lambda a: RtcTokenBuilder.build_token_with_user_account(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["account"],
        a["role"],
        a["token_expire"],
        a["privilege_expire"],
        **_stamp(a),
    ),
    "rtc_token_builder2.build_token_with_uid_and_privilege": lambda a: RtcTokenBuilder.build_token_with_uid_and_privilege(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["uid"],
        a["token_expire"],
        a["join_channel_privilege_expire"],
        a["pub_audio_privilege_expire"],
        a["pub_video_privilege_expire"],
        a["pub_data_stream_privilege_expire"],
        **_stamp(a),
    ),
    "rtc_token_builder2.build_token_with_user_account_and_privilege": (
        lambda a: RtcTokenBuilder.build_token_with_user_account_and_privilege(
            a["app_id"],
            a["app_certificate"],
            a["channel_name"],
            a["account"],
            a["token_expire"],
            a["join_channel_privilege_expire"],
            a["pub_audio_privilege_expire"],
            a["pub_video_privilege_expire"],
            a["pub_data_stream_privilege_expire"],
            **_stamp(a),
        )
    ),
    "rtc_token_builder2.build_token_with_rtm": lambda a: RtcTokenBuilder.build_token_with_rtm(
        a["app_id"],
        a["app_certificate"],
        a["channel_name"],
        a["account"],
        a["role"],
        a["token_expire"],
        a["privilege_expire"],
        **_stamp(a),
    ),
    "rtc_token_builder2.build_token_with_rtm2": _rtm2_family(RtcTokenBuilder.build_token_with_rtm2),
    "convoai_token_builder.build_token": _rtm2_family(ConvoAITokenBuilder.build_token),
    "stt_token_builder.build_token": _rtm2_family(SttTokenBuilder.build_token),
    "rtm_token_builder2.build_token": lambda a: RtmTokenBuilder.build_token(
        a["app_id"], a["app_certificate"], a["user_id"], a["expire"], **_stamp(a)
    ),
    "rtm_token_builder2.build_token_with_permissions": lambda a: RtmTokenBuilder.build_token_with_permissions(
        a["app_id"], a["app_certificate"], a["user_id"], _permissions(a["permissions"]), a["expire"], **_stamp(a)
    ),
    "chat_token_builder2.build_user_token": lambda a: ChatTokenBuilder.build_user_token(
        a["app_id"], a["app_certificate"], a["user_id"], a["expire"], **_stamp(a)
    ),
    "chat_token_builder2.build_app_token": lambda a: ChatTokenBuilder.build_app_token(
        a["app_id"], a["app_certificate"], a["expire"], **_stamp(a)
    ),
    "education_token_builder2.build_room_user_token": lambda a: EducationTokenBuilder.build_room_user_token(
        a["app_id"], a["app_certificate"], a["room_uuid"], a["user_uuid"], a["role"], a["expire"], **_stamp(a)
    ),
    "education_token_builder2.build_user_token": lambda a: EducationTokenBuilder.build_user_token(
        a["app_id"], a["app_certificate"], a["user_uuid"], a["expire"], **_stamp(a)
    ),
    "education_token_builder2.build_app_token": lambda a: EducationTokenBuilder.build_app_token(
        a["app_id"], a["app_certificate"], a["expire"], **_stamp(a)
    ),
    "apaas_token_builder.build_room_user_token": lambda a: ApaasTokenBuilder.build_room_user_token(
        a["app_id"], a["app_certificate"], a["room_uuid"], a["user_uuid"], a["role"], a["expire"], **_stamp(a)
    ),
    "apaas_token_builder.build_user_token": lambda a: ApaasTokenBuilder.build_user_token(
        a["app_id"], a["app_certificate"], a["user_uuid"], a["expire"], **_stamp(a)
    ),
    "apaas_token_builder.build_app_token": lambda a: ApaasTokenBuilder.build_app_token(
        a["app_id"], a["app_certificate"], a["expire"], **_stamp(a)
    ),
    "fpa_token_builder.build_token": lambda a: FpaTokenBuilder.build_token(
        a["app_id"], a["app_certificate"], **_stamp(a)
    ),
    "parse": lambda a: rtctoken.parse(a["token"]).to_dict(),
    "verify": _verify,
}


def run(call: str, args: Args) -> Any:
    """The outcome of one case as the vectors record it: the output, or
    ``{"error": kind}``. An unknown call raises ``KeyError`` (a failure)."""
    try:
        fn = CALLS[call]
    except KeyError:
        raise AssertionError(f"the Python harness does not know the call {call!r}") from None
    try:
        return fn(args)
    except rtctoken.TokenError as e:
        return {"error": e.kind}
