package io.rtctoken.internal;

import io.rtctoken.ErrorKind;
import io.rtctoken.TokenException;
import java.util.Map;
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
     * {@code Short}/{@code Integer}) as (id, expiry) pairs in one
     * {@code int[]}, the form the native side reads without a boxed entry per
     * privilege.
     */
    public static int[] pairs(Map<Short, Integer> privileges) {
        int[] out = new int[2 * present(privileges, "privileges").size()];
        int i = 0;
        for (Map.Entry<Short, Integer> e : privileges.entrySet()) {
            out[i++] = Short.toUnsignedInt(present(e.getKey(), "privilege id"));
            out[i++] = present(e.getValue(), "privilege expire");
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
