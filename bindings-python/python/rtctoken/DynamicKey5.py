"""DynamicKey v5 (SDKs before 2.1): media channel, recording, public
sharing and in-channel permission keys; ints out of 32-bit range are
refused, not wrapped."""

from . import _native

__all__ = [
    "generateMediaChannelKey",
    "generateRecordingKey",
    "generatePublicSharingKey",
    "generateInChannelPermissionKey",
    "MEDIA_CHANNEL_SERVICE",
    "RECORDING_SERVICE",
    "PUBLIC_SHARING_SERVICE",
    "IN_CHANNEL_PERMISSION",
    "ALLOW_UPLOAD_IN_CHANNEL",
    "NoUpload",
    "AudioVideoUpload",
]

MEDIA_CHANNEL_SERVICE = 1
RECORDING_SERVICE = 2
PUBLIC_SHARING_SERVICE = 3
IN_CHANNEL_PERMISSION = 4
ALLOW_UPLOAD_IN_CHANNEL = 1

#: In-channel permission: may not upload (bytes, like the reference; str works too).
NoUpload = b"0"
#: In-channel permission: may upload audio and video.
AudioVideoUpload = b"3"

generateMediaChannelKey = _native.dynamic_key5_generate_media_channel_key
generateRecordingKey = _native.dynamic_key5_generate_recording_key
generatePublicSharingKey = _native.dynamic_key5_generate_public_sharing_key
generateInChannelPermissionKey = _native.dynamic_key5_generate_in_channel_permission_key
