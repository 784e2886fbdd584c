"""DynamicKey v5 (SDKs before 2.1): media channel, recording, public
sharing and in-channel permission keys; ints out of 32-bit range are
refused, not wrapped."""

from typing import Union

from . import _native
from ._ids import DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL, DYNAMIC_KEY5_PERMISSIONS, DYNAMIC_KEY5_SERVICES

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

MEDIA_CHANNEL_SERVICE = DYNAMIC_KEY5_SERVICES["media_channel"]
RECORDING_SERVICE = DYNAMIC_KEY5_SERVICES["recording"]
PUBLIC_SHARING_SERVICE = DYNAMIC_KEY5_SERVICES["public_sharing"]
IN_CHANNEL_PERMISSION = DYNAMIC_KEY5_SERVICES["in_channel_permission"]
ALLOW_UPLOAD_IN_CHANNEL = DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL

#: In-channel permission: may not upload (bytes, like the reference; str works too).
NoUpload = DYNAMIC_KEY5_PERMISSIONS["no_upload"].encode()
#: In-channel permission: may upload audio and video.
AudioVideoUpload = DYNAMIC_KEY5_PERMISSIONS["audio_video_upload"].encode()

generateMediaChannelKey = _native.DynamicKey5_generateMediaChannelKey
generateRecordingKey = _native.DynamicKey5_generateRecordingKey
generatePublicSharingKey = _native.DynamicKey5_generatePublicSharingKey


def generateInChannelPermissionKey(
    appID: str,
    appCertificate: str,
    channelName: str,
    unixTs: int,
    randomInt: int,
    uid: int,
    expiredTs: int,
    permission: Union[str, bytes],
) -> str:
    """A DynamicKey v5 in-channel permission key; ``permission`` is
    ``NoUpload`` or ``AudioVideoUpload`` (bytes, as in the reference, or str)."""
    if isinstance(permission, bytes):
        permission = permission.decode("utf-8", "replace")
    return _native.dynamic_key5_generate_in_channel_permission_key(
        appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, permission
    )
