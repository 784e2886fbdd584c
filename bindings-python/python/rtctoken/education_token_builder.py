"""Flexible classroom (Education) tokens (007): the reference's ``EducationTokenBuilder``."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "EducationTokenBuilder",
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


class EducationTokenBuilder:
    """Builds 007 tokens for a user in a room, a user, or the app."""

    build_room_user_token = staticmethod(_native.education_token_builder2_build_room_user_token)
    build_user_token = staticmethod(_native.education_token_builder2_build_user_token)
    build_app_token = staticmethod(_native.education_token_builder2_build_app_token)
