"""Speech-to-text agent tokens (007): RTC and RTM as in ``build_token_with_rtm2``, plus
the agent's own service. The python3 reference lacks this builder; the
names follow the newest reference releases."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)
from .RtcTokenBuilder2 import Role_Publisher, Role_Subscriber

__all__ = [
    "SttTokenBuilder",
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


class SttTokenBuilder:
    """Builds 007 tokens for a Speech-to-text agent."""

    build_token = staticmethod(_native.stt_token_builder_build_token)
