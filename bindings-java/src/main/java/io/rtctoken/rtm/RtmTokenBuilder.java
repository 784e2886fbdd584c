package io.rtctoken.rtm;

import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;

import io.rtctoken.Stamp;
import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Native;

/**
 * RTM tokens in the 006 format: the vendor's {@code rtm.RtmTokenBuilder}.
 * {@code privilegeTs} is an absolute Unix time (0 = no expiry).
 */
public class RtmTokenBuilder {
    /** The only RTM 006 role. */
    public enum Role {
        /** An RTM user. */
        Rtm_User(CoreConstants.RTM_TOKEN_BUILDER_RTM_USER);

        final int value;

        Role(int value) {
            this.value = value;
        }
    }

    /**
     * A 006 RTM token for {@code uid} (the user account).
     *
     * @throws Exception declared as the vendor does; only {@link io.rtctoken.TokenException} is thrown
     */
    public String buildToken(String appId, String appCertificate, String uid, Role role, int privilegeTs)
            throws Exception {
        return buildToken(appId, appCertificate, uid, role, privilegeTs, Stamp.FRESH);
    }

    /**
     * {@link #buildToken(String, String, String, Role, int)} with a fixed stamp.
     *
     * @throws Exception declared as the vendor does; only {@link io.rtctoken.TokenException} is thrown
     */
    public String buildToken(String appId, String appCertificate, String uid, Role role, int privilegeTs,
            Stamp stamp) throws Exception {
        Stamp s = present(stamp, "stamp");
        return Native.RtmTokenBuilderBuildToken(appId, appCertificate, uid, present(role, "role").value, u32(privilegeTs),
                s.issueTs(), s.salt());
    }
}
