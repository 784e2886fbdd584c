package io.rtctoken.bench;

import io.rtctoken.internal.Native;

/**
 * The core alone, from librtctoken_jni built with its {@code bench} feature:
 * each method converts its arguments once, then runs the core call
 * {@code times} times, so a JMH op is the core's cost without the crossing.
 */
final class CoreLoop {
    static {
        // Loads the library through the binding's own loader.
        Native.uidText(0);
    }

    private CoreLoop() {
    }

    /** {@code rtc_token_builder2::build_token_with_uid} (publisher, 3600 s) with a fixed stamp. */
    static native int buildTokenWithUid(String appId, String appCertificate, String channelName, long uid,
            long issueTs, long salt, int times);

    /** {@code rtctoken::parse}, keeping the version and app ID. */
    static native int parse(String token, int times);
}
