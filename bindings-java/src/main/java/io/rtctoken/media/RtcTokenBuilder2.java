package io.rtctoken.media;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Native;

/**
 * RTC tokens (007), alone or with RTM: the vendor's {@code RtcTokenBuilder2}
 * with the same methods and arguments. Expiries are seconds after issue.
 * uids are unsigned: an {@code int} uid is read as its unsigned value, a
 * {@code long} uid must be in 0..4294967295 (0 means any user). Every method
 * has an overload taking a {@link Stamp} for exact tests.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class RtcTokenBuilder2 {
    /** Who joins: a publisher gets the publish privileges too. */
    public enum Role {
        /** May publish audio, video and data streams. */
        ROLE_PUBLISHER(CoreConstants.RTC_TOKEN_BUILDER2_PUBLISHER),
        /** May only subscribe (join privilege). */
        ROLE_SUBSCRIBER(CoreConstants.RTC_TOKEN_BUILDER2_SUBSCRIBER);

        /** The role's number in the vendor's API (the core's). */
        public int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    static int role(Role role) {
        return present(role, "role").initValue;
    }

    /** An RTC token for a numeric uid; all privileges expire {@code privilegeExpire} seconds after issue. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int tokenExpire, int privilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), role, tokenExpire, privilegeExpire,
                Stamp.FRESH);
    }

    /** {@link #buildTokenWithUid(String, String, String, int, Role, int, int)} for a {@code long} uid. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
            int tokenExpire, int privilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, uid, role, tokenExpire, privilegeExpire,
                Stamp.FRESH);
    }

    /** {@link #buildTokenWithUid(String, String, String, int, Role, int, int)} with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int tokenExpire, int privilegeExpire, Stamp stamp) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), role, tokenExpire, privilegeExpire,
                stamp);
    }

    /** {@link #buildTokenWithUid(String, String, String, long, Role, int, int)} with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
            int tokenExpire, int privilegeExpire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithUid(appId, appCertificate, channelName, uid, role(role),
                u32(tokenExpire), u32(privilegeExpire), s.issueTs(), s.salt());
    }

    /** An RTC token for a user account. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, Role role, int tokenExpire, int privilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, role, tokenExpire,
                privilegeExpire, Stamp.FRESH);
    }

    /** {@link #buildTokenWithUserAccount(String, String, String, String, Role, int, int)} with a fixed stamp. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, Role role, int tokenExpire, int privilegeExpire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithUserAccount(appId, appCertificate, channelName, account,
                role(role), u32(tokenExpire), u32(privilegeExpire), s.issueTs(), s.salt());
    }

    /** An RTC token for a numeric uid with each privilege's expiry given (publisher privileges). */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, Stamp.FRESH);
    }

    /** The per-privilege {@code buildTokenWithUid} for a {@code long} uid. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire,
                pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, Stamp.FRESH);
    }

    /** The per-privilege {@code buildTokenWithUid} with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, Stamp stamp) {
        return buildTokenWithUid(appId, appCertificate, channelName, u32(uid), tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, stamp);
    }

    /** The per-privilege {@code buildTokenWithUid} for a {@code long} uid with a fixed stamp. */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithUidAndPrivilege(appId, appCertificate, channelName, uid,
                u32(tokenExpire), u32(joinChannelPrivilegeExpire), u32(pubAudioPrivilegeExpire), u32(pubVideoPrivilegeExpire),
                u32(pubDataStreamPrivilegeExpire), s.issueTs(), s.salt());
    }

    /** An RTC token for a user account with each privilege's expiry given. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, Stamp.FRESH);
    }

    /** The per-privilege {@code buildTokenWithUserAccount} with a fixed stamp. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName,
                account, u32(tokenExpire), u32(joinChannelPrivilegeExpire), u32(pubAudioPrivilegeExpire),
                u32(pubVideoPrivilegeExpire), u32(pubDataStreamPrivilegeExpire), s.issueTs(), s.salt());
    }

    /** An RTC token plus RTM login for the same account (RTM expires with the token). */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account,
            Role role, int tokenExpire, int privilegeExpire) {
        return buildTokenWithRtm(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire,
                Stamp.FRESH);
    }

    /** {@link #buildTokenWithRtm(String, String, String, String, Role, int, int)} with a fixed stamp. */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account,
            Role role, int tokenExpire, int privilegeExpire, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithRtm(appId, appCertificate, channelName, account, role(role),
                u32(tokenExpire), u32(privilegeExpire), s.issueTs(), s.salt());
    }

    /** An RTC token with per-privilege expiries plus RTM login for another user id. */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, String rtmUserId, int rtmTokenExpire) {
        return buildTokenWithRtm2(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire, Stamp.FRESH);
    }

    /** {@code buildTokenWithRtm2} with a fixed stamp. */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, String rtmUserId, int rtmTokenExpire,
            Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.RtcTokenBuilder2BuildTokenWithRtm2(appId, appCertificate, channelName, rtcAccount,
                role(rtcRole), u32(rtcTokenExpire), u32(joinChannelPrivilegeExpire), u32(pubAudioPrivilegeExpire),
                u32(pubVideoPrivilegeExpire), u32(pubDataStreamPrivilegeExpire), rtmUserId, u32(rtmTokenExpire),
                s.issueTs(), s.salt());
    }
}
