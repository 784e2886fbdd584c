"""FPA tokens (007): the reference's ``FpaTokenBuilder``."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)

__all__ = [
    "FpaTokenBuilder",
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


class FpaTokenBuilder:
    """Builds 007 FPA tokens (login without expiry, valid 24 hours)."""

    build_token = staticmethod(_native.fpa_token_builder_build_token)
