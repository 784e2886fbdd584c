"""RTC tokens (007), alone or with RTM: the reference's ``RtcTokenBuilder``.

Every method also takes keyword-only ``issue_ts=None, salt=None`` for exact
tests; leave both out in production.
"""

from . import _native
from ._ids import ROLES
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "RtcTokenBuilder",
    "Role_Publisher",
    "Role_Subscriber",
    "Service",
    "ServiceRtc",
    "ServiceRtm",
    "ServiceStreaming",
    "ServiceFpa",
    "ServiceChat",
    "ServiceFCdn",
    "ServiceApaas",
    "ServiceEducation",
    "ServiceRtm2",
    "ServiceConvoAI",
    "ServiceStt",
    "AccessToken",
    "get_version",
    "VERSION_LENGTH",
]

#: May publish: join plus audio, video and data privileges.
Role_Publisher = ROLES["rtc_token_builder2"]["publisher"]
#: May only subscribe (join privilege); any role but the publisher's acts like this.
Role_Subscriber = ROLES["rtc_token_builder2"]["subscriber"]


class RtcTokenBuilder:
    """Builds 007 RTC tokens (see each method's parameters)."""

    build_token_with_uid = staticmethod(_native.rtc_token_builder2_build_token_with_uid)
    build_token_with_user_account = staticmethod(_native.rtc_token_builder2_build_token_with_user_account)
    build_token_with_uid_and_privilege = staticmethod(_native.rtc_token_builder2_build_token_with_uid_and_privilege)
    build_token_with_user_account_and_privilege = staticmethod(
        _native.rtc_token_builder2_build_token_with_user_account_and_privilege
    )
    build_token_with_rtm = staticmethod(_native.rtc_token_builder2_build_token_with_rtm)
    build_token_with_rtm2 = staticmethod(_native.rtc_token_builder2_build_token_with_rtm2)
