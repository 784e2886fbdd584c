"""RTM tokens (007): the reference's ``RtmTokenBuilder``."""

from typing import Any, Mapping, Optional, Union

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)
from .AccessToken2 import ServiceRtm2

__all__ = [
    "RtmTokenBuilder",
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


class RtmTokenBuilder:
    """Builds 007 RTM tokens."""

    build_token = staticmethod(_native.rtm_token_builder2_build_token)

    @staticmethod
    def build_token_with_permissions(
        app_id: str,
        app_certificate: str,
        user_id: str,
        permissions: Union[ServiceRtm2.Permissions, Mapping[int, Mapping[int, Any]]],
        expire: int = 0,
        *,
        issue_ts: Optional[int] = None,
        salt: Optional[int] = None,
    ) -> str:
        """An RTM2 login token for ``user_id`` carrying ``permissions``
        (a ``ServiceRtm2.Permissions`` or ``{type: {permission: [resources]}}``)."""
        details = permissions.details if isinstance(permissions, ServiceRtm2.Permissions) else permissions
        return _native.rtm_token_builder2_build_token_with_permissions(
            app_id, app_certificate, user_id, details, expire, issue_ts=issue_ts, salt=salt
        )
