package io.rtctoken.internal;

import io.rtctoken.ErrorKind;
import io.rtctoken.TokenException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Argument conversions shared by the public classes: Java {@code int}s are
 * read as unsigned 32-bit values (the vendor wrote their bits as-is), and a
 * few arguments that the native side treats as optional must be present.
 */
public final class Args {
    private static final long MAX_U32 = 0xFFFFFFFFL;

    private Args() {
    }

    /** {@code v} read as an unsigned 32-bit value. */
    public static long u32(int v) {
        return Integer.toUnsignedLong(v);
    }

    /** {@code v} itself if it is in 0..4294967295. */
    public static long u32(long v, String field) {
        if (v < 0 || v > MAX_U32) {
            throw new TokenException(ErrorKind.INVALID_ARGUMENT, field + " must be in 0..=4294967295, got " + v);
        }
        return v;
    }

    /**
     * A privilege map (ids and expiries as unsigned bits, the vendor's
     * {@code Short}/{@code Integer}) with its values as unsigned numbers, the
     * form the native side reads.
     */
    public static Map<Integer, Long> unsigned(Map<Short, Integer> privileges) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Map.Entry<Short, Integer> e : present(privileges, "privileges").entrySet()) {
            out.put(Short.toUnsignedInt(present(e.getKey(), "privilege id")),
                    u32(present(e.getValue(), "privilege expire")));
        }
        return out;
    }

    /** {@code v} itself if it is not null. */
    public static <T> T present(T v, String field) {
        if (v == null) {
            throw new TokenException(ErrorKind.INVALID_ARGUMENT, field + " must not be null");
        }
        return v;
    }

    /**
     * {@code check}'s answer, or false when it refuses its input: the
     * vendor's parse and verify methods answer "no" rather than throw. A
     * native failure ({@code INTERNAL}) still throws.
     */
    public static boolean falseIfRefused(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (TokenException e) {
            if (e.kind() == ErrorKind.INTERNAL) {
                throw e;
            }
            return false;
        }
    }
}
