package io.rtctoken.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The media facades' public ids are the core's: every constant of the
 * generated {@link ServiceIds} (checked against the core by
 * {@code make stubs-check}) has its public twin with the same value, and
 * every public twin has one, so a hand-edited literal fails here.
 */
class ServiceIdsTest {
    /** The vendor's spellings that are not {@code PRIVILEGE_<NAME>}. */
    private static final Map<String, String> VENDOR_SPELLING = Map.of(
            "CHAT_USER", "PRIVILEGE_CHAT_USER",
            "CHAT_APP", "PRIVILEGE_CHAT_APP");

    private static Map<String, Short> generated() throws IllegalAccessException {
        Map<String, Short> ids = new HashMap<>();
        for (Field f : ServiceIds.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                ids.put(f.getName(), f.getShort(null));
            }
        }
        return ids;
    }

    @Test
    void serviceTypesArePublishedUnderTheirNames() throws Exception {
        Map<String, Short> ids = generated();
        int types = 0;
        for (Field f : AccessToken2.class.getFields()) {
            if (f.getName().startsWith("SERVICE_TYPE_")) {
                assertEquals(ids.get(f.getName().substring("SERVICE_TYPE_".length())), f.getShort(null), f.getName());
                types++;
            }
        }
        assertEquals(ids.keySet().stream().filter(k -> !k.contains("_")).count(), types);
    }

    @Test
    void privilegeEnumsMatchTheCoreTable() throws Exception {
        Map<String, Short> ids = generated();
        Map<String, Short> published = new HashMap<>();
        for (Class<?> c : AccessToken2.class.getClasses()) {
            if (c.isEnum() && c.getSimpleName().startsWith("Privilege")) {
                String service = c.getSimpleName().substring("Privilege".length()).toUpperCase();
                for (Object constant : c.getEnumConstants()) {
                    short value = c.getField("intValue").getShort(constant);
                    published.put(service + "/" + ((Enum<?>) constant).name(), value);
                }
            }
        }
        int privileges = 0;
        for (Map.Entry<String, Short> id : ids.entrySet()) {
            String name = id.getKey();
            int cut = name.indexOf('_');
            if (cut < 0 || name.startsWith("V006_")) {
                continue;
            }
            String service = name.substring(0, cut);
            String constant = VENDOR_SPELLING.getOrDefault(name, "PRIVILEGE_" + name.substring(cut + 1));
            assertEquals(id.getValue(), published.get(service + "/" + constant), name);
            privileges++;
        }
        assertEquals(privileges, published.size());
    }

    @Test
    void legacyPrivilegesMatchTheCoreTable() throws Exception {
        Map<String, Short> ids = generated();
        for (AccessToken.Privileges p : AccessToken.Privileges.values()) {
            String snake = p.name().substring(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            Short core = ids.get("V006_" + snake);
            assertTrue(core != null, p.name());
            assertEquals(core.shortValue(), p.intValue, p.name());
        }
    }
}
