"""DynamicKey v3 (SDKs before 2.1): ``generate(appID, appCertificate,
channelName, unixTs, randomInt, uid, expiredTs)``; ints out of 32-bit
range are refused, not wrapped."""

from . import _native

__all__ = ["generate"]

generate = _native.DynamicKey3_generate
