"""The core's id tables under the vendor's constant names, and its token
format constants, read once from ``_native`` so that no drop-in module
restates a service type, privilege, role or permission id, a version
prefix, a length or a default lifetime. The vendor names a constant ``k``
+ the core's name in PascalCase; ``VENDOR_SPELLING`` holds its few
exceptions.
"""

from __future__ import annotations

from typing import Dict, Tuple

from . import _native

#: The core's name of a 006 privilege -> the vendor's name where it is not
#: ``k`` + PascalCase.
VENDOR_SPELLING = {"publish_audio_cdn": "kPublishAudiocdn"}


def pascal(name: str) -> str:
    """``join_channel`` -> ``JoinChannel``."""
    return "".join(word.capitalize() for word in name.split("_"))


#: Service name (the core's serde tag) -> (type id, {``kPrivilege…`` name: id}).
SERVICES: Dict[str, Tuple[int, Dict[str, int]]] = {
    name: (type_id, {"kPrivilege" + pascal(p): pid for p, pid in privileges})
    for name, type_id, privileges in _native.service_types()
}

#: The 006 privileges the vendor declares, ``k…`` name -> id.
ACCESS_TOKEN_PRIVILEGES: Dict[str, int] = {
    VENDOR_SPELLING.get(name, "k" + pascal(name)): pid for name, pid in _native.access_token_privileges()
}

#: Builder module (the core's name) -> {role name (the core's): id}.
ROLES: Dict[str, Dict[str, int]] = {builder: dict(roles) for builder, roles in _native.roles()}

#: The version prefixes of 006 and 007 tokens and the length of an app ID.
ACCESS_TOKEN_VERSION, ACCESS_TOKEN2_VERSION, APP_ID_LENGTH = _native.token_format()

#: The lifetime (seconds) a 007 ``AccessToken`` gets when given none.
ACCESS_TOKEN2_DEFAULT_EXPIRE: int = _native.access_token2_default_expire()

#: DynamicKey v5's service types {name (the core's): id}, the ``extra`` key
#: of the in-channel permission, and its permission values {name: value}.
_services5, DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL, _permissions5 = _native.dynamic_key5_ids()
DYNAMIC_KEY5_SERVICES: Dict[str, int] = dict(_services5)
DYNAMIC_KEY5_PERMISSIONS: Dict[str, str] = dict(_permissions5)

#: RTM2's resource types and permissions, {name (the core's): id}.
_resource_types, _rtm2_permissions = _native.rtm2_permissions()
RTM2_RESOURCE_TYPES: Dict[str, int] = dict(_resource_types)
RTM2_PERMISSIONS: Dict[str, int] = dict(_rtm2_permissions)
