"""Chat tokens (007): the reference's ``ChatTokenBuilder``."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "ChatTokenBuilder",
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


class ChatTokenBuilder:
    """Builds 007 chat tokens for a user or for the app."""

    build_user_token = staticmethod(_native.chat_token_builder2_build_user_token)
    build_app_token = staticmethod(_native.chat_token_builder2_build_app_token)
