"""The drop-ins' service type, privilege and role constants are the core's
tables: every id comes from ``_native``, and every name the facades declare
(for mypy and readers) is one the core has, and the other way round. So are
the version prefixes and lengths, the 007 default lifetime, and DynamicKey
v5's and RTM2's constants."""

import inspect

import rtctoken
import rtctoken.AccessToken as at006
import rtctoken.DynamicKey5 as dk5
import rtctoken.RtcTokenBuilder as rtc006
import rtctoken.RtcTokenBuilder2 as rtc007
import rtctoken.RtmTokenBuilder as rtm006
from rtctoken import AccessToken2, _native
from rtctoken._ids import VENDOR_SPELLING

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"

SERVICE_CLASSES = {
    cls._name: cls
    for cls in vars(AccessToken2).values()
    if isinstance(cls, type) and issubclass(cls, AccessToken2.Service) and "_name" in cls.__dict__
}


def test_every_core_service_has_its_class_with_the_cores_ids() -> None:
    table = _native.service_types()
    assert sorted(SERVICE_CLASSES) == sorted(["generic"] + [name for name, _, _ in table])
    expected = {
        "rtc": (1, {"kPrivilegeJoinChannel": 1, "kPrivilegePublishAudioStream": 2,
                    "kPrivilegePublishVideoStream": 3, "kPrivilegePublishDataStream": 4}),
        "chat": (5, {"kPrivilegeUser": 1, "kPrivilegeApp": 2}),
        "stt": (10, {}),
    }
    for name, type_id, privileges in table:
        cls = SERVICE_CLASSES[name]
        assert cls.kServiceType == type_id
        declared = {k for k in cls.__dict__.get("__annotations__", {}) if k.startswith("kPrivilege")}
        names = {"kPrivilege" + "".join(w.capitalize() for w in p.split("_")): pid for p, pid in privileges}
        assert declared == set(names), name
        assert {k: getattr(cls, k) for k in declared} == names
        if name in expected:
            assert (cls.kServiceType, names) == expected[name]


def test_006_privileges_are_the_cores_declared_list() -> None:
    table = dict(_native.access_token_privileges())
    assert len(table) == 14 and table["rtm_login"] == 1000 and table["administrate_channel"] == 101
    declared = {k for k in at006.__annotations__ if k.startswith("k")}
    assert declared == {k for k in at006.__all__ if k.startswith("k")}
    vendor = {VENDOR_SPELLING.get(n, "k" + "".join(w.capitalize() for w in n.split("_"))): i for n, i in table.items()}
    assert declared == set(vendor)
    assert {k: getattr(at006, k) for k in declared} == vendor
    assert at006.kPublishAudiocdn == 5 and at006.kPublishVideoCdn == 6


def test_roles_are_the_cores_tables() -> None:
    modules = {"rtc_token_builder": rtc006, "rtc_token_builder2": rtc007, "rtm_token_builder": rtm006}
    table = dict(_native.roles())
    assert sorted(table) == sorted(modules)
    for builder, roles in table.items():
        module = modules[builder]
        declared = {k for k in module.__all__ if k.startswith("Role_")}
        vendor = {"Role_" + "_".join(w.capitalize() for w in name.split("_")): rid for name, rid in roles}
        assert declared == set(vendor), builder
        assert {k: getattr(module, k) for k in declared} == vendor


def test_version_prefixes_and_lengths_are_the_cores() -> None:
    v006, v007, app_id_length = _native.token_format()
    assert (at006.getVersion(), at006.VERSION_LENGTH, at006.APP_ID_LENGTH) == (v006, len(v006), app_id_length)
    assert (AccessToken2.get_version(), AccessToken2.VERSION_LENGTH) == (v007, len(v007))


def test_access_token2_default_lifetime_is_the_cores() -> None:
    expire = _native.access_token2_default_expire()
    assert inspect.signature(AccessToken2.AccessToken).parameters["expire"].default == expire
    token = AccessToken2.AccessToken(APP_ID, CERT)
    assert token.expire == expire
    token.add_service(AccessToken2.ServiceRtc("c", 7))
    assert rtctoken.parse(token.build()).expire == expire


def test_dynamic_key5_constants_are_the_cores() -> None:
    services, allow_upload, permissions = _native.dynamic_key5_ids()
    assert dict(services) == {
        "media_channel": dk5.MEDIA_CHANNEL_SERVICE,
        "recording": dk5.RECORDING_SERVICE,
        "public_sharing": dk5.PUBLIC_SHARING_SERVICE,
        "in_channel_permission": dk5.IN_CHANNEL_PERMISSION,
    }
    assert allow_upload == dk5.ALLOW_UPLOAD_IN_CHANNEL
    assert dict(permissions) == {"no_upload": dk5.NoUpload.decode(), "audio_video_upload": dk5.AudioVideoUpload.decode()}
    for permission in (dk5.NoUpload, dk5.AudioVideoUpload):
        key = dk5.generateInChannelPermissionKey(APP_ID, CERT, "c", 1, 2, 3, 4, permission)
        info = rtctoken.parse(key)
        assert (info.service_type, info.extra) == (dk5.IN_CHANNEL_PERMISSION, {dk5.ALLOW_UPLOAD_IN_CHANNEL: permission.decode()})


def test_rtm2_permission_constants_are_the_cores() -> None:
    resource_types, permissions = _native.rtm2_permissions()
    p = AccessToken2.ServiceRtm2.Permissions
    assert dict(resource_types) == {
        "message_channel": p.kMessageChannels,
        "stream_channel": p.kStreamChannels,
        "group_channel": p.kGroupChannels,
        "server_group": p.kServerGroups,
        "user": p.kUsers,
    }
    assert dict(permissions) == {"read": p.kRead, "write": p.kWrite}
