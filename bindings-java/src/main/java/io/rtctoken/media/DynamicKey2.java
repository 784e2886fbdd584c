package io.rtctoken.media;

import static io.rtctoken.internal.Args.u32;

import io.rtctoken.internal.Native;

/**
 * DynamicKey v2, for SDKs from before 2.1. {@code int} values are read as
 * unsigned; a {@code long} uid must be in 0..4294967295.
 */
public class DynamicKey2 {
    /**
     * A v2 key.
     *
     * @throws Exception declared as the vendor does; only {@link io.rtctoken.TokenException} is thrown
     */
    public static String generate(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey2Generate(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@link #generate(String, String, String, int, int, long, int)} with an {@code int} uid read as unsigned. */
    public static String generate(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generate(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }
}
