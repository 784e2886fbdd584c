package io.rtctoken.media;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Native;

/**
 * RTC tokens in the 006 format, for SDKs that predate 007: the vendor's
 * {@code RtcTokenBuilder}. {@code privilegeTs} is an absolute Unix time
 * (0 = no expiry); the token itself lives 24 hours.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class RtcTokenBuilder {
    /** The 006 roles; all but the subscriber may publish. */
    public enum Role {
        /** Attendee (same privileges as a publisher). */
        Role_Attendee(CoreConstants.RTC_TOKEN_BUILDER_ATTENDEE),
        /** Publisher. */
        Role_Publisher(CoreConstants.RTC_TOKEN_BUILDER_PUBLISHER),
        /** Subscriber (join only). */
        Role_Subscriber(CoreConstants.RTC_TOKEN_BUILDER_SUBSCRIBER),
        /** Admin (same privileges as a publisher). */
        Role_Admin(CoreConstants.RTC_TOKEN_BUILDER_ADMIN);

        /** The role's number in the vendor's API (the core's). */
        public int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    /** A 006 RTC token for a numeric uid (read as unsigned; 0 = any user). */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int privilegeTs) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), role, privilegeTs, Stamp.FRESH);
    }

    /** A 006 RTC token for a {@code long} uid in 0..4294967295. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
            int privilegeTs) {
        return buildTokenWithUid(appId, appCertificate, channelName, uid, role, privilegeTs, Stamp.FRESH);
    }

    /** {@link #buildTokenWithUid(String, String, String, int, Role, int)} with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int privilegeTs, Stamp stamp) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), role, privilegeTs, stamp);
    }

    /** {@link #buildTokenWithUid(String, String, String, long, Role, int)} with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
            int privilegeTs, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilderBuildTokenWithUid(appId, appCertificate, channelName, uid,
                present(role, "role").initValue, u32(privilegeTs), s.issueTs(), s.salt());
    }

    /** A 006 RTC token for a user account. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, Role role, int privilegeTs) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, role, privilegeTs,
                Stamp.FRESH);
    }

    /** {@link #buildTokenWithUserAccount(String, String, String, String, Role, int)} with a fixed stamp. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, Role role, int privilegeTs, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilderBuildTokenWithAccount(appId, appCertificate, channelName, account,
                present(role, "role").initValue, u32(privilegeTs), s.issueTs(), s.salt());
    }
}
