"""AccessToken "006": the reference's ``AccessToken`` class and privilege
constants, backed by the Rust core.

Attributes (``salt``, ``ts``, ``messages``) are plain and may be set before
``build()``, as reference users do; bad input raises a ``TokenError``. The
certificate is kept out of ``__dict__`` (``appCertificate`` reads it, as
vendor code does), so ``vars()``, ``repr()`` and ``pickle`` never show it.
"""

from __future__ import annotations

from typing import Any, Dict, NoReturn, Optional, Union

from . import _native
from ._ids import ACCESS_TOKEN_PRIVILEGES, ACCESS_TOKEN_VERSION, APP_ID_LENGTH
from .parsed import AccessTokenInfo

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

kJoinChannel: int
kPublishAudioStream: int
kPublishVideoStream: int
kPublishDataStream: int
kPublishAudiocdn: int
kPublishVideoCdn: int
kRequestPublishAudioStream: int
kRequestPublishVideoStream: int
kRequestPublishDataStream: int
kInvitePublishAudioStream: int
kInvitePublishVideoStream: int
kInvitePublishDataStream: int
kAdministrateChannel: int
kRtmLogin: int
globals().update(ACCESS_TOKEN_PRIVILEGES)

VERSION_LENGTH = len(ACCESS_TOKEN_VERSION)


def getVersion() -> str:
    """The version prefix of AccessToken 006 tokens."""
    return ACCESS_TOKEN_VERSION


class AccessToken:
    """A 006 token for ``uid`` (int, 0 = any user; or an account str) in
    ``channelName``, valid 24 hours from its issue time.

    Keyword-only ``issue_ts``/``salt`` fix the issue time (``ts`` is
    issue_ts + 24 h) and salt for exact tests; by default they are now and
    random.
    """

    __slots__ = ("__dict__", "_certificate")

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
        self._certificate = appCertificate
        self.channelName = channelName
        self.uidStr = _native.uid_text(uid)
        self.salt, self.ts = _native.access_token_stamp(issue_ts=issue_ts, salt=salt)
        self.messages: Dict[int, int] = {}

    @property
    def appCertificate(self) -> str:
        """The certificate (the reference's attribute), kept out of ``vars()``."""
        return self._certificate

    @appCertificate.setter
    def appCertificate(self, value: str) -> None:
        self._certificate = value

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        # Pickle and copy would carry the certificate along (slots included).
        raise TypeError("AccessToken holds an app certificate and cannot be pickled or copied")

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
            self.appID, self._certificate, self.channelName, self.uidStr, self.salt, self.ts, self.messages
        )

    def fromString(self, originToken: str) -> bool:
        """Reads salt, ts and privileges of a 006 token into this object.
        Returns False when the token is not a well-formed 006 token (as the
        reference); raises ``TypeError`` when it is not a ``str``."""
        if not isinstance(originToken, str):
            raise TypeError(f"originToken must be a str, got {type(originToken).__name__}")
        try:
            info = _native.parse(originToken)
        except _native.TokenError:
            return False
        if not isinstance(info, AccessTokenInfo):
            return False
        self.salt = info.salt
        self.ts = info.ts
        self.messages = dict(info.privileges)
        return True
