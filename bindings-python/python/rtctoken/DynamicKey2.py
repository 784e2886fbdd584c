"""DynamicKey v2 (SDKs before 2.1): ``generate(appID, appCertificate,
channelName, unixTs, randomInt, uid, expiredTs)``; ints out of 32-bit
range are refused, not wrapped."""

from . import _native
from ._legacy import key_function

__all__ = ["generate"]

generate = key_function(_native.dynamic_key2_generate)
