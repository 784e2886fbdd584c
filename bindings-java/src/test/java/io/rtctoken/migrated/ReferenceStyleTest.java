package io.rtctoken.migrated;

// Migrating from io.agora:authentication is replacing `io.agora.` with
// `io.rtctoken.` in the imports; this test, written in the vendor's style
// (JUnit 4, the vendor's classes and field-by-field setup), differs from
// its io.agora twin only in these imports.
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.DynamicKey4;
import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.signal.SignalingToken;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ReferenceStyleTest {
    private String appId = "970CA35de60c44645bbae8a215061b33";
    private String appCertificate = "5CFd2fd1755d40ecb72977518be15d3b";
    private String channelName = "7d72365eb983485397e3e3f9d460bdda";
    private String uid = "2882341273";
    private int expire = 600;
    private int issueTs = 1111111;
    private int salt = 1;

    @Test
    public void rtcServiceToken() throws Exception {
        AccessToken2 token = new AccessToken2(appId, appCertificate, expire);
        token.issueTs = issueTs;
        token.salt = salt;
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(channelName, uid);
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, expire);
        token.addService(rtc);

        assertEquals("007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4y"
                + "N3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj", token.build());
    }

    @Test
    public void builderTokenParses() throws Exception {
        String built = new RtcTokenBuilder2().buildTokenWithUid(appId, appCertificate, channelName, 2882341,
                RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, expire, expire);
        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(built));
        assertEquals(appId, parsed.appId);
        assertEquals(expire, parsed.expire);
        AccessToken2.ServiceRtc rtc = (AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC);
        assertEquals(channelName, rtc.getChannelName());
        assertEquals("2882341", rtc.getUid());
        assertEquals(1, rtc.getPrivileges().size());
    }

    @Test
    public void accessToken006() throws Exception {
        AccessToken token = new AccessToken(appId.toLowerCase(), appCertificate.toLowerCase(), channelName, uid);
        token.message.salt = 1;
        token.message.ts = 1111111;
        token.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);

        assertEquals("006970ca35de60c44645bbae8a215061b33IADCpLYgDP0UuRN8u6ksRTBkXVe18JrJpf038V+wdb+0f7dIfRBXoFHlEAAB"
                + "AAAAR/QQAAEAAQCvKDdW", token.build());
    }

    @Test
    public void dynamicKeys() throws Exception {
        String id = appId.toLowerCase();
        String cert = appCertificate.toLowerCase();
        assertEquals("004d0ec5ee3179c964fe7c0485c045541de6bff332b970ca35de60c44645bbae8a215061b3314464554720383bbf5"
                + "1446455471", DynamicKey4.generateMediaChannelKey(id, cert, channelName, 1446455472, 58964981,
                2882341273L, 1446455471));
        assertEquals("005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buD"
                + "A68oN1YAAA==", DynamicKey5.generateMediaChannelKey(id, cert, channelName, 1446455472, 58964981,
                2882341273L, 1446455471));
    }

    @Test
    public void genericServiceOfAnyType() throws Exception {
        AccessToken2 token = new AccessToken2(appId, appCertificate, expire);
        token.issueTs = issueTs;
        token.salt = salt;
        AccessToken2.Service future = new AccessToken2.Service((short) 999);
        future.privileges.put((short) 1, expire);
        token.addService(future);
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(channelName, uid);
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, expire);
        token.addService(rtc);
        assertEquals("007eJxTYEiRm9yU2vT/5PboJeqC7Uyq0+9zn8i/rOarXHU9+2gdx34FBktzA2dHY9OUVDODZBMTMxPTpKTEVItEI0NTAzPDJG"
                + "Nj9y8CDBFMDAyMDAwMTEASBEF8BQbzFHMjYzPT1CRLC2MTC1NjS/NU41TjNMsUEzODpJSURC4GIwsLI2MTQyNz4+fMMH0A1colbw==",
                token.build());

        AccessToken2 zero = new AccessToken2(appId, appCertificate, expire);
        zero.issueTs = issueTs;
        zero.salt = salt;
        zero.addService(new AccessToken2.Service((short) 0));
        assertEquals("007eJxTYAjbXen4U2L/lAtvVHNdN/7Su9rArF7wzkg8ZNYZh10rZzcoMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu3"
                + "8RYIhgYmBgZIBgBgYApFUaYA==", zero.build());
    }

    @Test
    public void fromStringAnswersFalse() throws Exception {
        AccessToken token = new AccessToken(appId, appCertificate, channelName, uid);
        assertFalse(token.fromString("006970CA35de60c44645bbae8a215061b33AAAA"));
        assertFalse(token.fromString("007eJxTYAjbXen4U2L/lAtvVHNdN/7Su9rArF7wzkg8ZNYZh10rZzcoMFiaGzg7GpumpJoZJJuYmJ"));
    }

    @Test
    public void hexlify() {
        assertEquals("000fab7fff", SignalingToken.hexlify(new byte[] {0, 15, (byte) 0xab, 127, -1}));
    }
}
