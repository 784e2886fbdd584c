package io.rtctoken.media;

import static io.rtctoken.internal.Args.u32;

import io.rtctoken.internal.Native;

/**
 * DynamicKey v4: the vendor's {@code DynamicKey4}. {@code int} values are
 * read as unsigned; a {@code long} uid must be in 0..4294967295. Every method
 * declares {@code throws Exception} as the vendor does, but only throws
 * {@link io.rtctoken.TokenException}.
 */
public class DynamicKey4 {
    /** A v4 media channel key. */
    public static String generateMediaChannelKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey4GenerateMediaChannelKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generateMediaChannelKey} with an {@code int} uid read as unsigned. */
    public static String generateMediaChannelKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generateMediaChannelKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

    /** A v4 recording key. */
    public static String generateRecordingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey4GenerateRecordingKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generateRecordingKey} with an {@code int} uid read as unsigned. */
    public static String generateRecordingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generateRecordingKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

    /** A v4 public sharing key. */
    public static String generatePublicSharingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey4GeneratePublicSharingKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generatePublicSharingKey} with an {@code int} uid read as unsigned. */
    public static String generatePublicSharingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generatePublicSharingKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

}
