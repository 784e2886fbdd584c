"""Issue 14/15 gaps, each written as vendor code or its tests would use the
python3 reference (only the import lines differ): reused parsers, malformed
certificates, the generic ``Service(type)``, the name-mangled privates, and
the certificate kept out of every dump."""

import copy
import pickle
import unittest

from rtctoken.AccessToken import AccessToken as AccessToken006
from rtctoken.AccessToken import kJoinChannel
from rtctoken.AccessToken2 import *  # noqa: F403
from rtctoken.RtcTokenBuilder2 import *  # noqa: F403

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"

#: The vendor's own expected token for its AccessToken2Test.test_service_rtc
#: (issue_ts 1111111, expire 600, salt pinned to 1 through ``_AccessToken__salt``).
VENDOR_RTC = (
    "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcw"
    "Mk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
)


class ReusedParserTest(unittest.TestCase):
    def setUp(self) -> None:
        self.token = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, 42, Role_Publisher, 600)  # noqa: F405

    def test_failed_parse_of_another_version_clears_the_old_token(self) -> None:
        parser = AccessToken()  # noqa: F405
        self.assertTrue(parser.from_string(self.token))
        self.assertTrue(parser.verify_signature(CERT))
        self.assertFalse(parser.from_string("006invalid"))
        self.assertFalse(parser.verify_signature(CERT))
        self.assertEqual([], parser.services)

    def test_failed_parse_of_a_malformed_007_clears_the_old_token(self) -> None:
        parser = AccessToken()  # noqa: F405
        self.assertTrue(parser.from_string(self.token))
        self.assertFalse(parser.from_string("007invalid"))
        self.assertFalse(parser.verify_signature(CERT))
        self.assertEqual([], parser.services)
        self.assertEqual((0, 0, 0), (parser._AccessToken__issue_ts, parser._AccessToken__expire, parser._AccessToken__salt))

    def test_verify_signature_with_a_malformed_certificate_is_false(self) -> None:
        parser = AccessToken()  # noqa: F405
        self.assertTrue(parser.from_string(self.token))
        for bad in ("invalid", CERT[:-1], "z" * 32, ""):
            self.assertFalse(parser.verify_signature(bad))
        self.assertTrue(parser.verify_signature(CERT))

    def test_006_from_string_failures_are_false(self) -> None:
        parser = AccessToken006()
        self.assertFalse(parser.fromString("006invalid"))
        self.assertFalse(parser.fromString(self.token))
        self.assertFalse(parser.fromString(""))

    def test_builders_still_raise_on_a_malformed_certificate(self) -> None:
        with self.assertRaises(ValueError):
            RtcTokenBuilder.build_token_with_uid(APP_ID, "invalid", CHANNEL, 42, Role_Publisher, 600)  # noqa: F405


class GenericServiceTest(unittest.TestCase):
    def test_any_type_number_packs_its_type_and_privileges(self) -> None:
        for service_type in (0, 999, 65535):
            token = AccessToken(APP_ID, CERT, issue_ts=1111111, expire=600)  # noqa: F405
            token._AccessToken__salt = 1
            service = Service(service_type)  # noqa: F405
            service.add_privilege(1, 60)
            self.assertEqual(service_type, service.service_type())
            token.add_service(service)
            built = token.build()
            parser = AccessToken()  # noqa: F405
            # The reference's parser stops at a type it does not know: the
            # token reads back with no known service, and still verifies.
            self.assertTrue(parser.from_string(built))
            self.assertEqual([], parser.services)
            self.assertEqual(service_type, parser.unknown_service_type)
            self.assertTrue(parser.verify_signature(CERT))

    def test_a_generic_service_after_a_known_one(self) -> None:
        token = AccessToken(APP_ID, CERT, issue_ts=1111111, expire=600)  # noqa: F405
        rtc = ServiceRtc(CHANNEL, 42)  # noqa: F405
        rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)  # noqa: F405
        token.add_service(Service(999))  # noqa: F405
        token.add_service(rtc)
        parser = AccessToken()  # noqa: F405
        self.assertTrue(parser.from_string(token.build()))
        self.assertEqual([1], [s.service_type() for s in parser.services])
        self.assertEqual(999, parser.unknown_service_type)


