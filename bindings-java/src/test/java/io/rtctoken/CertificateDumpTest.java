package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The certificate given to a raw token object is in none of its dumps:
 * toString, a reflective walk of every instance field (private ones and
 * what they reach included), and Jackson with its default and with
 * every-field visibility. It still signs.
 */
class CertificateDumpTest {
    private static final String APP_ID = ErrorKindsTest.APP_ID;
    private static final String CERT = ErrorKindsTest.CERT;

    static List<Object> tokens() throws Exception {
        AccessToken2 t2 = new AccessToken2(APP_ID, CERT, 600);
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("ch", "7");
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        t2.addService(rtc);
        AccessToken t6 = new AccessToken(APP_ID, CERT, "ch", "7");
        t6.addPrivilege(AccessToken.Privileges.kJoinChannel, 0);
        // Both still sign with the certificate they were given.
        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(t2.build()));
        assertTrue(parsed.verifySignature(CERT));
        assertTrue(TokenParser.verify(t6.build(), List.of(CERT), "ch", "7").isValid());
        return List.of(t2, t6);
    }

    @Test
    void toStringAndReflection() throws Exception {
        for (Object t : tokens()) {
            assertFalse(t.toString().contains(CERT));
            List<String> texts = new ArrayList<>();
            walk(t, texts, new IdentityHashMap<>());
            assertFalse(texts.isEmpty());
            for (String s : texts) {
                assertFalse(s.contains(CERT), t.getClass().getSimpleName() + " holds the certificate");
            }
        }
    }

    @Test
    void jackson() throws Exception {
        ObjectMapper plain = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        ObjectMapper everyField = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        for (Object t : tokens()) {
            for (ObjectMapper m : List.of(plain, everyField)) {
                String json = m.writeValueAsString(t);
                assertTrue(json.contains(APP_ID), json);
                assertFalse(json.contains(CERT), json);
            }
        }
    }

    @Test
    void noFieldNamedForTheCertificate() {
        for (Class<?> c : List.of(AccessToken.class, AccessToken2.class)) {
            for (Field f : c.getDeclaredFields()) {
                assertFalse(f.getName().toLowerCase().contains("cert"), c + "." + f.getName());
            }
        }
    }

    /** Every String, char[] and byte[] (as Latin-1) reachable through instance fields. */
    private static void walk(Object o, List<String> out, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        Class<?> c = o.getClass();
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof char[] chars) {
            out.add(new String(chars));
        } else if (o instanceof byte[] bytes) {
            out.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        } else if (c.isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                walk(Array.get(o, i), out, seen);
            }
        } else if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getKey(), out, seen);
                walk(e.getValue(), out, seen);
            }
        } else if (o instanceof Collection<?> items) {
            for (Object item : items) {
                walk(item, out, seen);
            }
        } else if (c.getName().startsWith("io.rtctoken.")) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                        f.setAccessible(true);
                        walk(f.get(o), out, seen);
                    }
                }
            }
        }
    }
}
