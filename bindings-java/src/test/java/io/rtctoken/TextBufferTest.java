package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.internal.Native;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.rtm.RtmTokenBuilder2;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The text arguments of a call cross together, through the thread's one
 * text buffer: each arrives whole and alone, whatever its neighbours hold.
 */
class TextBufferTest {
    private static final String APP_ID = ErrorKindsTest.APP_ID;
    private static final String CERT = ErrorKindsTest.CERT;
    private static final RtcTokenBuilder2 RTC = new RtcTokenBuilder2();
    private static final Stamp STAMP = Stamp.of(1_700_000_000L, 42);

    @Test
    void asciiAndOtherTextsSideBySideArriveAsGiven() throws Exception {
        String[][] pairs = {{"é\uD83D\uDE00ch", "u"}, {"ch", "ü"}, {"", "\uD83D\uDE00"}, {"c".repeat(600), "ü"}};
        for (String[] p : pairs) {
            String token = RTC.buildTokenWithUserAccount(APP_ID, CERT, p[0], p[1],
                    RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600, STAMP);
            AccessToken2 parsed = new AccessToken2();
            assertTrue(parsed.parse(token));
            AccessToken2.ServiceRtc rtc = (AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC);
            assertEquals(p[0], rtc.getChannelName());
            assertEquals(p[1], rtc.getUid());
            assertEquals(APP_ID, parsed.appId);
            assertTrue(parsed.verifySignature(CERT));
        }
    }

    @Test
    void anArrayOfTextsArrivesWholeAndRefusesNulls() throws Exception {
        String token = RTC.buildTokenWithUid(APP_ID, CERT, "ch", 7, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600,
                STAMP);
        String other = "0".repeat(32);
        assertEquals(2, Native.verify(token, new String[] {other, "1".repeat(32), CERT}, "ch", "7"));
        assertEquals(-1, Native.verify(token, new String[] {other}, "ch", "7"));
        for (String[] certs : new String[][] {null, {CERT, null}}) {
            TokenException e = ErrorKindsTest.refused(ErrorKind.INVALID_ARGUMENT,
                    () -> Native.verify(token, certs, null, null));
            assertTrue(e.getMessage().contains("app_certificate must not be null"), e.getMessage());
        }
    }

    /**
     * A permissions map is read while the call runs; one whose reading makes
     * a call of its own on the same thread (a long one, so that the thread's
     * buffers are replaced by bigger ones) leaves the outer call's texts and
     * result whole.
     */
    @Test
    void aCallMadeWhileAnArgumentIsReadLeavesTheOuterOneWhole() throws Exception {
        RtmTokenBuilder2 rtm = new RtmTokenBuilder2();
        AccessToken2.ServiceRtm2.Permissions plain = new AccessToken2.ServiceRtm2.Permissions();
        plain.add(AccessToken2.ServiceRtm2.Permissions.MESSAGE_CHANNELS, AccessToken2.ServiceRtm2.Permissions.READ,
                List.of("a", "b"));
        StringBuilder noise = new StringBuilder();
        Random random = new Random(7); // text deflate cannot shrink much
        while (noise.length() < 20_000) {
            noise.append(Long.toHexString(random.nextLong()));
        }
        String nested = noise.toString();
        AccessToken2.ServiceRtm2.Permissions reentrant = new AccessToken2.ServiceRtm2.Permissions();
        reentrant.details = new TreeMap<>(plain.details) {
            @Override
            public Set<Map.Entry<Short, TreeMap<Short, List<String>>>> entrySet() {
                String inner = RTC.buildTokenWithUserAccount(APP_ID, CERT, nested, nested,
                        RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600, STAMP);
                assertTrue(inner.length() > 8_000, "the nested texts and result outgrow both buffers");
                return super.entrySet();
            }
        };
        String expected = rtm.buildTokenWithPermissions(APP_ID, CERT, "user", plain, 600, STAMP);
        assertEquals(expected, rtm.buildTokenWithPermissions(APP_ID, CERT, "user", reentrant, 600, STAMP));
    }

    @Test
    void surrogatesDoNotPairAcrossArguments() {
        TokenException e = ErrorKindsTest.refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUserAccount(
                APP_ID, CERT, "ch\uD83D", "\uDE00u", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        assertTrue(e.getMessage().contains("channel_name"), e.getMessage());
    }
}
