"""Read-only, typed views of a decoded token, one class per format.

``rtctoken.parse`` returns one of these; ``to_dict()`` gives the core's
exact JSON shape (string keys), the one the conformance vectors record.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Dict, Mapping, Optional, Tuple, Union


def _int_keys(m: Mapping[str, Any]) -> Mapping[int, Any]:
    return MappingProxyType({int(k): v for k, v in m.items()})


@dataclass(frozen=True)
class _Parsed:
    """Common base: keeps the core's JSON for ``to_dict``."""

    _raw: Dict[str, Any] = field(repr=False, compare=False)

    def to_dict(self) -> Dict[str, Any]:
        """The decoded fields in the core's JSON shape (a fresh copy)."""
        return copy.deepcopy(self._raw)


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


def _service(d: Mapping[str, Any]) -> ServiceInfo:
    perms = d.get("permissions")
    return ServiceInfo(
        type=d["type"],
        privileges=_int_keys(d["privileges"]),
        channel_name=d.get("channel_name"),
        uid=d.get("uid"),
        user_id=d.get("user_id"),
        account=d.get("account"),
        room_uuid=d.get("room_uuid"),
        user_uuid=d.get("user_uuid"),
        role=d.get("role"),
        permissions=None
        if perms is None
        else MappingProxyType(
            {int(t): MappingProxyType({int(p): tuple(r) for p, r in m.items()}) for t, m in perms.items()}
        ),
    )


def from_dict(d: Dict[str, Any]) -> Token:
    """The typed view of the core's JSON for one token."""
    v = d["version"]
    if v == "005":
        return DynamicKey5Info(
            d, v, d["service_type"], d["app_id"], d["unix_ts"], d["random_int"], d["expired_ts"], _int_keys(d["extra"])
        )
    if v == "signaling":
        return SignalingTokenInfo(d, v, d["app_id"], d["expired_ts"])
    if v == "006":
        return AccessTokenInfo(
            d, v, d["app_id"], d["salt"], d["ts"], _int_keys(d["privileges"]), d["crc_channel_name"], d["crc_uid"]
        )
    if v == "007":
        return AccessToken2Info(
            d,
            v,
            d["app_id"],
            d["issue_ts"],
            d["expire"],
            d["salt"],
            tuple(_service(s) for s in d["services"]),
            d.get("unknown_service_type"),
        )
    return DynamicKeyInfo(d, v, d["app_id"], d["unix_ts"], d["random_int"], d.get("uid"), d.get("expired_ts"))
