package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.internal.CoreConstants;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.RtcTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.rtm.RtmTokenBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The role enums and version prefixes are the core's: every role of the
 * generated {@link CoreConstants} (checked against the core's table by
 * {@code make stubs-check}) is the value of the enum constant of the same
 * name, and every enum constant has one, so a hand-edited number fails here.
 */
class CoreConstantsTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    /** The generated roles whose name starts with {@code prefix} (the builder's), by role name. */
    private static Map<String, Integer> generated(String prefix) throws IllegalAccessException {
        Map<String, Integer> roles = new HashMap<>();
        for (Field f : CoreConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().startsWith(prefix)) {
                roles.put(f.getName().substring(prefix.length()), f.getInt(null));
            }
        }
        return roles;
    }

    /** An enum's constants by core role name (the vendor's spelling without {@code Role_}/{@code ROLE_}). */
    private static Map<String, Integer> published(Class<? extends Enum<?>> role, String valueField) throws Exception {
        Field value = role.getDeclaredField(valueField);
        value.setAccessible(true);
        Map<String, Integer> roles = new HashMap<>();
        for (Enum<?> constant : role.getEnumConstants()) {
            String name = constant.name().replaceFirst("^(?i)role_", "").toUpperCase(Locale.ROOT);
            roles.put(name, value.getInt(constant));
        }
        return roles;
    }

    @Test
    void roleEnumsAreTheCoresTables() throws Exception {
        assertEquals(generated("RTC_TOKEN_BUILDER_"), published(RtcTokenBuilder.Role.class, "initValue"));
        assertEquals(generated("RTC_TOKEN_BUILDER2_"), published(RtcTokenBuilder2.Role.class, "initValue"));
        assertEquals(generated("RTM_TOKEN_BUILDER_"), published(RtmTokenBuilder.Role.class, "value"));
    }

    @Test
    void versionsAreThePrefixesTheBuildersWrite() throws Exception {
        String t006 = new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, "c", 1, RtcTokenBuilder.Role.Role_Publisher, 0);
        String t007 = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "c", 1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
        assertTrue(t006.startsWith(AccessToken.getVersion()), t006);
        assertTrue(t007.startsWith(AccessToken2.getVersion()), t007);
    }
}
