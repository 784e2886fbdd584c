package io.rtctoken.media;

import static io.rtctoken.internal.Args.u32;

import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Native;

/**
 * DynamicKey v5: the vendor's {@code DynamicKey5}. {@code int} values are
 * read as unsigned; a {@code long} uid must be in 0..4294967295. Every method
 * declares {@code throws Exception} as the vendor does, but only throws
 * {@link io.rtctoken.TokenException}.
 */
public class DynamicKey5 {
    /** The version prefix of v5 keys. */
    public static final String version = CoreConstants.DYNAMIC_KEY5_VERSION;
    /** In-channel permission: may not upload. */
    public static final String noUpload = CoreConstants.DYNAMIC_KEY5_NO_UPLOAD;
    /** In-channel permission: may upload audio and video. */
    public static final String audioVideoUpload = CoreConstants.DYNAMIC_KEY5_AUDIO_VIDEO_UPLOAD;
    /** Service type of a media channel key. */
    public static final short MEDIA_CHANNEL_SERVICE = CoreConstants.DYNAMIC_KEY5_MEDIA_CHANNEL;
    /** Service type of a recording key. */
    public static final short RECORDING_SERVICE = CoreConstants.DYNAMIC_KEY5_RECORDING;
    /** Service type of a public sharing key. */
    public static final short PUBLIC_SHARING_SERVICE = CoreConstants.DYNAMIC_KEY5_PUBLIC_SHARING;
    /** Service type of an in-channel permission key. */
    public static final short IN_CHANNEL_PERMISSION = CoreConstants.DYNAMIC_KEY5_IN_CHANNEL_PERMISSION;
    /** {@code extra} key holding the in-channel permission. */
    public static final short ALLOW_UPLOAD_IN_CHANNEL = CoreConstants.DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL;

    /** A v5 media channel key. */
    public static String generateMediaChannelKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey5GenerateMediaChannelKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generateMediaChannelKey} with an {@code int} uid read as unsigned. */
    public static String generateMediaChannelKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generateMediaChannelKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

    /** A v5 recording key. */
    public static String generateRecordingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey5GenerateRecordingKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generateRecordingKey} with an {@code int} uid read as unsigned. */
    public static String generateRecordingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generateRecordingKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

    /** A v5 public sharing key. */
    public static String generatePublicSharingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, long uid, int expiredTs) throws Exception {
        return Native.DynamicKey5GeneratePublicSharingKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs));
    }

    /** {@code generatePublicSharingKey} with an {@code int} uid read as unsigned. */
    public static String generatePublicSharingKey(String appID, String appCertificate, String channelName, int unixTs,
            int randomInt, int uid, int expiredTs) throws Exception {
        return generatePublicSharingKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid), expiredTs);
    }

    /** A v5 in-channel permission key; {@code permission} is {@link #noUpload} or {@link #audioVideoUpload}. */
    public static String generateInChannelPermissionKey(String appID, String appCertificate, String channelName,
            int unixTs, int randomInt, long uid, int expiredTs, String permission) throws Exception {
        return Native.DynamicKey5GenerateInChannelPermissionKey(appID, appCertificate, channelName, u32(unixTs), u32(randomInt), uid,
                u32(expiredTs), permission);
    }

    /** {@code generateInChannelPermissionKey} with an {@code int} uid read as unsigned. */
    public static String generateInChannelPermissionKey(String appID, String appCertificate, String channelName,
            int unixTs, int randomInt, int uid, int expiredTs, String permission) throws Exception {
        return generateInChannelPermissionKey(appID, appCertificate, channelName, unixTs, randomInt, u32(uid),
                expiredTs, permission);
    }
}
