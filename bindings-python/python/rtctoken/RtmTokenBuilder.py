"""RTM tokens in the 006 format: the reference's ``RtmTokenBuilder``."""

from typing import Optional

from . import _native
from .AccessToken import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "RtmTokenBuilder",
    "Role_Rtm_User",
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

#: The only RTM 006 role.
Role_Rtm_User = 1


class RtmTokenBuilder:
    """Builds 006 RTM tokens; ``privilegeExpiredTs`` is absolute Unix time."""

    @staticmethod
    def buildToken(
        appId: str,
        appCertificate: str,
        userAccount: str,
        role: int,
        privilegeExpiredTs: int,
        *,
        issue_ts: Optional[int] = None,
        salt: Optional[int] = None,
    ) -> str:
        """A 006 RTM token for a user account."""
        build = _native.rtm_token_builder_build_token
        if issue_ts is None and salt is None:  # production: no keywords to match
            return build(appId, appCertificate, userAccount, role, privilegeExpiredTs)
        return build(appId, appCertificate, userAccount, role, privilegeExpiredTs, issue_ts=issue_ts, salt=salt)
