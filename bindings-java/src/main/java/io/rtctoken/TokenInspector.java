package io.rtctoken;

import io.rtctoken.internal.Native;

/**
 * Explains a token for humans and tools: the core's inspection report
 * (version, app ID, fields, diagnostics) as JSON, identical in every binding.
 */
public final class TokenInspector {
    private TokenInspector() {
    }

    /** The report as of the current time. */
    public static String inspect(String token) {
        return Native.inspect(token, -1);
    }

    /**
     * The report as of {@code now} (Unix seconds, 0..4294967295), so that
     * expiry diagnostics are reproducible.
     */
    public static String inspect(String token, long now) {
        if (now < 0) {
            throw new TokenException(ErrorKind.INVALID_ARGUMENT, "now must be in 0..=4294967295, got " + now);
        }
        return Native.inspect(token, now);
    }
}
