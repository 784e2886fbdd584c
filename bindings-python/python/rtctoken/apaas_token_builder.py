"""APaaS tokens (007): the reference's ``ApaasTokenBuilder``."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "ApaasTokenBuilder",
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


class ApaasTokenBuilder:
    """Builds 007 tokens for a user in a room, a user, or the app."""

    build_room_user_token = staticmethod(_native.apaas_token_builder_build_room_user_token)
    build_user_token = staticmethod(_native.apaas_token_builder_build_user_token)
    build_app_token = staticmethod(_native.apaas_token_builder_build_app_token)
