package io.rtctoken.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where a raw token object's app certificate lives: in this table, keyed by
 * the object's identity, instead of in a field of the object. No dump of the
 * object (reflection, Jackson, Gson, {@code reflectionToString}) walks into
 * it; an entry goes when its object is collected.
 */
public final class Certificates {
    private static final Map<Object, String> BY_OWNER = Collections.synchronizedMap(new WeakHashMap<>());

    private Certificates() {
    }

    /** Keeps {@code certificate} for {@code owner} (whose class must not override {@code equals}). */
    public static void put(Object owner, String certificate) {
        BY_OWNER.put(owner, certificate);
    }

    /** {@code owner}'s certificate, or "" if none was given. */
    public static String of(Object owner) {
        return BY_OWNER.getOrDefault(owner, "");
    }
}
