"""RTC tokens in the 006 format: the reference's ``RtcTokenBuilder``.

Methods also take keyword-only ``issue_ts=None, salt=None`` for exact tests.
"""

from typing import Optional

from . import _native
from .AccessToken import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "RtcTokenBuilder",
    "Role_Attendee",
    "Role_Publisher",
    "Role_Subscriber",
    "Role_Admin",
    "AccessToken",
    "getVersion",
    "VERSION_LENGTH",
    "APP_ID_LENGTH",
    "kJoinChannel",
    "kPublishAudioStream",
    "kPublishVideoStream",
    "kPublishDataStream",
    "kPublishAudiocdn",
    "kPublishVideoCdn",
    "kRequestPublishAudioStream",
    "kRequestPublishVideoStream",
    "kRequestPublishDataStream",
    "kInvitePublishAudioStream",
    "kInvitePublishVideoStream",
    "kInvitePublishDataStream",
    "kAdministrateChannel",
    "kRtmLogin",
]

#: Deprecated; same privileges as a publisher.
Role_Attendee = 0
#: A live broadcaster: join plus publish audio, video and data.
Role_Publisher = 1
#: A live audience member: join only.
Role_Subscriber = 2
#: Deprecated; same privileges as a publisher.
Role_Admin = 101


class RtcTokenBuilder:
    """Builds 006 RTC tokens; ``privilegeExpiredTs`` is absolute Unix time."""

    @staticmethod
    def buildTokenWithUid(
        appId: str,
        appCertificate: str,
        channelName: str,
        uid: int,
        role: int,
        privilegeExpiredTs: int,
        *,
        issue_ts: Optional[int] = None,
        salt: Optional[int] = None,
    ) -> str:
        """A 006 RTC token for a numeric uid (0 = any user)."""
        build = _native.rtc_token_builder_build_token_with_uid
        if issue_ts is None and salt is None:  # production: no keywords to match
            return build(appId, appCertificate, channelName, uid, role, privilegeExpiredTs)
        return build(appId, appCertificate, channelName, uid, role, privilegeExpiredTs, issue_ts=issue_ts, salt=salt)

    @staticmethod
    def buildTokenWithAccount(
        appId: str,
        appCertificate: str,
        channelName: str,
        account: str,
        role: int,
        privilegeExpiredTs: int,
        *,
        issue_ts: Optional[int] = None,
        salt: Optional[int] = None,
    ) -> str:
        """A 006 RTC token for a user account."""
        build = _native.rtc_token_builder_build_token_with_account
        if issue_ts is None and salt is None:  # production: no keywords to match
            return build(appId, appCertificate, channelName, account, role, privilegeExpiredTs)
        return build(appId, appCertificate, channelName, account, role, privilegeExpiredTs, issue_ts=issue_ts, salt=salt)
