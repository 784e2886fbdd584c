package io.rtctoken.internal;

import java.util.Arrays;

/**
 * The flat form structured arguments cross to the native side in (the
 * services of {@code AccessToken2.build}, read by the native side's
 * {@code flat.rs}): numbers and texts in one {@code char[]}, in the order
 * the native side reads them; a number as two units (low half first), a
 * text as its length (a number, -1 for {@code null}) and then its UTF-16
 * units. It crosses in the call's text buffer ({@link Buffers#form}), so
 * it costs no JNI call of its own, instead of a tree of maps read one JNI
 * call per node.
 *
 * <p>Each thread reuses one (see {@link #start}): a fresh array per build
 * was cold memory that the native call's state-transition fence waited on.
 */
public final class Flat {
    private static final ThreadLocal<Flat> MINE = ThreadLocal.withInitial(Flat::new);

    /** The form: the first {@code size} units. */
    char[] units = new char[256];
    int size;
    /** Whether a build on this thread is filling it (then a nested one gets its own). */
    private boolean busy;

    private Flat() {
    }

    /** This thread's empty form; give it back with {@link #end} once the native call returned. */
    public static Flat start() {
        Flat f = MINE.get();
        if (f.busy) {
            f = new Flat();
        }
        f.busy = true;
        f.size = 0;
        return f;
    }

    /** Done with the form {@link #start} gave. */
    public void end() {
        busy = false;
    }

    /** Appends a number (unsigned values as their bits). */
    public void number(int v) {
        room(2);
        size = number(v, units, size);
    }

    /** Writes {@code v} as two units (low half first) at {@code at} of {@code to}; returns where it ends. */
    static int number(int v, char[] to, int at) {
        to[at] = (char) v;
        to[at + 1] = (char) (v >>> 16);
        return at + 2;
    }

    /** Appends the number of (id, value) pairs in {@code pairs}, then the pairs. */
    public void pairs(int[] pairs) {
        number(pairs.length / 2);
        for (int x : pairs) {
            number(x);
        }
    }

    /** Appends a text, or {@code null}. */
    public void text(String s) {
        if (s == null) {
            number(-1);
            return;
        }
        int n = s.length();
        number(n);
        room(n);
        s.getChars(0, n, units, size);
        size += n;
    }

    private void room(int n) {
        if (units.length - size < n) {
            units = Arrays.copyOf(units, Math.max(2 * units.length, size + n));
        }
    }
}
