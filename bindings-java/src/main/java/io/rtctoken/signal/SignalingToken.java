package io.rtctoken.signal;

import static io.rtctoken.internal.Args.u32;

import io.rtctoken.internal.Native;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The signaling (RTM before 2.0) token: the vendor's {@code SignalingToken}. */
public class SignalingToken {
    /**
     * A signaling token for {@code account}, valid until {@code expiredTsInSeconds}
     * (absolute Unix time, read as unsigned).
     *
     * @throws NoSuchAlgorithmException declared as the vendor does; never thrown
     * @throws io.rtctoken.TokenException for refused input
     */
    public static String getToken(String appId, String certificate, String account, int expiredTsInSeconds)
            throws NoSuchAlgorithmException {
        return Native.SignalingTokenGenerate(account, appId, certificate, u32(expiredTsInSeconds));
    }

    /** {@code bytes} as lowercase hex digits (the vendor's public helper). */
    public static String hexlify(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
