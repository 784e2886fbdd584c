"""The drop-ins' service type and privilege constants are the core's table:
every id comes from ``_native``, and every name the facades declare (for
mypy and readers) is one the core has, and the other way round."""

import rtctoken.AccessToken as at006
from rtctoken import AccessToken2, _native
from rtctoken._ids import VENDOR_SPELLING

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
