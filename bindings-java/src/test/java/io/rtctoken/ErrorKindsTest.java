package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.DynamicKey4;
import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.RtcTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.rtm.RtmTokenBuilder2;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error kind reaches Java as a TokenException with that kind; none leaks the certificate. */
class ErrorKindsTest {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final Set<ErrorKind> SEEN = EnumSet.noneOf(ErrorKind.class);
    private static final RtcTokenBuilder2 RTC = new RtcTokenBuilder2();

    static TokenException refused(ErrorKind kind, Executable call) {
        TokenException e = assertThrows(TokenException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(kind.wireName() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(CERT), "the message leaks the certificate");
        assertTrue(e instanceof IllegalArgumentException);
        SEEN.add(kind);
        return e;
    }

    @Test
    void invalidAppId() {
        refused(ErrorKind.INVALID_APP_ID, () -> RTC.buildTokenWithUid("abc", CERT, "ch", 1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
    }

    @Test
    void invalidAppCertificate() {
        TokenException e = refused(ErrorKind.INVALID_APP_CERTIFICATE,
                () -> RTC.buildTokenWithUid(APP_ID, "5CFd2fd1755d40ecb72977518be15d3X", "ch", 1,
                        RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        assertFalse(e.getMessage().contains("5CFd2fd1755d40ecb72977518be15d3X"));
    }

    @Test
    void noService() {
        refused(ErrorKind.NO_SERVICE, () -> new AccessToken2(APP_ID, CERT, 600).build());
    }

    @Test
    void fieldTooLong() {
        String channel = "c".repeat(70_000);
        refused(ErrorKind.FIELD_TOO_LONG, () -> RTC.buildTokenWithUserAccount(APP_ID, CERT, channel, "u",
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
    }

    @Test
    void malformed() {
        refused(ErrorKind.MALFORMED, () -> TokenParser.parse("007!!!not base64"));
        refused(ErrorKind.MALFORMED, () -> TokenParser.parse(""));
    }

    @Test
    void unsupportedVersion() {
        refused(ErrorKind.UNSUPPORTED_VERSION, () -> TokenParser.parse("008abcdef"));
    }

    @Test
    void invalidArgument() {
        refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUid(APP_ID, CERT, "ch", -1L,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUid(APP_ID, CERT, "ch", 1L << 32,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        refused(ErrorKind.INVALID_ARGUMENT, () -> new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, "ch",
                1L << 32, RtcTokenBuilder.Role.Role_Publisher, 0));
        refused(ErrorKind.INVALID_ARGUMENT, () -> DynamicKey4.generateMediaChannelKey(APP_ID, CERT, "ch", 1, 2,
                -5L, 0));
        refused(ErrorKind.INVALID_ARGUMENT, () -> DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, "ch",
                1, 2, 3, 0, "9"));
        refused(ErrorKind.INVALID_ARGUMENT, () -> Stamp.of(-1, 1));
        refused(ErrorKind.INVALID_ARGUMENT, () -> Stamp.of(1, 1L << 32));
        refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUid(null, CERT, "ch", 1,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUid(APP_ID, CERT, "ch", 1, null, 600, 600));
        refused(ErrorKind.INVALID_ARGUMENT, () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT,
                "u", null, 600));
        AccessToken2.ServiceRtm2.Permissions bad = new AccessToken2.ServiceRtm2.Permissions();
        bad.add((short) 9, AccessToken2.ServiceRtm2.Permissions.READ, java.util.List.of("x"));
        refused(ErrorKind.INVALID_ARGUMENT, () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT,
                "u", bad, 600));
        refused(ErrorKind.INVALID_ARGUMENT, () -> TokenInspector.inspect("007", -2));
        refused(ErrorKind.INVALID_ARGUMENT, () -> TokenParser.verify(TokenInspectorTest.SAMPLE, (String) null));
        refused(ErrorKind.INVALID_ARGUMENT, () -> TokenParser.parse(null));
    }

    @Test
    void missingInput() {
        String token006 = new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, "ch", 7,
                RtcTokenBuilder.Role.Role_Publisher, 0);
        refused(ErrorKind.MISSING_INPUT, () -> TokenParser.verify(token006, CERT));
        assertTrue(TokenParser.verify(token006, CERT, "ch", "7").isValid());
    }

    @Test
    void messagesNeverQuoteInputWholesale() {
        String huge = "c".repeat(1_000_000);
        TokenException e = refused(ErrorKind.FIELD_TOO_LONG, () -> RTC.buildTokenWithUserAccount(APP_ID, CERT,
                huge, "u", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        assertTrue(e.getMessage().contains("channel_name"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        // A certificate pasted where a token goes is not quoted back.
        for (String pasted : new String[] {"007" + CERT, CERT, "006" + APP_ID + CERT}) {
            TokenException p = assertThrows(TokenException.class, () -> TokenParser.parse(pasted));
            assertFalse(p.getMessage().contains(CERT.substring(0, 16)), p.getMessage());
        }
        TokenException big = assertThrows(TokenException.class, () -> TokenParser.parse("007" + huge));
        assertTrue(big.getMessage().length() < 200, big.getMessage());
    }

    @Test
    void countsAreCalledCounts() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        for (int i = 0; i < 17; i++) {
            t.appendService(new AccessToken2.Service((short) (100 + i)));
        }
        TokenException e = refused(ErrorKind.INVALID_ARGUMENT, t::build);
        assertTrue(e.getMessage().contains("services must be at most"), e.getMessage());
        assertFalse(e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void oddPairsAreRefusedNotTruncated() {
        TokenException e = refused(ErrorKind.INVALID_ARGUMENT,
                () -> io.rtctoken.internal.Native.AccessTokenBuild(APP_ID, CERT, "ch", "1", 1, 1, new int[] {1}));
        assertTrue(e.getMessage().contains("privileges"), e.getMessage());
    }

    @Test
    void textPastTheStackBufferIsReadWhole() {
        // Strings are read through a 512-unit stack buffer; longer ones, ASCII
        // or not, take the heap path and must arrive unchanged.
        for (String channel : new String[] {"c".repeat(600), "é\uD83D\uDE00".repeat(200)}) {
            String token = RTC.buildTokenWithUserAccount(APP_ID, CERT, channel, "u",
                    RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600, Stamp.of(1_700_000_000L, 42));
            AccessToken2 parsed = new AccessToken2();
            assertTrue(parsed.parse(token));
            assertEquals(channel, ((AccessToken2.ServiceRtc) parsed.getServices(AccessToken2.SERVICE_TYPE_RTC).get(0))
                    .getChannelName());
        }
        refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUserAccount(APP_ID, CERT,
                "c".repeat(600) + "\uD800", "u", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
    }

    @Test
    void unpairedSurrogatesAreRefusedNotReplaced() {
        for (String channel : new String[] {"ch\uD800", "\uDC00ch", "a\uD800b\uDC00"}) {
            TokenException e = refused(ErrorKind.INVALID_ARGUMENT, () -> RTC.buildTokenWithUserAccount(APP_ID, CERT,
                    channel, "u", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
            assertTrue(e.getMessage().contains("channel_name"), e.getMessage());
        }
        refused(ErrorKind.INVALID_ARGUMENT, () -> TokenParser.verify(TokenInspectorTest.SAMPLE,
                java.util.List.of(CERT), "\uD83D", null));
        // A proper pair (an emoji) is one code point and signs as such.
        Stamp s = Stamp.of(1_700_000_000L, 42);
        String token = RTC.buildTokenWithUserAccount(APP_ID, CERT, "ch\uD83D\uDE00", "u",
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600, s);
        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(token));
        assertEquals("ch\uD83D\uDE00",
                ((AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC)).getChannelName());
    }

    @Test
    void intUidIsUnsigned() {
        Stamp s = Stamp.of(1_700_000_000L, 42);
        String viaInt = RTC.buildTokenWithUid(APP_ID, CERT, "ch", -1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600,
                600, s);
        String viaLong = RTC.buildTokenWithUid(APP_ID, CERT, "ch", 4294967295L,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600, s);
        assertEquals(viaLong, viaInt);
        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(viaInt));
        assertEquals("4294967295", ((AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC)).getUid());
        assertEquals("4294967295", AccessToken2.getUidStr(-1));
        assertEquals("", AccessToken2.getUidStr(0));
    }

    @Test
    void errorKindNamesMatchTheCore() {
        for (ErrorKind k : ErrorKind.values()) {
            assertEquals(k, ErrorKind.fromWireName(k.wireName()));
        }
    }

    /** INTERNAL comes from a panic, which only the test build can raise: see PanicHookTest. */
    @AfterAll
    static void everyKindSeen() {
        assertEquals(EnumSet.complementOf(EnumSet.of(ErrorKind.INTERNAL)), SEEN,
                "some error kinds were never produced");
    }
}
