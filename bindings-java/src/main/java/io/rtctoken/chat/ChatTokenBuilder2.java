package io.rtctoken.chat;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.Native;

/**
 * Chat tokens (007): the vendor's {@code ChatTokenBuilder2}. {@code expire}
 * is the lifetime in seconds.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class ChatTokenBuilder2 {
    /** A chat token for {@code userId}. */
    public String buildUserToken(String appId, String appCertificate, String userId, int expire) {
        return buildUserToken(appId, appCertificate, userId, expire, Stamp.FRESH);
    }

    /** {@link #buildUserToken(String, String, String, int)} with a fixed stamp. */
    public String buildUserToken(String appId, String appCertificate, String userId, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.ChatTokenBuilder2BuildUserToken(appId, appCertificate, userId, u32(expire), s.issueTs(),
                s.salt());
    }

    /** A chat token for the app (administration). */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return buildAppToken(appId, appCertificate, expire, Stamp.FRESH);
    }

    /** {@link #buildAppToken(String, String, int)} with a fixed stamp. */
    public String buildAppToken(String appId, String appCertificate, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.ChatTokenBuilder2BuildAppToken(appId, appCertificate, u32(expire), s.issueTs(), s.salt());
    }
}
