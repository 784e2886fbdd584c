"""Read-only, typed views of a decoded token, one class per format.

``rtctoken.parse`` returns one of these; ``to_dict()`` gives the core's
exact JSON shape (string keys), the one the conformance vectors record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _native


@dataclass(frozen=True)
class _Parsed:
    """Common base: keeps the token for ``to_dict``."""

    _token: str = field(repr=False, compare=False)

    def to_dict(self) -> Dict[str, Any]:
        """The decoded fields in the core's JSON shape (a fresh dict)."""
        result: Dict[str, Any] = _native.parse_json(self._token)
        return result


@dataclass(frozen=True)
class DynamicKeyInfo(_Parsed):
    """A DynamicKey v1–v4 (``version`` "001".."004")."""

    version: str
    app_id: str
    unix_ts: int
    random_int: int
    uid: Optional[int]
    expired_ts: Optional[int]


@dataclass(frozen=True)
class DynamicKey5Info(_Parsed):
    """A DynamicKey v5; ``extra`` maps extra keys to their values."""

    version: str
    service_type: int
    app_id: str
    unix_ts: int
    random_int: int
    expired_ts: int
    extra: Mapping[int, str]


@dataclass(frozen=True)
class SignalingTokenInfo(_Parsed):
    """A signaling token (``version`` "signaling")."""

    version: str
    app_id: str
    expired_ts: int


@dataclass(frozen=True)
class AccessTokenInfo(_Parsed):
    """An AccessToken 006: privileges map to absolute expiries; only CRCs
    of the channel name and uid travel."""

    version: str
    app_id: str
    salt: int
    ts: int
    privileges: Mapping[int, int]
    crc_channel_name: int
    crc_uid: int


@dataclass(frozen=True)
class ServiceInfo:
    """One 007 service: its type name, privileges (seconds after issue)
    and the fields its type carries (the others are None)."""

    type: str
    privileges: Mapping[int, int]
    channel_name: Optional[str] = None
    uid: Optional[str] = None
    user_id: Optional[str] = None
    account: Optional[str] = None
    room_uuid: Optional[str] = None
    user_uuid: Optional[str] = None
    role: Optional[int] = None
    permissions: Optional[Mapping[int, Mapping[int, Tuple[str, ...]]]] = None


@dataclass(frozen=True)
class AccessToken2Info(_Parsed):
    """An AccessToken2 007; ``unknown_service_type`` is set when reading
    stopped at a service type this library does not know."""

    version: str
    app_id: str
    issue_ts: int
    expire: int
    salt: int
    services: Tuple[ServiceInfo, ...]
    unknown_service_type: Optional[int]


Token = Union[DynamicKeyInfo, DynamicKey5Info, SignalingTokenInfo, AccessTokenInfo, AccessToken2Info]
