package io.rtctoken.bench;

import io.rtctoken.internal.Native;

/**
 * The core alone, from librtctoken_jni built with its {@code bench} feature:
 * {@link #run} converts its arguments once, then runs the core call
 * {@code rounds} times, so a measurement is the core's cost without the
 * crossing.
 */
public final class CoreLoop {
    static {
        // Loads the library through the binding's own loader.
        Native.uidText(0);
    }

    private CoreLoop() {
    }

    /**
     * Runs {@code call} (a catalogue name, {@code parse} or {@code verify})
     * {@code rounds} times on {@code argsJson}, an object keyed like the
     * vectors' {@code args} (plus {@code issue_ts} and {@code salt} to fix the
     * stamp; {@code token} and {@code app_certificate} for parse and verify).
     */
    public static native void run(String call, String argsJson, int rounds);
}
