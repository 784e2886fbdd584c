package io.rtctoken.rtm;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.Native;
import io.rtctoken.media.AccessToken2;

/**
 * RTM tokens (007): the vendor's {@code RtmTokenBuilder2}. {@code expire} is
 * the token's and the login privilege's lifetime in seconds.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class RtmTokenBuilder2 {
    /** An RTM login token for {@code userId}. */
    public String buildToken(String appId, String appCertificate, String userId, int expire) {
        return buildToken(appId, appCertificate, userId, expire, Stamp.FRESH);
    }

    /** {@link #buildToken(String, String, String, int)} with a fixed stamp. */
    public String buildToken(String appId, String appCertificate, String userId, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtmTokenBuilder2BuildToken(appId, appCertificate, userId, u32(expire), s.issueTs(), s.salt());
    }

    /** An RTM2 login token for {@code userId} carrying resource-level {@code permissions}. */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
            AccessToken2.ServiceRtm2.Permissions permissions, int expire) {
        return buildTokenWithPermissions(appId, appCertificate, userId, permissions, expire, Stamp.FRESH);
    }

    /** {@code buildTokenWithPermissions} with a fixed stamp. */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
            AccessToken2.ServiceRtm2.Permissions permissions, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtmTokenBuilder2BuildTokenWithPermissions(appId, appCertificate, userId,
                present(permissions, "permissions").details, u32(expire), s.issueTs(), s.salt());
    }
}