class MangledNamesTest(unittest.TestCase):
    def test_pinning_the_salt_changes_the_token_as_in_the_vendor_test(self) -> None:
        token = AccessToken(APP_ID, CERT, issue_ts=1111111, expire=600)  # noqa: F405
        token._AccessToken__salt = 1
        service = ServiceRtc(CHANNEL, 2882341273)  # noqa: F405
        service.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)  # noqa: F405
        token.add_service(service)
        self.assertEqual(VENDOR_RTC, token.build())

    def test_token_fields_read_and_write(self) -> None:
        token = AccessToken()  # noqa: F405
        self.assertTrue(token.from_string(VENDOR_RTC))
        self.assertEqual(
            (APP_ID, 1111111, 600, 1),
            (token._AccessToken__app_id, token._AccessToken__issue_ts, token._AccessToken__expire, token._AccessToken__salt),
        )
        rebuilt = AccessToken("0" * 32, CERT)  # noqa: F405
        rebuilt._AccessToken__app_id = APP_ID.encode()  # as the reference holds it after a parse
        rebuilt._AccessToken__issue_ts = 1111111
        rebuilt._AccessToken__expire = 600
        rebuilt._AccessToken__salt = 1
        for s in token.services:
            rebuilt.add_service(s)
        self.assertEqual(VENDOR_RTC, rebuilt.build())

    def test_service_fields_read_as_bytes_and_write(self) -> None:
        token = AccessToken()  # noqa: F405
        self.assertTrue(token.from_string(VENDOR_RTC))
        rtc = token.services[0]
        assert isinstance(rtc, ServiceRtc)  # noqa: F405
        self.assertEqual(CHANNEL.encode(), rtc._ServiceRtc__channel_name)
        self.assertEqual(b"2882341273", rtc._ServiceRtc__uid)
        self.assertEqual({1: 600}, dict(rtc._Service__privileges))
        self.assertEqual(1, rtc._Service__type)
        rtc._ServiceRtc__channel_name = b"other"
        rtc._ServiceRtc__uid = "7"
        rtc._Service__privileges = {1: 60, 2: 60}
        self.assertEqual(("other", "7", {1: 60, 2: 60}), (rtc.channel_name, rtc.uid, dict(rtc.privileges)))

    def test_every_service_has_its_vendor_names(self) -> None:
        rtm = ServiceRtm("u")  # noqa: F405
        streaming = ServiceStreaming("c", 5)  # noqa: F405
        chat = ServiceChat("u")  # noqa: F405
        fcdn = ServiceFCdn("c", "a")  # noqa: F405
        apaas = ServiceApaas("room", "user", 1)  # noqa: F405
        rtm2 = ServiceRtm2("u")  # noqa: F405
        self.assertEqual(b"u", rtm._ServiceRtm__user_id)
        self.assertEqual((b"c", b"5"), (streaming._ServiceStreaming__channel_name, streaming._ServiceStreaming__account))
        self.assertEqual(b"u", chat._ServiceChat__user_id)
        self.assertEqual((b"c", b"a"), (fcdn._ServiceFCdn__channel_name, fcdn._ServiceFCdn__account))
        self.assertEqual((b"room", b"user", 1), (apaas._ServiceApaas__room_uuid, apaas._ServiceApaas__user_uuid, apaas._ServiceApaas__role))
        self.assertEqual(b"u", rtm2._ServiceRtm2__user_id)
        self.assertIs(rtm2.get_permissions(), rtm2._ServiceRtm2__permissions)
        apaas._ServiceApaas__role = 2
        rtm._ServiceRtm__user_id = b"v"
        self.assertEqual((2, "v"), (apaas.role, rtm.user_id))


class NotPortedTest(unittest.TestCase):
    def test_packer_and_utils_are_not_ported(self) -> None:
        import importlib

        for module in ("rtctoken.Packer", "rtctoken.utils"):
            with self.assertRaises(ModuleNotFoundError):
                importlib.import_module(module)

    def test_service_education_is_service_apaas(self) -> None:
        self.assertIs(ServiceApaas, ServiceEducation)  # noqa: F405
        self.assertEqual(b"room", ServiceEducation("room")._ServiceApaas__room_uuid)  # noqa: F405


class CertificateOutOfDumpsTest(unittest.TestCase):
    def test_007_access_token(self) -> None:
        token = AccessToken(APP_ID, CERT)  # noqa: F405
        token.add_service(ServiceRtc(CHANNEL, 1))  # noqa: F405
        for dump in (repr(token), str(vars(token)), str(token.__dict__)):
            self.assertNotIn(CERT, dump)
        for dumps in (pickle.dumps, copy.copy, copy.deepcopy):
            with self.assertRaises(TypeError):
                dumps(token)
        self.assertTrue(token.build().startswith("007"))

    def test_006_access_token(self) -> None:
        token = AccessToken006(APP_ID, CERT, CHANNEL, 1)
        token.addPrivilege(kJoinChannel, 0)
        for dump in (repr(token), str(vars(token)), str(token.__dict__)):
            self.assertNotIn(CERT, dump)
        for dumps in (pickle.dumps, copy.copy, copy.deepcopy):
            with self.assertRaises(TypeError):
                dumps(token)
        self.assertEqual(CERT, token.appCertificate)
        token.appCertificate = "0" * 32
        self.assertNotEqual(token.build(), AccessToken006(APP_ID, CERT, CHANNEL, 1).build())


if __name__ == "__main__":
    unittest.main()
