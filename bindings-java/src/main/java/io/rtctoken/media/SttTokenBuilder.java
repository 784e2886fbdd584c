package io.rtctoken.media;

import io.rtctoken.Stamp;

/**
 * Tokens for a speech-to-text agent: the RTC and RTM privileges of
 * {@link RtcTokenBuilder2#buildTokenWithRtm2} plus the STT service, with
 * the vendor's static {@code buildToken}.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class SttTokenBuilder {
    /** A token carrying RTC, RTM and STT services; expiries are seconds after issue. */
    public static String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire,
            int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire,
            String rtmUserId, int rtmTokenExpire) {
        return buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire, Stamp.FRESH);
    }

    /** {@code buildToken} with a fixed stamp. */
    public static String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
            RtcTokenBuilder2.Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire,
            int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire,
            String rtmUserId, int rtmTokenExpire, Stamp stamp) {
        return RtcTokenBuilder2.rtm2Family(2, appId, appCertificate, channelName, rtcAccount, rtcRole,
                rtcTokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire, stamp);
    }
}
