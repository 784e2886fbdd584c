"""AccessToken2 ("007"): the reference's ``AccessToken`` and ``Service*``
classes, backed by the Rust core.

Differences from the reference, on purpose: bad input raises a
``rtctoken.TokenError`` subclass instead of returning ``""``; ``salt`` can be
fixed (keyword) for exact tests; ``ServiceConvoAI`` and ``ServiceStt`` exist.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, ClassVar, Dict, Iterable, List, Mapping, Optional, Union

from . import _native

__all__ = [
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

VERSION_LENGTH = 3


def get_version() -> str:
    """The version prefix of AccessToken2 tokens."""
    return "007"


class Service:
    """A service of a 007 token: privileges (id -> seconds after issue, 0 =
    no expiry) plus the fields of its type."""

    kServiceType: ClassVar[int] = 0
    _name: ClassVar[str] = ""

    def __init__(self) -> None:
        self._privileges: Dict[int, int] = {}

    def add_privilege(self, privilege: int, expire: int) -> None:
        """Grants ``privilege`` for ``expire`` seconds after issue (0 = no expiry)."""
        self._privileges[privilege] = expire

    def service_type(self) -> int:
        """The numeric service type."""
        return self.kServiceType

    @property
    def privileges(self) -> Mapping[int, int]:
        """The privileges granted so far (read-only view)."""
        return MappingProxyType(self._privileges)

    def _fields(self) -> Dict[str, Any]:
        return {}

    @classmethod
    def _from_fields(cls, fields: Dict[str, Any]) -> Service:
        """An instance from the fields of its type (the core's names)."""
        return cls(**fields)

    def _describe(self) -> Dict[str, Any]:
        """The description the native build reads."""
        d = {"type": self._name, "privileges": self._privileges}
        d.update(self._fields())
        return d

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._fields().items())
        return f"{type(self).__name__}({fields}, privileges={self._privileges!r})"


class ServiceRtc(Service):
    """Real-time audio and video in a channel for a uid (int, 0 = any user)
    or an account (str)."""

    kServiceType = 1
    _name = "rtc"
    kPrivilegeJoinChannel = 1
    kPrivilegePublishAudioStream = 2
    kPrivilegePublishVideoStream = 3
    kPrivilegePublishDataStream = 4

    def __init__(self, channel_name: str = "", uid: Union[int, str] = 0) -> None:
        super().__init__()
        self.channel_name = channel_name
        self.uid = _native.uid_text(uid)

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "uid": self.uid}


class ServiceRtm(Service):
    """Real-time messaging login for a user id."""

    kServiceType = 2
    _name = "rtm"
    kPrivilegeLogin = 1

    def __init__(self, user_id: str = "") -> None:
        super().__init__()
        self.user_id = user_id

    def _fields(self) -> Dict[str, Any]:
        return {"user_id": self.user_id}


class ServiceStreaming(Service):
    """Media push in a channel for a uid (int, 0 = any) or an account."""

    kServiceType = 3
    _name = "streaming"
    kPrivilegePublishMixStream = 1
    kPrivilegePublishRawStream = 2

    def __init__(self, channel_name: str = "", account: Union[int, str] = "") -> None:
        super().__init__()
        self.channel_name = channel_name
        self.account = _native.uid_text(account, "account")

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "account": self.account}


class ServiceFpa(Service):
    """Full-path acceleration (no fields)."""

    kServiceType = 4
    _name = "fpa"
    kPrivilegeLogin = 1


class ServiceChat(Service):
    """Chat for a user id (empty for the app)."""

    kServiceType = 5
    _name = "chat"
    kPrivilegeUser = 1
    kPrivilegeApp = 2

    def __init__(self, user_id: str = "") -> None:
        super().__init__()
        self.user_id = user_id

    def _fields(self) -> Dict[str, Any]:
        return {"user_id": self.user_id}


class ServiceFCdn(Service):
    """Fusion CDN in a channel for a uid (int, 0 = any) or an account."""

    kServiceType = 6
    _name = "fcdn"
    kPrivilegePublish = 1
    kPrivilegePlay = 2

    def __init__(self, channel_name: str = "", account: Union[int, str] = "") -> None:
        super().__init__()
        self.channel_name = channel_name
        self.account = _native.uid_text(account, "account")

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "account": self.account}


class ServiceApaas(Service):
    """Flexible classroom (APaaS / Education): a room, a user and a role
    (-1 when there is none)."""

    kServiceType = 7
    _name = "apaas"
    kPrivilegeRoomUser = 1
    kPrivilegeUser = 2
    kPrivilegeApp = 3

    def __init__(self, room_uuid: str = "", user_uuid: str = "", role: int = -1) -> None:
        super().__init__()
        self.room_uuid = room_uuid
        self.user_uuid = user_uuid
        self.role = role

    def _fields(self) -> Dict[str, Any]:
        return {"room_uuid": self.room_uuid, "user_uuid": self.user_uuid, "role": self.role}


#: The name older reference releases gave the APaaS service.
ServiceEducation = ServiceApaas


