"""DynamicKey v1 (SDKs before 2.1): ``generate(appID, appCertificate,
channelName, unixTs, randomInt)``."""

from . import _native

__all__ = ["generate"]

generate = _native.DynamicKey_generate
