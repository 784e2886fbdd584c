package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.RtcTokenBuilder2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vendor-style parsers ({@code AccessToken2.parse}, {@code AccessToken.fromString})
 * fill every field: rebuilding a parsed vector token gives the same bytes.
 */
class RoundTripTest {
    @Test
    void accessToken2ParseThenBuild() throws Exception {
        int n = 0;
        for (JsonNode c : VectorsTest.cases("access_token2_007.json")) {
            if (!c.get("call").asText().equals("access_token2.build")) {
                continue;
            }
            String expected = c.get("expected").asText();
            AccessToken2 t = new AccessToken2();
            assertTrue(t.parse(expected), c.get("name").asText());
            assertTrue(t.verifySignature(c.get("args").get("app_certificate").asText()));
            assertFalse(t.verifySignature("00000000000000000000000000000000"));
            t.setAppCert(c.get("args").get("app_certificate").asText());
            assertEquals(expected, t.build(), c.get("name").asText());
            n++;
        }
        assertTrue(n > 0);
    }

    @Test
    void accessTokenFromStringThenBuild() throws Exception {
        int n = 0;
        for (JsonNode c : VectorsTest.cases("access_token_006.json")) {
            if (!c.get("call").asText().equals("access_token.build")) {
                continue;
            }
            JsonNode a = c.get("args");
            String expected = c.get("expected").asText();
            AccessToken t = new AccessToken(null, a.get("app_certificate").asText(), a.get("channel_name").asText(),
                    a.get("uid").asText());
            assertTrue(t.fromString(expected));
            assertEquals(a.get("app_id").asText(), t.appId);
            assertEquals((int) a.get("salt").asLong(), t.message.salt);
            assertEquals(32, t.signature.length);
            assertEquals(expected, t.build(), c.get("name").asText());
            n++;
        }
        assertTrue(n > 0);
    }

    @Test
    void otherVersionsAreNotParsedAsRawTokens() {
        String t007 = new RtcTokenBuilder2().buildTokenWithUid(ErrorKindsTest.APP_ID, ErrorKindsTest.CERT, "c", 1,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 60, 60);
        assertFalse(new AccessToken(null, null, null, null).fromString(t007));
        assertFalse(new AccessToken2().parse("006abc"));
    }

    @Test
    void rtm2PermissionsSurviveParsing() throws Exception {
        AccessToken2.ServiceRtm2.Permissions p = new AccessToken2.ServiceRtm2.Permissions();
        p.add(AccessToken2.ServiceRtm2.Permissions.MESSAGE_CHANNELS, AccessToken2.ServiceRtm2.Permissions.READ,
                List.of("a", "b"));
        p.add(AccessToken2.ServiceRtm2.Permissions.USERS, AccessToken2.ServiceRtm2.Permissions.WRITE, List.of());
        AccessToken2 t = new AccessToken2(ErrorKindsTest.APP_ID, ErrorKindsTest.CERT, 600);
        AccessToken2.ServiceRtm2 svc = new AccessToken2.ServiceRtm2("user", p);
        svc.addPrivilegeRtm2(AccessToken2.PrivilegeRtm2.PRIVILEGE_LOGIN, 600);
        t.addService(svc);
        String token = t.build();
        AccessToken2 back = new AccessToken2();
        assertTrue(back.parse(token));
        AccessToken2.ServiceRtm2 got = (AccessToken2.ServiceRtm2) back.getServices(
                AccessToken2.SERVICE_TYPE_RTM2).get(0);
        assertEquals("user", got.getUserId());
        assertEquals(p.details, got.permissions.details);
        assertEquals(t.issueTs, back.issueTs);
        assertEquals(t.salt, back.salt);
        assertArrayEquals(new Object[] {(short) 1}, got.privileges.keySet().toArray());
    }

    @Test
    void servicesMapMatches213AndRepeatsAreKept() throws Exception {
        AccessToken2 t = new AccessToken2(ErrorKindsTest.APP_ID, ErrorKindsTest.CERT, 600);
        t.addService(new AccessToken2.ServiceRtc("a", "1"));
        t.addService(new AccessToken2.ServiceRtc("b", "2"));
        assertEquals(1, t.getServices(AccessToken2.SERVICE_TYPE_RTC).size(), "addService replaces (2.1.3)");
        assertEquals("b", ((AccessToken2.ServiceRtc) t.services.get(AccessToken2.SERVICE_TYPE_RTC)).channelName);
        t.appendService(new AccessToken2.ServiceRtc("c", "3"));
        t.appendService(new AccessToken2.ServiceRtm("u"));
        assertEquals(2, t.getServices(AccessToken2.SERVICE_TYPE_RTC).size());
        assertEquals(2, t.services.size());
        for (AccessToken2.Service s : t.getServices(AccessToken2.SERVICE_TYPE_RTC)) {
            s.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        }
        AccessToken2 back = new AccessToken2();
        assertTrue(back.parse(t.build()));
        assertEquals(2, back.getServices(AccessToken2.SERVICE_TYPE_RTC).size());
        assertEquals("c", ((AccessToken2.ServiceRtc) back.getServices(AccessToken2.SERVICE_TYPE_RTC).get(1))
                .channelName);
        assertTrue(back.services.containsKey(AccessToken2.SERVICE_TYPE_RTM));
        back.services.remove(AccessToken2.SERVICE_TYPE_RTC);
        assertTrue(back.getServices(AccessToken2.SERVICE_TYPE_RTC).isEmpty());
    }
}
