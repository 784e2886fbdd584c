"""DynamicKey v4 (SDKs before 2.1): media channel, recording and public
sharing keys; ints out of 32-bit range are refused, not wrapped."""

from . import _native

__all__ = ["generateMediaChannelKey", "generateRecordingKey", "generatePublicSharingKey"]

generateMediaChannelKey = _native.DynamicKey4_generateMediaChannelKey
generateRecordingKey = _native.DynamicKey4_generateRecordingKey
generatePublicSharingKey = _native.DynamicKey4_generatePublicSharingKey
