"""RTM tokens in the 006 format: the reference's ``RtmTokenBuilder``."""

from . import _native
from .AccessToken import *  # noqa: F401,F403  (the reference re-exports these)
from .AccessToken import __all__ as _token_all

__all__ = ["RtmTokenBuilder", "Role_Rtm_User"] + _token_all

#: The only RTM 006 role.
Role_Rtm_User = 1


class RtmTokenBuilder:
    """Builds 006 RTM tokens; ``privilegeExpiredTs`` is absolute Unix time."""

    buildToken = staticmethod(_native.rtm_build_token)
