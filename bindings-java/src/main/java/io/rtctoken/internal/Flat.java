package io.rtctoken.internal;

import java.util.Arrays;

/**
 * The flat form structured arguments cross to the native side in (the
 * services of {@code AccessToken2.build}, read by the native side's
 * {@code flat.rs}): numbers in one {@code int[]} and all texts joined in one
 * {@code String}, each text's length (-1 for {@code null}) among the
 * numbers, in the order the native side reads them. Two reads, instead of a
 * tree of maps read one JNI call per node.
 */
public final class Flat {
    private int[] numbers = new int[32];
    private int size;
    private final StringBuilder texts = new StringBuilder();
    /** What the native side reads (by these names), set by {@link #done}. */
    @SuppressWarnings("unused")
    private String joined;

    /** Appends a number (unsigned values as their bits). */
    public void number(int v) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, 2 * size);
        }
        numbers[size++] = v;
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
        } else {
            number(s.length());
            texts.append(s);
        }
    }

    /** This form, complete: the argument a native takes. */
    public Flat done() {
        numbers = Arrays.copyOf(numbers, size);
        joined = texts.toString();
        return this;
    }
}
