package io.rtctoken.internal;

import java.util.Arrays;

/**
 * Each thread's buffers for the native calls it makes through
 * {@link Native}: the text arguments' UTF-16 units (and any {@link Flat}
 * form or {@code String[]}), which the native side reads in one JNI call ({@code texts.rs}),
 * and the result's UTF-8 bytes.
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
        room(n);
        s.getChars(0, n, units, used);
        used += n;
        return n;
    }

    /**
     * A structured argument: a {@link Flat} (or null) is appended as its
     * length in units (two units, low half first; -1 for null) and its
     * units, and crosses as null; anything else (maps and lists) as itself.
     */
    Object form(Object o) {
        if (o != null && !(o instanceof Flat)) {
            return o;
        }
        int n = o == null ? -1 : ((Flat) o).size;
        room(2 + Math.max(n, 0));
        used = Flat.number(n, units, used);
        if (n > 0) {
            System.arraycopy(((Flat) o).units, 0, units, used, n);
            used += n;
        }
        return null;
    }

    /**
     * An array of texts: appended as its length (two units, low half
     * first; -1 for null), then each text as its length and units (-1 for
     * a null one), and crosses as null.
     */
    String[] texts(String[] a) {
        room(2);
        used = Flat.number(a == null ? -1 : a.length, units, used);
        if (a != null) {
            for (String s : a) {
                room(2);
                used = Flat.number(s == null ? -1 : s.length(), units, used);
                text(s);
            }
        }
        return null;
    }

    private void room(int n) {
        if (units.length - used < n) {
            units = Arrays.copyOf(units, Math.max(2 * units.length, used + n));
        }
    }
}
