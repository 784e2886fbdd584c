package io.rtctoken.media;

import static io.rtctoken.internal.Args.u32;

import io.rtctoken.internal.Native;

/**
 * DynamicKey v1, for SDKs from before 2.1: the vendor's {@code DynamicKey}.
 * {@code int} times and random numbers are read as unsigned values.
 */
public class DynamicKey {
    /**
     * A v1 key.
     *
     * @throws Exception declared as the vendor does; only {@link io.rtctoken.TokenException} is thrown
     */
    public static String generate(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt) throws Exception {
        return Native.DynamicKeyGenerate(appID, appCertificate, channelName, u32(unixTs), u32(randomInt));
    }
}
