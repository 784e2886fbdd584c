package io.rtctoken.internal;

import io.rtctoken.ErrorKind;
import io.rtctoken.TokenException;

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

    /** {@code v} itself if it is not null. */
    public static <T> T present(T v, String field) {
        if (v == null) {
            throw new TokenException(ErrorKind.INVALID_ARGUMENT, field + " must not be null");
        }
        return v;
    }
}
