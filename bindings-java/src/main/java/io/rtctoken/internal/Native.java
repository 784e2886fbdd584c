package io.rtctoken.internal;

/**
 * The native functions of librtctoken_jni, one per core entry point. Not
 * part of the public API: the classes under {@code io.rtctoken} wrap them
 * with the vendor's signatures.
 *
 * <p>Conventions: every unsigned 32-bit value travels as a {@code long}
 * (the native side refuses anything outside 0..4294967295); {@code -1} for
 * an issue time or salt means "now" / "random"; a {@code null} string where
 * documented selects the other variant of a builder. Every failure arrives
 * as an {@link io.rtctoken.TokenException}.
 */
public final class Native {
    static {
        NativeLoader.load();
    }

    private Native() {
    }

    /** DynamicKey v1. */
    public static native String dynamicKey(String appId, String appCertificate, String channelName,
            long unixTs, long randomInt);

    /** DynamicKey v2 ({@code version} 2) or v3 ({@code version} 3). */
    public static native String dynamicKeyV2(int version, String appId, String appCertificate,
            String channelName, long unixTs, long randomInt, long uid, long expiredTs);

    /** DynamicKey v4; {@code service} 0 media channel, 1 recording, 2 public sharing. */
    public static native String dynamicKey4(int service, String appId, String appCertificate,
            String channelName, long unixTs, long randomInt, long uid, long expiredTs);

    /** DynamicKey v5; {@code service} 0 media channel, 1 recording, 2 public sharing. */
    public static native String dynamicKey5(int service, String appId, String appCertificate,
            String channelName, long unixTs, long randomInt, long uid, long expiredTs);

    /** DynamicKey v5 in-channel permission key. */
    public static native String dynamicKey5InChannel(String appId, String appCertificate,
            String channelName, long unixTs, long randomInt, long uid, long expiredTs, String permission);

    /** Signaling token. */
    public static native String signalingToken(String account, String appId, String appCertificate,
            long expiredTs);

    /** RTC 006 for {@code account}, or for {@code uid} when the account is null. */
    public static native String rtcToken006(String appId, String appCertificate, String channelName,
            String account, long uid, int role, long privilegeTs, long issueTs, long salt);

    /** RTM 006. */
    public static native String rtmToken006(String appId, String appCertificate, String userAccount,
            int role, long privilegeTs, long issueTs, long salt);

    /** RTC 007 with a role, for {@code account} or (account null) {@code uid}. */
    public static native String rtcToken2(String appId, String appCertificate, String channelName,
            String account, long uid, int role, long tokenExpire, long privilegeExpire, long issueTs, long salt);

    /** RTC 007 with per-privilege expiries, for {@code account} or (account null) {@code uid}. */
    public static native String rtcToken2Privileges(String appId, String appCertificate, String channelName,
            String account, long uid, long tokenExpire, long joinChannel, long pubAudio, long pubVideo,
            long pubDataStream, long issueTs, long salt);

    /** RTC 007 plus RTM login for the same account. */
    public static native String rtcToken2WithRtm(String appId, String appCertificate, String channelName,
            String account, int role, long tokenExpire, long privilegeExpire, long issueTs, long salt);

    /** RTC + RTM 007 ({@code extra} 0), plus ConvoAI (1) or STT (2). */
    public static native String rtm2Family(int extra, String appId, String appCertificate, String channelName,
            String rtcAccount, int rtcRole, long rtcTokenExpire, long joinChannel, long pubAudio, long pubVideo,
            long pubDataStream, String rtmUserId, long rtmTokenExpire, long issueTs, long salt);

    /** RTM 007, or RTM2 with permissions when {@code permissionsJson} is not null. */
    public static native String rtmToken2(String appId, String appCertificate, String userId,
            String permissionsJson, long expire, long issueTs, long salt);

    /** Chat user token, or the app token when {@code userId} is null. */
    public static native String chatToken(String appId, String appCertificate, String userId, long expire,
            long issueTs, long salt);

    /** Education/APaaS: room-user token (room and user), user token (user), app token (neither). */
    public static native String educationToken(String appId, String appCertificate, String roomUuid,
            String userUuid, short role, long expire, long issueTs, long salt);

    /** FPA token. */
    public static native String fpaToken(String appId, String appCertificate, long issueTs, long salt);

    /** Raw 006 token from its fields. */
    public static native String accessToken006(String appId, String appCertificate, String channelName,
            String uid, long salt, long ts, short[] privilegeIds, long[] privilegeExpires);

    /** Raw 007 token; {@code servicesJson} is a JSON array of services in the vectors' shape. */
    public static native String accessToken2(String appId, String appCertificate, long expire, long issueTs,
            long salt, String servicesJson);

    /** Fills a {@code media.AccessToken} from a 006 token; false if it is not one. */
    public static native boolean parse006(String token, Object target);

    /** Fills a {@code media.AccessToken2} from a 007 token; false if it is not one. */
    public static native boolean parse007(String token, Object target);

    /** {version, app ID, fields JSON} of any token. */
    public static native String[] parse(String token);

    /** Index of the first certificate that signed the token, or -1. */
    public static native int verify(String token, String[] appCertificates, String channelName, String uid);

    /** The core's inspection JSON as of {@code now} (-1 = the clock). */
    public static native String inspect(String token, long now);

    /** {issue time, salt, issue time + 24 h} as the core picks them. */
    public static native long[] freshStamp();

    /** Panics inside native code; exists only so tests can prove panics become exceptions. */
    public static native String panicForTest();
}
