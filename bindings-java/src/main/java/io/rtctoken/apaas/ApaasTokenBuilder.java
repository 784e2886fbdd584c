package io.rtctoken.apaas;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.Native;

/**
 * APaaS tokens (007): the vendor's {@code ApaasTokenBuilder}. {@code expire} is the
 * lifetime in seconds.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class ApaasTokenBuilder {
    /** A token for {@code userUuid} in {@code roomUuid} with {@code role}: room user, RTM login and chat. */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid,
            Short role, int expire) {
        return buildRoomUserToken(appId, appCertificate, roomUuid, userUuid, role, expire, Stamp.FRESH);
    }

    /** {@link #buildRoomUserToken(String, String, String, String, Short, int)} with a fixed stamp. */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid,
            Short role, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.ApaasTokenBuilderBuildRoomUserToken(appId, appCertificate, roomUuid, userUuid, present(role, "role"),
                u32(expire), s.issueTs(), s.salt());
    }

    /** A token for {@code userUuid} outside any room. */
    public String buildUserToken(String appId, String appCertificate, String userUuid, int expire) {
        return buildUserToken(appId, appCertificate, userUuid, expire, Stamp.FRESH);
    }

    /** {@link #buildUserToken(String, String, String, int)} with a fixed stamp. */
    public String buildUserToken(String appId, String appCertificate, String userUuid, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.ApaasTokenBuilderBuildUserToken(appId, appCertificate, userUuid, u32(expire), s.issueTs(),
                s.salt());
    }

    /** A token for the app. */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return buildAppToken(appId, appCertificate, expire, Stamp.FRESH);
    }

    /** {@link #buildAppToken(String, String, int)} with a fixed stamp. */
    public String buildAppToken(String appId, String appCertificate, int expire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.ApaasTokenBuilderBuildAppToken(appId, appCertificate, u32(expire), s.issueTs(), s.salt());
    }
}
