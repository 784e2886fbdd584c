package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.internal.CoreConstants;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.RtcTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.rtm.RtmTokenBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The role enums, version prefixes, DynamicKey v5 and RTM2 constants are the
 * core's: every role and id of the generated {@link CoreConstants} (checked
 * against the core's tables by {@code make stubs-check}) is the value of its
 * public twin, and every twin has one, so a hand-edited number fails here.
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

    /** The public constants the v5 and RTM2 facades set from CoreConstants, by generated name. */
    private static final Map<String, Short> DYNAMIC_KEY5_AND_RTM2 = Map.ofEntries(
            Map.entry("DYNAMIC_KEY5_MEDIA_CHANNEL", DynamicKey5.MEDIA_CHANNEL_SERVICE),
            Map.entry("DYNAMIC_KEY5_RECORDING", DynamicKey5.RECORDING_SERVICE),
            Map.entry("DYNAMIC_KEY5_PUBLIC_SHARING", DynamicKey5.PUBLIC_SHARING_SERVICE),
            Map.entry("DYNAMIC_KEY5_IN_CHANNEL_PERMISSION", DynamicKey5.IN_CHANNEL_PERMISSION),
            Map.entry("DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL", DynamicKey5.ALLOW_UPLOAD_IN_CHANNEL),
            Map.entry("RTM2_RESOURCE_MESSAGE_CHANNEL", AccessToken2.ServiceRtm2.Permissions.MESSAGE_CHANNELS),
            Map.entry("RTM2_RESOURCE_STREAM_CHANNEL", AccessToken2.ServiceRtm2.Permissions.STREAM_CHANNELS),
            Map.entry("RTM2_RESOURCE_GROUP_CHANNEL", AccessToken2.ServiceRtm2.Permissions.GROUP_CHANNELS),
            Map.entry("RTM2_RESOURCE_SERVER_GROUP", AccessToken2.ServiceRtm2.Permissions.SERVER_GROUPS),
            Map.entry("RTM2_RESOURCE_USER", AccessToken2.ServiceRtm2.Permissions.USERS),
            Map.entry("RTM2_PERMISSION_READ", AccessToken2.ServiceRtm2.Permissions.READ),
            Map.entry("RTM2_PERMISSION_WRITE", AccessToken2.ServiceRtm2.Permissions.WRITE));

    @Test
    void dynamicKey5AndRtm2IdsAreTheCoresTables() throws Exception {
        Map<String, Short> generated = new HashMap<>();
        for (Field f : CoreConstants.class.getFields()) {
            if (f.getType() == short.class) {
                generated.put(f.getName(), f.getShort(null));
            }
        }
        assertEquals(generated, DYNAMIC_KEY5_AND_RTM2);
    }

    @Test
    void dynamicKey5StringsAreTheCoresAndWhatItsKeysCarry() throws Exception {
        assertEquals(CoreConstants.DYNAMIC_KEY5_VERSION, DynamicKey5.version);
        assertEquals(List.of(CoreConstants.DYNAMIC_KEY5_NO_UPLOAD, CoreConstants.DYNAMIC_KEY5_AUDIO_VIDEO_UPLOAD),
                List.of(DynamicKey5.noUpload, DynamicKey5.audioVideoUpload));
        for (String permission : List.of(DynamicKey5.noUpload, DynamicKey5.audioVideoUpload)) {
            String key = DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, "c", 1, 2, 3, 4, permission);
            ParsedToken parsed = TokenParser.parse(key);
            assertEquals(DynamicKey5.version, parsed.version());
            String extra = "\"extra\":{\"" + DynamicKey5.ALLOW_UPLOAD_IN_CHANNEL + "\":\"" + permission + "\"}";
            assertTrue(parsed.toJson().contains(extra), parsed.toJson());
            assertTrue(parsed.toJson().contains("\"service_type\":" + DynamicKey5.IN_CHANNEL_PERMISSION), parsed.toJson());
        }
    }
}
