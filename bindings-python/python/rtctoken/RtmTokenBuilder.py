"""RTM tokens in the 006 format: the reference's ``RtmTokenBuilder``."""

from . import _native
from ._ids import ROLES
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
Role_Rtm_User = ROLES["rtm_token_builder"]["rtm_user"]


class RtmTokenBuilder:
    """Builds 006 RTM tokens; ``privilegeExpiredTs`` is absolute Unix time."""

    buildToken = staticmethod(_native.RtmTokenBuilder_buildToken)
