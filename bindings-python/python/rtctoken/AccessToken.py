"""AccessToken "006": the reference's ``AccessToken`` class and privilege
constants, backed by the Rust core.

Attributes (``salt``, ``ts``, ``messages``) are plain and may be set before
``build()``, as reference users do; bad input raises a ``TokenError``.
"""

from __future__ import annotations

from typing import Dict, Optional, Union

from . import _native

__all__ = [
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

kJoinChannel = 1
kPublishAudioStream = 2
kPublishVideoStream = 3
kPublishDataStream = 4
kPublishAudiocdn = 5
kPublishVideoCdn = 6
kRequestPublishAudioStream = 7
kRequestPublishVideoStream = 8
kRequestPublishDataStream = 9
kInvitePublishAudioStream = 10
kInvitePublishVideoStream = 11
kInvitePublishDataStream = 12
kAdministrateChannel = 101
kRtmLogin = 1000

VERSION_LENGTH = 3
APP_ID_LENGTH = 32


def getVersion() -> str:
    """The version prefix of AccessToken 006 tokens."""
    return "006"


class AccessToken:
    """A 006 token for ``uid`` (int, 0 = any user; or an account str) in
    ``channelName``, valid 24 hours from its issue time.

    Keyword-only ``issue_ts``/``salt`` fix the issue time (``ts`` is
    issue_ts + 24 h) and salt for exact tests; by default they are now and
    random.
    """

    def __init__(
        self,
        appID: str = "",
        appCertificate: str = "",
        channelName: str = "",
        uid: Union[int, str] = "",
        *,
        issue_ts: Optional[int] = None,
        salt: Optional[int] = None,
    ) -> None:
        self.appID = appID
        self.appCertificate = appCertificate
        self.channelName = channelName
        self.uidStr = _native.uid_text(uid)
        self.salt, self.ts = _native.access_token_stamp(issue_ts=issue_ts, salt=salt)
        self.messages: Dict[int, int] = {}

    def __repr__(self) -> str:
        # The certificate is a secret: never shown.
        return (
            f"AccessToken(appID={self.appID!r}, channelName={self.channelName!r}, "
            f"uidStr={self.uidStr!r}, salt={self.salt}, ts={self.ts}, messages={self.messages!r})"
        )

    def addPrivilege(self, privilege: int, expireTimestamp: int) -> None:
        """Grants ``privilege`` until ``expireTimestamp`` (absolute Unix seconds, 0 = none)."""
        self.messages[privilege] = expireTimestamp

    def build(self) -> str:
        """The token string; raises a ``TokenError`` subclass for bad input."""
        return _native.access_token_build(
            self.appID, self.appCertificate, self.channelName, self.uidStr, self.salt, self.ts, self.messages
        )

    def fromString(self, originToken: str) -> bool:
        """Reads salt, ts and privileges of a 006 token into this object.
        Returns False when the token is not a 006 token; raises
        ``TokenError`` (a ``ValueError``) when it is malformed and
        ``TypeError`` when it is not a ``str``."""
        if not isinstance(originToken, str):
            raise TypeError(f"originToken must be a str, got {type(originToken).__name__}")
        if originToken[:VERSION_LENGTH] != getVersion():
            return False
        d = _native.parse(originToken)
        self.salt = d["salt"]
        self.ts = d["ts"]
        self.messages = {int(k): v for k, v in d["privileges"].items()}
        return True
