"""rtctoken: byte-exact Agora-compatible tokens from one Rust core.

Drop-in modules mirror the public python3 reference (change
``from src.X import`` to ``from rtctoken.X import``): ``RtcTokenBuilder2``,
``RtmTokenBuilder2``, ``ChatTokenBuilder2``, ``education_token_builder``,
``apaas_token_builder``, ``fpa_token_builder``, ``convoai_token_builder``,
``stt_token_builder``, ``AccessToken2``, ``AccessToken``, ``RtcTokenBuilder``,
``RtmTokenBuilder``, ``DynamicKey`` .. ``DynamicKey5`` and ``SignalingToken``.

This module adds what the reference lacks: ``parse`` (any version, typed and
read-only), ``verify`` (several certificates, for rotation), ``inspect``, and
``TokenError`` with one subclass per error kind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.metadata import version as _version
from typing import Any, Dict, Optional, Type

from . import _native
from ._native import (
    FieldTooLongError,
    InternalError,
    InvalidAppCertificateError,
    InvalidAppIdError,
    InvalidArgumentError,
    MalformedError,
    MissingInputError,
    NoServiceError,
    TokenError,
    UnsupportedVersionError,
    parse,
    verify,
)
from .parsed import (
    AccessToken2Info,
    AccessTokenInfo,
    DynamicKey5Info,
    DynamicKeyInfo,
    ServiceInfo,
    SignalingTokenInfo,
    Token,
)

#: The installed package's version (the crate's, set by maturin).
__version__: str = _version("rtctoken")

__all__ = [
    "__version__",
    "parse",
    "verify",
    "inspect",
    "Verification",
    "Token",
    "DynamicKeyInfo",
    "DynamicKey5Info",
    "SignalingTokenInfo",
    "AccessTokenInfo",
    "AccessToken2Info",
    "ServiceInfo",
    "TokenError",
    "InvalidAppIdError",
    "InvalidAppCertificateError",
    "NoServiceError",
    "FieldTooLongError",
    "MalformedError",
    "UnsupportedVersionError",
    "InvalidArgumentError",
    "MissingInputError",
    "InternalError",
    "ERROR_CLASSES",
]

#: Error kind string -> its exception class, for every kind the core has
#: (the native module makes one subclass per kind).
ERROR_CLASSES: Dict[str, Type[TokenError]] = {cls.kind: cls for cls in TokenError.__subclasses__()}


@dataclass(frozen=True)
class Verification:
    """The outcome of ``verify``: ``matched`` is the index of the first
    certificate the signature holds for, or None."""

    matched: Optional[int]

    @property
    def is_valid(self) -> bool:
        """Whether some certificate matched."""
        return self.matched is not None

    def __bool__(self) -> bool:
        return self.is_valid


# `parse` and `verify` (native: ``rtctoken._native``) make their results
# themselves, as instances of these classes: a frozen dataclass filled from
# Python cost more than the rest of the call.
_native.result_classes(
    DynamicKeyInfo,
    DynamicKey5Info,
    SignalingTokenInfo,
    AccessTokenInfo,
    AccessToken2Info,
    ServiceInfo,
    Verification,
)


def inspect(token: str, now: Optional[int] = None) -> Dict[str, Any]:
    """The core's inspection report (version, app ID, fields, diagnostics)
    as a dict, evaluated at ``now`` (Unix seconds; None reads the clock)."""
    result: Dict[str, Any] = json.loads(_native.inspect_json(token, now))
    return result
