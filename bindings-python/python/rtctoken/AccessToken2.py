"""AccessToken2 ("007"): the reference's ``AccessToken`` and ``Service*``
classes, backed by the Rust core.

Differences from the reference, on purpose: bad input raises a
``rtctoken.TokenError`` subclass instead of returning ``""``; ``salt`` can be
fixed (keyword) for exact tests; ``ServiceConvoAI`` and ``ServiceStt`` exist.

Vendor code and its tests pin tokens and read fields through the
reference's name-mangled privates (``token._AccessToken__salt = 1``,
``service._ServiceRtc__channel_name``): here those names are properties over
the real fields, so a write changes the token instead of being ignored.
Text fields read back as ``bytes``, as the reference stores them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, ClassVar, Dict, Iterable, List, Mapping, NoReturn, Optional, Type, Union

from . import _native
from ._ids import ACCESS_TOKEN2_DEFAULT_EXPIRE, ACCESS_TOKEN2_VERSION, RTM2_PERMISSIONS, RTM2_RESOURCE_TYPES, SERVICES
from .parsed import AccessToken2Info

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

VERSION_LENGTH = len(ACCESS_TOKEN2_VERSION)


def get_version() -> str:
    """The version prefix of AccessToken2 tokens."""
    return ACCESS_TOKEN2_VERSION


def _mangled(field: str, as_bytes: bool = False) -> Any:
    """A property over the attribute ``field``, under the reference's
    name-mangled private name for it; ``as_bytes`` for text the reference
    keeps as UTF-8 bytes. Text is accepted as str or UTF-8 bytes on write."""

    def get(self: Any) -> Any:
        value = getattr(self, field)
        return value.encode("utf-8") if as_bytes and isinstance(value, str) else value

    def put(self: Any, value: Any) -> None:
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        setattr(self, field, value)

    return property(get, put, doc=f"The reference's private name for ``{field}``.")


class Service:
    """A service of a 007 token: privileges (id -> seconds after issue, 0 =
    no expiry) plus the fields of its type.

    ``Service(service_type)`` itself is the reference's generic service of
    any type number (0..65535): the type and its privileges, no fields, so a
    service added to the protocol later can be built before it has a class.
    """

    kServiceType: ClassVar[int] = 0
    _name: ClassVar[str] = "generic"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Sets a service class's ``kServiceType`` and ``kPrivilege…`` ids
        from the core's table for its ``_name``: the class only declares
        the names."""
        super().__init_subclass__(**kwargs)
        if "_name" in cls.__dict__:
            cls.kServiceType, privileges = SERVICES[cls._name]
            for name, privilege in privileges.items():
                setattr(cls, name, privilege)

    def __init__(self, service_type: Optional[int] = None) -> None:
        self._type = self.kServiceType if service_type is None else service_type
        self._privileges: Dict[int, int] = {}

    _Service__type = _mangled("_type")
    _Service__privileges = _mangled("_privileges")

    def add_privilege(self, privilege: int, expire: int) -> None:
        """Grants ``privilege`` for ``expire`` seconds after issue (0 = no expiry)."""
        self._privileges[privilege] = expire

    def service_type(self) -> int:
        """The numeric service type."""
        return self._type

    @property
    def privileges(self) -> Mapping[int, int]:
        """The privileges granted so far (read-only view)."""
        return MappingProxyType(self._privileges)

    def _fields(self) -> Dict[str, Any]:
        return {"service_type": self._type} if self._name == "generic" else {}

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

    _name = "rtc"
    _ServiceRtc__channel_name = _mangled("channel_name", as_bytes=True)
    _ServiceRtc__uid = _mangled("uid", as_bytes=True)
    kPrivilegeJoinChannel: ClassVar[int]
    kPrivilegePublishAudioStream: ClassVar[int]
    kPrivilegePublishVideoStream: ClassVar[int]
    kPrivilegePublishDataStream: ClassVar[int]

    def __init__(self, channel_name: str = "", uid: Union[int, str] = 0) -> None:
        super().__init__()
        self.channel_name = channel_name
        self.uid = _native.uid_text(uid)

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "uid": self.uid}


