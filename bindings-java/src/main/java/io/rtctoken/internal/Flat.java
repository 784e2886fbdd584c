package io.rtctoken.internal;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The flat form structured arguments cross to the native side in (the
 * services of {@code AccessToken2.build}, read by the native side's
 * {@code flat.rs}): numbers in one {@code int[]}, texts ({@code null}
 * allowed) in one {@code String[]}, each in the order the native side reads
 * them. Two arrays, instead of a tree of maps read one JNI call per node.
 */
public final class Flat {
    private int[] numbers = new int[32];
    private int size;
    private final ArrayList<String> texts = new ArrayList<>();

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
        texts.add(s);
    }

    /** The argument a native takes: {@code {int[] numbers, String[] texts}}. */
    public Object[] argument() {
        return new Object[] {Arrays.copyOf(numbers, size), texts.toArray(new String[0])};
    }
}
