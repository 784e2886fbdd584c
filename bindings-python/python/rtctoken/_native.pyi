"""Type stubs of the private native module; use the public modules instead."""

from typing import Any, ClassVar, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

class TokenError(ValueError):
    kind: ClassVar[str]

class InvalidAppIdError(TokenError): ...
class InvalidAppCertificateError(TokenError): ...
class NoServiceError(TokenError): ...
class FieldTooLongError(TokenError): ...
class MalformedError(TokenError): ...
class UnsupportedVersionError(TokenError): ...
class InvalidArgumentError(TokenError): ...
class MissingInputError(TokenError): ...
class InternalError(TokenError): ...

Permissions = Mapping[int, Mapping[int, Iterable[str]]]

# Legacy keys
def dynamic_key_generate(appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int) -> str: ...
def dynamic_key2_generate(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key3_generate(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key4_generate_media_channel_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key4_generate_recording_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key4_generate_public_sharing_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key5_generate_media_channel_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key5_generate_recording_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key5_generate_public_sharing_key(
    appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
) -> str: ...
def dynamic_key5_generate_in_channel_permission_key(
    appID: str,
    appCertificate: str,
    channelName: str,
    unixTs: int,
    randomInt: int,
    uid: int,
    expiredTs: int,
    permission: Union[str, bytes],
) -> str: ...
def signaling_token_generate(account: str, appID: str, appCertificate: str, expiredTsInSeconds: int) -> str: ...

# 006 builders
def rtc_build_token_with_uid(
    appId: str,
    appCertificate: str,
    channelName: str,
    uid: int,
    role: int,
    privilegeExpiredTs: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc_build_token_with_account(
    appId: str,
    appCertificate: str,
    channelName: str,
    account: str,
    role: int,
    privilegeExpiredTs: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtm_build_token(
    appId: str,
    appCertificate: str,
    userAccount: str,
    role: int,
    privilegeExpiredTs: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...

# 007 builders
def rtc2_build_token_with_uid(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: int,
    role: int,
    token_expire: int,
    privilege_expire: int = 0,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc2_build_token_with_user_account(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: str,
    role: int,
    token_expire: int,
    privilege_expire: int = 0,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc2_build_token_with_uid_and_privilege(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: int,
    token_expire: int,
    join_channel_privilege_expire: int,
    pub_audio_privilege_expire: int,
    pub_video_privilege_expire: int,
    pub_data_stream_privilege_expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc2_build_token_with_user_account_and_privilege(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: str,
    token_expire: int,
    join_channel_privilege_expire: int,
    pub_audio_privilege_expire: int,
    pub_video_privilege_expire: int,
    pub_data_stream_privilege_expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc2_build_token_with_rtm(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    account: str,
    role: int,
    token_expire: int,
    privilege_expire: int = 0,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtc2_build_token_with_rtm2(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    rtc_account: str,
    rtc_role: int,
    rtc_token_expire: int,
    join_channel_privilege_expire: int,
    pub_audio_privilege_expire: int,
    pub_video_privilege_expire: int,
    pub_data_stream_privilege_expire: int,
    rtm_user_id: str,
    rtm_token_expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def convoai_build_token(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    rtc_account: str,
    rtc_role: int,
    rtc_token_expire: int,
    join_channel_privilege_expire: int,
    pub_audio_privilege_expire: int,
    pub_video_privilege_expire: int,
    pub_data_stream_privilege_expire: int,
    rtm_user_id: str,
    rtm_token_expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def stt_build_token(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    rtc_account: str,
    rtc_role: int,
    rtc_token_expire: int,
    join_channel_privilege_expire: int,
    pub_audio_privilege_expire: int,
    pub_video_privilege_expire: int,
    pub_data_stream_privilege_expire: int,
    rtm_user_id: str,
    rtm_token_expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtm2_build_token(
    app_id: str,
    app_certificate: str,
    user_id: str,
    expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def rtm2_build_token_with_permissions(
    app_id: str,
    app_certificate: str,
    user_id: str,
    permissions: Permissions,
    expire: int = 0,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def chat_build_user_token(
    app_id: str,
    app_certificate: str,
    user_id: str,
    expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def chat_build_app_token(
    app_id: str, app_certificate: str, expire: int, *, issue_ts: Optional[int] = None, salt: Optional[int] = None
) -> str: ...
def education_build_room_user_token(
    app_id: str,
    app_certificate: str,
    room_uuid: str,
    user_uuid: str,
    role: int,
    expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def education_build_user_token(
    app_id: str,
    app_certificate: str,
    user_uuid: str,
    expire: int,
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def education_build_app_token(
    app_id: str, app_certificate: str, expire: int, *, issue_ts: Optional[int] = None, salt: Optional[int] = None
) -> str: ...
def fpa_build_token(
    app_id: str, app_certificate: str, *, issue_ts: Optional[int] = None, salt: Optional[int] = None
) -> str: ...

# Raw tokens, parse, verify, inspect
def access_token_stamp(*, issue_ts: Optional[int] = None, salt: Optional[int] = None) -> Tuple[int, int]: ...
def resolve_stamp(*, issue_ts: Optional[int] = None, salt: Optional[int] = None) -> Tuple[int, int]: ...
def access_token_build(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: str,
    salt: int,
    ts: int,
    privileges: Mapping[int, int],
) -> str: ...
def access_token2_build(
    app_id: str,
    app_certificate: str,
    expire: int,
    services: Iterable[Dict[str, Any]],
    *,
    issue_ts: Optional[int] = None,
    salt: Optional[int] = None,
) -> str: ...
def parse(token: str) -> Dict[str, Any]: ...
def verify(
    token: str,
    certificates: Union[str, Sequence[str]],
    channel_name: Optional[str] = None,
    uid: Optional[str] = None,
) -> Optional[int]: ...
def inspect_json(token: str, now: Optional[int] = None) -> str: ...
def error_kinds() -> List[str]: ...
def raise_kind(kind: str) -> None: ...
