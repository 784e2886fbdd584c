package io.rtctoken.media;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.Native;

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
        Stamp s = present(stamp, "stamp");
        return Native.SttTokenBuilderBuildToken(appId, appCertificate, channelName, rtcAccount, RtcTokenBuilder2.role(rtcRole),
                u32(rtcTokenExpire), u32(joinChannelPrivilegeExpire), u32(pubAudioPrivilegeExpire),
                u32(pubVideoPrivilegeExpire), u32(pubDataStreamPrivilegeExpire), rtmUserId, u32(rtmTokenExpire),
                s.issueTs(), s.salt());
    }
}
