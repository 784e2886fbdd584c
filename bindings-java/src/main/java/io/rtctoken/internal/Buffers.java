package io.rtctoken.internal;

import java.util.Arrays;

/**
 * Each thread's buffers for the native calls it makes through
 * {@link Native}: the text arguments' UTF-16 units, which the native side
 * reads in one JNI call ({@code texts.rs}), and the result's UTF-8 bytes.
 * Buffers a thread reuses are hot in cache; a new array per call was cold
 * memory that the native call's state-transition fence waited on.
 */
final class Buffers {
    private static final ThreadLocal<Buffers> MINE = ThreadLocal.withInitial(Buffers::new);

    /** The current call's text arguments: the first {@link #used} units. */
    char[] units = new char[512];
    int used;
    /** Where the native side writes a text result; replaced by a bigger one when one does not fit. */
    byte[] out = new byte[1024];

    private Buffers() {
    }

    /** This thread's buffers, with no text arguments yet. */
    static Buffers start() {
        Buffers b = MINE.get();
        b.used = 0;
        return b;
    }

    /** This thread's buffers as they are. */
    static Buffers mine() {
        return MINE.get();
    }

    /**
     * Appends {@code s} as the next text argument; returns its length in
     * UTF-16 units, which the native side takes it by, or -1 for null.
     */
    int text(String s) {
        if (s == null) {
            return -1;
        }
        int n = s.length();
        if (units.length - used < n) {
            units = Arrays.copyOf(units, Math.max(2 * units.length, used + n));
        }
        s.getChars(0, n, units, used);
        used += n;
        return n;
    }
}
