"""A typed program using rtctoken the way an application would; `make test`
runs mypy --strict on it to keep the stubs honest."""

from __future__ import annotations

from typing import List, Optional

import rtctoken
from rtctoken.AccessToken2 import AccessToken, ServiceRtc, ServiceRtm2
from rtctoken.DynamicKey5 import NoUpload, generateInChannelPermissionKey
from rtctoken.RtcTokenBuilder import RtcTokenBuilder as RtcTokenBuilder006
from rtctoken.RtcTokenBuilder2 import Role_Publisher, RtcTokenBuilder
from rtctoken.RtmTokenBuilder2 import RtmTokenBuilder

APP_ID = "970CA35de60c44645bbae8a215061b33"
APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"


def rtc_token(channel: str, uid: int) -> str:
    """A publisher token valid one hour."""
    return RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, channel, uid, Role_Publisher, 3600, 3600)


def exact_token() -> str:
    """The same bytes every time: issue time and salt fixed."""
    return RtcTokenBuilder.build_token_with_user_account(
        APP_ID, APP_CERTIFICATE, "demo", "alice", Role_Publisher, 600, issue_ts=1_700_000_000, salt=42
    )


def rtm2_token(user: str, channels: List[str]) -> str:
    perms = ServiceRtm2.Permissions()
    perms.add(ServiceRtm2.Permissions.kMessageChannels, ServiceRtm2.Permissions.kRead, channels)
    return RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, user, perms, 600)


def custom_token() -> str:
    token = AccessToken(APP_ID, APP_CERTIFICATE, expire=600)
    rtc = ServiceRtc("demo", 7)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)
    token.add_service(rtc)
    return token.build()


def expiry_of(token: str) -> Optional[int]:
    info = rtctoken.parse(token)
    if isinstance(info, rtctoken.AccessToken2Info):
        return info.issue_ts + info.expire
    if isinstance(info, rtctoken.AccessTokenInfo):
        return info.ts
    return None


def main() -> None:
    token = rtc_token("demo", 42)
    check: rtctoken.Verification = rtctoken.verify(token, [APP_CERTIFICATE])
    assert check.is_valid and check.matched == 0
    assert expiry_of(exact_token()) == 1_700_000_600
    report = rtctoken.inspect(custom_token(), now=1_800_000_000)
    print(report["version"], rtm2_token("bob", ["lobby"])[:3])
    legacy: str = generateInChannelPermissionKey(APP_ID, APP_CERTIFICATE, "demo", 1, 2, 3, 0, NoUpload)
    old: str = RtcTokenBuilder006.buildTokenWithUid(APP_ID, APP_CERTIFICATE, "demo", 42, 1, 0)
    try:
        RtcTokenBuilder.build_token_with_uid("bad", APP_CERTIFICATE, "demo", 42, Role_Publisher, 600)
    except rtctoken.TokenError as e:
        kind: str = e.kind
        print("refused:", kind, legacy[:3], old[:3])


if __name__ == "__main__":
    main()
