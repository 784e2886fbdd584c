"""RTC tokens in the 006 format: the reference's ``RtcTokenBuilder``.

Methods also take keyword-only ``issue_ts=None, salt=None`` for exact tests.
"""

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

    buildTokenWithUid = staticmethod(_native.RtcTokenBuilder_buildTokenWithUid)
    buildTokenWithAccount = staticmethod(_native.RtcTokenBuilder_buildTokenWithAccount)