class ServiceRtm(Service):
    """Real-time messaging login for a user id."""

    _name = "rtm"
    _ServiceRtm__user_id = _mangled("user_id", as_bytes=True)
    kPrivilegeLogin: ClassVar[int]

    def __init__(self, user_id: str = "") -> None:
        super().__init__()
        self.user_id = user_id

    def _fields(self) -> Dict[str, Any]:
        return {"user_id": self.user_id}


class ServiceStreaming(Service):
    """Media push in a channel for a uid (int, 0 = any) or an account."""

    _name = "streaming"
    _ServiceStreaming__channel_name = _mangled("channel_name", as_bytes=True)
    _ServiceStreaming__account = _mangled("account", as_bytes=True)
    kPrivilegePublishMixStream: ClassVar[int]
    kPrivilegePublishRawStream: ClassVar[int]

    def __init__(self, channel_name: str = "", account: Union[int, str] = "") -> None:
        super().__init__()
        self.channel_name = channel_name
        self.account = _native.uid_text(account, "account")

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "account": self.account}


class ServiceFpa(Service):
    """Full-path acceleration (no fields)."""

    _name = "fpa"
    kPrivilegeLogin: ClassVar[int]


class ServiceChat(Service):
    """Chat for a user id (empty for the app)."""

    _name = "chat"
    _ServiceChat__user_id = _mangled("user_id", as_bytes=True)
    kPrivilegeUser: ClassVar[int]
    kPrivilegeApp: ClassVar[int]

    def __init__(self, user_id: str = "") -> None:
        super().__init__()
        self.user_id = user_id

    def _fields(self) -> Dict[str, Any]:
        return {"user_id": self.user_id}


class ServiceFCdn(Service):
    """Fusion CDN in a channel for a uid (int, 0 = any) or an account."""

    _name = "fcdn"
    _ServiceFCdn__channel_name = _mangled("channel_name", as_bytes=True)
    _ServiceFCdn__account = _mangled("account", as_bytes=True)
    kPrivilegePublish: ClassVar[int]
    kPrivilegePlay: ClassVar[int]

    def __init__(self, channel_name: str = "", account: Union[int, str] = "") -> None:
        super().__init__()
        self.channel_name = channel_name
        self.account = _native.uid_text(account, "account")

    def _fields(self) -> Dict[str, Any]:
        return {"channel_name": self.channel_name, "account": self.account}


class ServiceApaas(Service):
    """Flexible classroom (APaaS / Education): a room, a user and a role
    (-1 when there is none)."""

    _name = "apaas"
    _ServiceApaas__room_uuid = _mangled("room_uuid", as_bytes=True)
    _ServiceApaas__user_uuid = _mangled("user_uuid", as_bytes=True)
    _ServiceApaas__role = _mangled("role")
    kPrivilegeRoomUser: ClassVar[int]
    kPrivilegeUser: ClassVar[int]
    kPrivilegeApp: ClassVar[int]

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

    _name = "rtm2"
    _ServiceRtm2__user_id = _mangled("user_id", as_bytes=True)
    _ServiceRtm2__permissions = _mangled("permissions")
    kPrivilegeLogin: ClassVar[int]

    class Permissions:
        """Resource type -> permission -> resources, as in the reference."""

        kMessageChannels = RTM2_RESOURCE_TYPES["message_channel"]
        kStreamChannels = RTM2_RESOURCE_TYPES["stream_channel"]
        kGroupChannels = RTM2_RESOURCE_TYPES["group_channel"]
        kServerGroups = RTM2_RESOURCE_TYPES["server_group"]
        kUsers = RTM2_RESOURCE_TYPES["user"]
        kRead = RTM2_PERMISSIONS["read"]
        kWrite = RTM2_PERMISSIONS["write"]

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

    _name = "convoai"


