package io.rtctoken.migrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.RtcTokenBuilder2;
import org.junit.jupiter.api.Test;

/**
 * The vendor's answers where 2.1.3 (or the current upstream) has no twin to
 * run against: the parse/verify half answers false instead of throwing, and
 * a generic service of any type number builds and reads back. Only the
 * vendor's names are used.
 */
class VendorBehaviourTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    private static String token() throws Exception {
        return new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "ch", 7, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                600, 600);
    }

    @Test
    void malformedCertificatesVerifyFalse() throws Exception {
        AccessToken2 t = new AccessToken2();
        assertTrue(t.parse(token()));
        assertTrue(t.verifySignature(CERT));
        for (String bad : new String[] {"invalid", CERT.substring(1) + "zz", CERT + "0", "", null,
                "5CFd2fd1755d40ecb72977518be15d3c"}) {
            assertFalse(t.verifySignature(bad), String.valueOf(bad));
        }
    }

    @Test
    void failedParseForgetsThePreviousToken() throws Exception {
        AccessToken2 t = new AccessToken2();
        for (String bad : new String[] {"006invalid", "007AAAA", "007" + token().substring(3, 40), "", null}) {
            assertTrue(t.parse(token()));
            assertFalse(t.parse(bad), String.valueOf(bad));
            assertFalse(t.verifySignature(CERT));
            assertTrue(t.services.isEmpty());
        }
    }

    @Test
    void fromStringNeverThrows() throws Exception {
        AccessToken t = new AccessToken(APP_ID, CERT, "ch", "7");
        for (String bad : new String[] {"006invalid", "", null, token(), "006" + APP_ID + "!!"}) {
            assertFalse(t.fromString(bad), String.valueOf(bad));
        }
    }

    @Test
    void genericServiceReadsBackUpToTheUnknownType() throws Exception {
        AccessToken2 built = new AccessToken2(APP_ID, CERT, 600);
        AccessToken2.Service future = new AccessToken2.Service((short) 999);
        future.privileges.put((short) 1, 60);
        built.addService(future);
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("ch", "7");
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 60);
        built.addService(rtc);
        assertEquals(2, built.services.size());

        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(built.build()));
        assertEquals("ch", ((AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC))
                .getChannelName());
        assertNull(parsed.services.get((short) 999));
        assertTrue(parsed.verifySignature(CERT));
    }

    @Test
    void genericServiceTypeIsUnsigned() throws Exception {
        AccessToken2 built = new AccessToken2(APP_ID, CERT, 600);
        built.addService(new AccessToken2.Service((short) -1));
        String report = io.rtctoken.TokenInspector.inspect(built.build());
        assertTrue(report.contains("\"unknown_service_type\":65535"), report);
    }

    @Test
    void genericServiceOfAKnownTypeIsIdAndPrivilegesOnly() throws Exception {
        // As the vendor's Service(type): no fields, so its own parser cannot read it back.
        AccessToken2 built = new AccessToken2(APP_ID, CERT, 600);
        AccessToken2.Service bare = new AccessToken2.Service(AccessToken2.SERVICE_TYPE_FPA);
        bare.privileges.put((short) 1, 60);
        built.addService(bare);
        AccessToken2 viaClass = new AccessToken2(APP_ID, CERT, 600);
        viaClass.issueTs = built.issueTs;
        viaClass.salt = built.salt;
        AccessToken2.ServiceFpa fpa = new AccessToken2.ServiceFpa();
        fpa.addPrivilegeFpa(AccessToken2.PrivilegeFpa.PRIVILEGE_LOGIN, 60);
        viaClass.addService(fpa);
        assertEquals(viaClass.build(), built.build());
    }
}
