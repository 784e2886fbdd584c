"""A reference-style test, migrated: it is written like the python3
reference's own unittest suites (positional camelCase arguments, the
``AccessToken()`` parser, star imports) and the only rtctoken-specific
lines are the imports, which read ``from rtctoken.X import *`` where the
reference's read ``from src.X import *``. The expected strings are the
reference's own outputs for the vendor's documented sample inputs."""

import unittest

from rtctoken.AccessToken import AccessToken as AccessToken006
from rtctoken.AccessToken import kJoinChannel
from rtctoken.DynamicKey4 import generateMediaChannelKey as generateMediaChannelKey4
from rtctoken.DynamicKey5 import *  # noqa: F403
from rtctoken.RtcTokenBuilder2 import *  # noqa: F403


class DynamicKey5Test(unittest.TestCase):
    def setUp(self) -> None:
        self.appID = "970ca35de60c44645bbae8a215061b33"
        self.appCertificate = "5cfd2fd1755d40ecb72977518be15d3b"
        self.channelname = "7d72365eb983485397e3e3f9d460bdda"
        self.unixts = 1446455472
        self.randomint = 58964981
        self.uid = 2882341273
        self.expiredts = 1446455471

    def test_media_channel_key(self) -> None:
        expected = "005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA=="
        actual = generateMediaChannelKey(  # noqa: F405
            self.appID, self.appCertificate, self.channelname, self.unixts, self.randomint, self.uid, self.expiredts
        )
        self.assertEqual(expected, actual)

    def test_recording_key(self) -> None:
        expected = "005AgAoADkyOUM5RTQ2MTg3QTAyMkJBQUIyNkI3QkYwMTg0MzhDNjc1Q0ZFMUEQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA=="
        actual = generateRecordingKey(  # noqa: F405
            self.appID, self.appCertificate, self.channelname, self.unixts, self.randomint, self.uid, self.expiredts
        )
        self.assertEqual(expected, actual)

    def test_public_sharing_key(self) -> None:
        expected = "005AwAoADc0QTk5RTVEQjI4MDk0NUI0NzUwNTk0MUFDMjM4MDU2NzIwREY3QjAQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA=="
        actual = generatePublicSharingKey(  # noqa: F405
            self.appID, self.appCertificate, self.channelname, self.unixts, self.randomint, self.uid, self.expiredts
        )
        self.assertEqual(expected, actual)

    def test_in_channel_permission_key(self) -> None:
        no_upload = "005BAAoADgyNEQxNDE4M0FGRDkyOEQ4REFFMUU1OTg5NTg2MzA3MTEyNjRGNzQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAw"
        actual = generateInChannelPermissionKey(  # noqa: F405
            self.appID,
            self.appCertificate,
            self.channelname,
            self.unixts,
            self.randomint,
            self.uid,
            self.expiredts,
            NoUpload,  # noqa: F405
        )
        self.assertEqual(no_upload, actual)
        audio_video = "005BAAoADJERDA3QThENTE2NzJGNjQwMzY5NTFBNzE0QkI5NTc0N0Q1QjZGQjMQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAz"
        actual = generateInChannelPermissionKey(  # noqa: F405
            self.appID,
            self.appCertificate,
            self.channelname,
            self.unixts,
            self.randomint,
            self.uid,
            self.expiredts,
            AudioVideoUpload,  # noqa: F405
        )
        self.assertEqual(audio_video, actual)

    def test_dynamic_key4(self) -> None:
        expected = "004d0ec5ee3179c964fe7c0485c045541de6bff332b970ca35de60c44645bbae8a215061b3314464554720383bbf51446455471"
        actual = generateMediaChannelKey4(
            self.appID, self.appCertificate, self.channelname, self.unixts, self.randomint, self.uid, self.expiredts
        )
        self.assertEqual(expected, actual)


class AccessTokenTest(unittest.TestCase):
    def setUp(self) -> None:
        self.appID = "970ca35de60c44645bbae8a215061b33"
        self.appCertificate = "5cfd2fd1755d40ecb72977518be15d3b"
        self.channelName = "7d72365eb983485397e3e3f9d460bdda"
        self.uid = 2882341273
        self.expireTimestamp = 1446455471
        self.salt = 1
        self.ts = 1111111

    def test_build(self) -> None:
        expected = (
            "006970ca35de60c44645bbae8a215061b33IADCpLYgDP0UuRN8u6ksRTBkXVe18JrJpf038V+wdb+0f7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW"
        )
        token = AccessToken006(self.appID, self.appCertificate, self.channelName, self.uid)
        token.salt = self.salt
        token.ts = self.ts
        token.messages[kJoinChannel] = self.expireTimestamp
        self.assertEqual(expected, token.build())

    def test_from_string(self) -> None:
        origin = AccessToken006(self.appID, self.appCertificate, self.channelName, self.uid)
        origin.addPrivilege(kJoinChannel, self.expireTimestamp)
        parser = AccessToken006()
        self.assertTrue(parser.fromString(origin.build()))
        self.assertEqual(origin.salt, parser.salt)
        self.assertEqual(origin.ts, parser.ts)
        self.assertEqual(origin.messages, parser.messages)


class AccessToken2Test(unittest.TestCase):
    def setUp(self) -> None:
        self.__app_id = "970CA35de60c44645bbae8a215061b33"
        self.__app_cert = "5CFd2fd1755d40ecb72977518be15d3b"
        self.__channel_name = "7d72365eb983485397e3e3f9d460bdda"
        self.__uid = 2882341273
        self.__expire = 600
        self.__issue_ts = 1111111
        self.__salt = 1

    def test_service_rtc(self) -> None:
        expected = (
            "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTA"
            "wMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
        )
        token = AccessToken(self.__app_id, self.__app_cert, issue_ts=self.__issue_ts, expire=self.__expire, salt=self.__salt)  # noqa: F405
        service_rtc = ServiceRtc(self.__channel_name, self.__uid)  # noqa: F405
        service_rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, self.__expire)  # noqa: F405
        token.add_service(service_rtc)
        self.assertEqual(expected, token.build())

    def test_build_token_with_uid(self) -> None:
        token = RtcTokenBuilder.build_token_with_uid(  # noqa: F405
            self.__app_id, self.__app_cert, self.__channel_name, self.__uid, Role_Subscriber, self.__expire, self.__expire  # noqa: F405
        )
        parser = AccessToken()  # noqa: F405
        self.assertTrue(parser.from_string(token))
        self.assertEqual(parser.app_id, self.__app_id)
        self.assertEqual(parser.expire, self.__expire)
        services = parser.get_services(ServiceRtc.kServiceType)  # noqa: F405
        self.assertEqual(len(services), 1)
        rtc = services[0]
        assert isinstance(rtc, ServiceRtc)  # noqa: F405
        self.assertEqual(rtc.channel_name, self.__channel_name)
        self.assertEqual(rtc.uid, str(self.__uid))
        self.assertIn(ServiceRtc.kPrivilegeJoinChannel, rtc.privileges)  # noqa: F405
        self.assertNotIn(ServiceRtc.kPrivilegePublishAudioStream, rtc.privileges)  # noqa: F405
        self.assertTrue(parser.verify_signature(self.__app_cert))
        self.assertFalse(parser.verify_signature("0" * 32))


if __name__ == "__main__":
    unittest.main()