class ServiceStt(Service):
    """Speech to text (no fields, no privileges)."""

    _name = "stt"


def _service_from(d: Mapping[str, Any]) -> Service:
    """A service object from the core's parsed form of one service."""
    fields = {k: v for k, v in d.items() if k not in ("type", "privileges")}
    s = _SERVICES[d["type"]]._from_fields(fields)
    for k, v in d["privileges"].items():
        s.add_privilege(int(k), v)
    return s


#: Every service class by its type name (the core's ``type`` tag).
_SERVICES: Dict[str, Type[Service]] = {c._name: c for c in [Service] + Service.__subclasses__()}


class AccessToken:
    """A 007 token: build one from services, or read one with
    ``from_string`` and check it with ``verify_signature``.

    ``issue_ts`` 0 means now; ``salt`` None means random. Both are fixed
    when the object is created, so repeated ``build()`` calls agree.

    The certificate lives in a slot, outside ``__dict__``: ``vars()``,
    ``repr()`` and ``pickle`` never show it (pickling and copying refuse).
    """

    __slots__ = ("__dict__", "_certificate")

    def __init__(
        self,
        app_id: str = "",
        app_certificate: str = "",
        issue_ts: int = 0,
        expire: int = ACCESS_TOKEN2_DEFAULT_EXPIRE,
        salt: Optional[int] = None,
    ) -> None:
        self._certificate = app_certificate
        self.app_id = app_id
        self.issue_ts, self.salt = _native.resolve_stamp(issue_ts=issue_ts or None, salt=salt)
        self.expire = expire
        self.services: List[Service] = []
        self.unknown_service_type: Optional[int] = None
        self._token: Optional[str] = None

    _AccessToken__app_id = _mangled("app_id")
    _AccessToken__issue_ts = _mangled("issue_ts")
    _AccessToken__expire = _mangled("expire")
    _AccessToken__salt = _mangled("salt")

    def __repr__(self) -> str:
        # The certificate is a secret: never shown.
        return (
            f"AccessToken(app_id={self.app_id!r}, issue_ts={self.issue_ts}, "
            f"expire={self.expire}, salt={self.salt}, services={self.services!r})"
        )

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        # Pickle and copy would carry the certificate along (slots included).
        raise TypeError("AccessToken holds an app certificate and cannot be pickled or copied")

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
            self._certificate,
            self.expire,
            [s._describe() for s in self.services],
            issue_ts=self.issue_ts,
            salt=self.salt,
        )

    def from_string(self, origin_token: str) -> bool:
        """Reads a 007 token into this object. Whatever was read before is
        cleared first, so a failed read leaves nothing to verify. Returns
        False when the token is not a well-formed 007 token, raises
        ``TypeError`` when it is not a ``str``."""
        if not isinstance(origin_token, str):
            raise TypeError(f"origin_token must be a str, got {type(origin_token).__name__}")
        self.app_id, self.issue_ts, self.expire, self.salt = "", 0, 0, 0
        self.services, self.unknown_service_type, self._token = [], None, None
        try:
            info = _native.parse(origin_token)
        except _native.TokenError:
            return False
        if not isinstance(info, AccessToken2Info):
            return False
        self.app_id = info.app_id
        self.issue_ts = info.issue_ts
        self.expire = info.expire
        self.salt = info.salt
        self.services = [_service_from(vars(s)) for s in info.services]
        self.unknown_service_type = info.unknown_service_type
        self._token = origin_token
        return True

    def verify_signature(self, app_certificate: str) -> bool:
        """Whether the token read by ``from_string`` is signed with
        ``app_certificate``: False when nothing was read or the certificate
        is malformed (as the reference); ``TypeError`` when it is not a ``str``."""
        if self._token is None:
            return False
        try:
            return _native.verify(self._token, app_certificate).is_valid
        except _native.TokenError:
            return False
