package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.internal.Native;
import io.rtctoken.media.AccessToken2;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The flat forms services and privileges cross in ({@code internal.Flat},
 * {@code int[]} pairs) say what the core's serde shape says, and refuse what
 * it refuses.
 */
class FlatFormTest {
    private static final String APP_ID = ErrorKindsTest.APP_ID;
    private static final String CERT = ErrorKindsTest.CERT;

    /** Every service type built flat gives the token its serde maps give. */
    @Test
    void everyServiceTypeBuildsAsItsSerdeForm() throws Exception {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.issueTs = 1111111;
        t.salt = 7;
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("ch", "42");
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM, -1);
        AccessToken2.ServiceRtm2.Permissions p = new AccessToken2.ServiceRtm2.Permissions();
        p.add(AccessToken2.ServiceRtm2.Permissions.MESSAGE_CHANNELS, AccessToken2.ServiceRtm2.Permissions.WRITE,
                List.of("é😀", "b"));
        p.details.put(AccessToken2.ServiceRtm2.Permissions.SERVER_GROUPS, new TreeMap<>());
        AccessToken2.Service generic = new AccessToken2.Service((short) 200);
        generic.privileges.put((short) 3, 9);
        List<AccessToken2.Service> services = List.of(rtc, new AccessToken2.ServiceRtm("u"),
                new AccessToken2.ServiceStreaming("ch", "acc"), new AccessToken2.ServiceFpa(),
                new AccessToken2.ServiceChat(""), new AccessToken2.ServiceFCdn("ch", "acc"),
                new AccessToken2.ServiceApaas("room", "user", (short) 2), new AccessToken2.ServiceRtm2("u2", p),
                new AccessToken2.ServiceConvoAI(), new AccessToken2.ServiceStt(), generic);
        for (AccessToken2.Service s : services) {
            t.appendService(s);
        }
        List<Map<String, Object>> serde = List.of(
                Map.of("type", "rtc", "channel_name", "ch", "uid", "42",
                        "privileges", Map.of("1", 600, "2", 4294967295L)),
                Map.of("type", "rtm", "user_id", "u"),
                Map.of("type", "streaming", "channel_name", "ch", "account", "acc"),
                Map.of("type", "fpa"),
                Map.of("type", "chat", "user_id", ""),
                Map.of("type", "fcdn", "channel_name", "ch", "account", "acc"),
                Map.of("type", "apaas", "room_uuid", "room", "user_uuid", "user", "role", 2),
                Map.of("type", "rtm2", "user_id", "u2",
                        "permissions", Map.of("0", Map.of("1", List.of("é😀", "b")), "3", Map.of())),
                Map.of("type", "convoai"),
                Map.of("type", "stt"),
                Map.of("type", "generic", "service_type", 200, "privileges", Map.of("3", 9)));
        String expected = Native.AccessToken2Build(APP_ID, CERT, 600, serde, 1111111, 7);
        assertEquals(expected, t.build());
        AccessToken2 back = new AccessToken2();
        assertTrue(back.parse(expected));
        assertEquals("room", ((AccessToken2.ServiceApaas) back.services.get(AccessToken2.SERVICE_TYPE_APAAS))
                .getRoomUuid());
    }

    /** Joined texts are decoded one by one: two halves of a pair in two fields stay unpaired. */
    @Test
    void surrogatesDoNotPairAcrossTexts() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.addService(new AccessToken2.ServiceRtc("a\uD83D", "\uDE00b"));
        TokenException e = assertThrows(TokenException.class, t::build);
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("unpaired UTF-16 surrogate"), e.getMessage());
    }

    /** A text a service type needs, left null, is refused by name. */
    @Test
    void aMissingServiceTextIsNamed() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.addService(new AccessToken2.ServiceStreaming(null, "acc"));
        TokenException e = assertThrows(TokenException.class, t::build);
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("channel_name must not be null"), e.getMessage());
    }

    /** Privilege pairs: ids outside 16 bits and odd lengths are refused, not cut. */
    @Test
    void privilegePairsAreChecked() {
        TokenException id = assertThrows(TokenException.class,
                () -> Native.AccessTokenBuild(APP_ID, CERT, "ch", "1", 1, 2, new int[] {70000, 5}));
        assertTrue(id.getMessage().contains("privilege id 70000 is not in 0..=65535"), id.getMessage());
        TokenException odd = assertThrows(TokenException.class,
                () -> Native.AccessTokenBuild(APP_ID, CERT, "ch", "1", 1, 2, new int[] {1}));
        assertEquals(ErrorKind.INVALID_ARGUMENT, odd.kind());
    }
}
