package io.rtctoken.media;

import static io.rtctoken.internal.Args.present;

import io.rtctoken.Stamp;
import io.rtctoken.internal.Native;

/**
 * FPA (full-path acceleration) tokens (007): the vendor's
 * {@code FpaTokenBuilder}. The token lives 24 hours.
 * Every method throws {@link io.rtctoken.TokenException} for refused input.
 */
public class FpaTokenBuilder {
    /** An FPA login token. */
    public String buildToken(String appId, String appCertificate) {
        return buildToken(appId, appCertificate, Stamp.FRESH);
    }

    /** {@link #buildToken(String, String)} with a fixed stamp. */
    public String buildToken(String appId, String appCertificate, Stamp stamp) {
        Stamp s = present(stamp, "stamp");
        return Native.FpaTokenBuilderBuildToken(appId, appCertificate, s.issueTs(), s.salt());
    }
}