class ServiceRtm2(Service):
    """RTM 2 login with per-resource permissions."""

    kServiceType = 8
    _name = "rtm2"
    kPrivilegeLogin = 1

    class Permissions:
        """Resource type -> permission -> resources, as in the reference."""

        kMessageChannels = 0
        kStreamChannels = 1
        kGroupChannels = 2
        kServerGroups = 3
        kUsers = 4
        kRead = 0
        kWrite = 1

        def __init__(self) -> None:
            self.details: Dict[int, Dict[int, List[str]]] = {}

        def add(self, resource_type: int, permission_type: int, resources: Iterable[str]) -> None:
            """Sets the resources of one resource type and permission."""
            self.details.setdefault(resource_type, {})[permission_type] = list(resources)

    def __init__(self, user_id: str = "", permissions: Optional[ServiceRtm2.Permissions] = None) -> None:
        super().__init__()
        self.user_id = user_id
        self.permissions = permissions if permissions is not None else ServiceRtm2.Permissions()

    def get_user_id(self) -> str:
        """The RTM2 user id."""
        return self.user_id

    def get_permissions(self) -> ServiceRtm2.Permissions:
        """The resource permissions."""
        return self.permissions

    def _fields(self) -> Dict[str, Any]:
        return {"user_id": self.user_id, "permissions": self.permissions.details}

    @classmethod
    def _from_fields(cls, fields: Dict[str, Any]) -> Service:
        perms = ServiceRtm2.Permissions()
        for rtype, by_perm in fields["permissions"].items():
            for perm, resources in by_perm.items():
                perms.add(int(rtype), int(perm), resources)
        return cls(fields["user_id"], perms)


class ServiceConvoAI(Service):
    """Conversational AI engine (no fields, no privileges)."""

    kServiceType = 9
    _name = "convoai"


class ServiceStt(Service):
    """Speech to text (no fields, no privileges)."""

    kServiceType = 10
    _name = "stt"


def _service_from(d: Mapping[str, Any]) -> Service:
    """A service object from the core's parsed form of one service."""
    fields = {k: v for k, v in d.items() if k not in ("type", "privileges")}
    s = _SERVICES[d["type"]]._from_fields(fields)
    for k, v in d["privileges"].items():
        s.add_privilege(int(k), v)
    return s


#: Every service class by its type name (the core's ``type`` tag).
_SERVICES = {c._name: c for c in Service.__subclasses__()}


class AccessToken:
    """A 007 token: build one from services, or read one with
    ``from_string`` and check it with ``verify_signature``.

    ``issue_ts`` 0 means now; ``salt`` None means random. Both are fixed
    when the object is created, so repeated ``build()`` calls agree.
    """

    def __init__(
        self,
        app_id: str = "",
        app_certificate: str = "",
        issue_ts: int = 0,
        expire: int = 900,
        salt: Optional[int] = None,
    ) -> None:
        self.app_id = app_id
        self.__app_certificate = app_certificate
        self.issue_ts, self.salt = _native.resolve_stamp(issue_ts=issue_ts or None, salt=salt)
        self.expire = expire
        self.services: List[Service] = []
        self.unknown_service_type: Optional[int] = None
        self.__token: Optional[str] = None

    def __repr__(self) -> str:
        # The certificate is a secret: never shown.
        return (
            f"AccessToken(app_id={self.app_id!r}, issue_ts={self.issue_ts}, "
            f"expire={self.expire}, salt={self.salt}, services={self.services!r})"
        )

    def add_service(self, service: Service) -> None:
        """Adds a service; services of the same type are all kept, in order."""
        self.services.append(service)

    def get_services(self, service_type: int) -> List[Service]:
        """The services of one type, in insertion or token order."""
        return [s for s in self.services if s.service_type() == service_type]

    def build(self) -> str:
        """The token string; raises a ``TokenError`` subclass for a bad app
        ID or certificate, no service, or an over-long field."""
        return _native.access_token2_build(
            self.app_id,
            self.__app_certificate,
            self.expire,
            [s._describe() for s in self.services],
            issue_ts=self.issue_ts,
            salt=self.salt,
        )

    def from_string(self, origin_token: str) -> bool:
        """Reads a 007 token into this object. Returns False when the token
        is not a 007 token, raises ``TokenError`` (a ``ValueError``) when it
        is malformed, ``TypeError`` when it is not a ``str``."""
        if not isinstance(origin_token, str):
            raise TypeError(f"origin_token must be a str, got {type(origin_token).__name__}")
        if origin_token[:VERSION_LENGTH] != get_version():
            return False
        d = _native.parse(origin_token)
        self.app_id = d["app_id"]
        self.issue_ts = d["issue_ts"]
        self.expire = d["expire"]
        self.salt = d["salt"]
        self.services = [_service_from(s) for s in d["services"]]
        self.unknown_service_type = d.get("unknown_service_type")
        self.__token = origin_token
        return True

    def verify_signature(self, app_certificate: str) -> bool:
        """Whether the token read by ``from_string`` is signed with
        ``app_certificate`` (False when nothing was read)."""
        if self.__token is None:
            return False
        return _native.verify(self.__token, app_certificate) is not None
