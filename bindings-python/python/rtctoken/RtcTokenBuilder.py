"""RTC tokens in the 006 format: the reference's ``RtcTokenBuilder``.

Methods also take keyword-only ``issue_ts=None, salt=None`` for exact tests.
"""

from . import _native
from ._ids import ROLES
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
Role_Attendee = ROLES["rtc_token_builder"]["attendee"]
#: A live broadcaster: join plus publish audio, video and data.
Role_Publisher = ROLES["rtc_token_builder"]["publisher"]
#: A live audience member: join only.
Role_Subscriber = ROLES["rtc_token_builder"]["subscriber"]
#: Deprecated; same privileges as a publisher.
Role_Admin = ROLES["rtc_token_builder"]["admin"]


class RtcTokenBuilder:
    """Builds 006 RTC tokens; ``privilegeExpiredTs`` is absolute Unix time."""

    buildTokenWithUid = staticmethod(_native.RtcTokenBuilder_buildTokenWithUid)
    buildTokenWithAccount = staticmethod(_native.RtcTokenBuilder_buildTokenWithAccount)
