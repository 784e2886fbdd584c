"""DynamicKey v4 (SDKs before 2.1): media channel, recording and public
sharing keys; ints out of 32-bit range are refused, not wrapped."""

from . import _native
from ._legacy import key_function

__all__ = ["generateMediaChannelKey", "generateRecordingKey", "generatePublicSharingKey"]

generateMediaChannelKey = key_function(_native.dynamic_key4_generate_media_channel_key)
generateRecordingKey = key_function(_native.dynamic_key4_generate_recording_key)
generatePublicSharingKey = key_function(_native.dynamic_key4_generate_public_sharing_key)
