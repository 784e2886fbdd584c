package io.rtctoken.media;

import static io.rtctoken.internal.Args.falseIfRefused;
import static io.rtctoken.internal.Args.u32;
import static io.rtctoken.internal.Args.pairs;

import io.rtctoken.internal.Certificates;
import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Native;
import io.rtctoken.internal.Record;
import java.util.TreeMap;

/**
 * A raw AccessToken "006", field by field: the vendor's {@code AccessToken}.
 * The constructor picks the salt and a 24-hour token expiry; tests may
 * overwrite {@code message.salt} and {@code message.ts} before
 * {@link #build()}. Privilege expiries are absolute Unix times (0 = none).
 *
 * <p>The certificate is not a field (the vendor's public
 * {@code appCertificate}): it is held where no dump of this object
 * (reflection, Jackson) reaches it. The constructor or
 * {@link #setAppCertificate} sets it; nothing reads it back.
 */
public class AccessToken {
    /** The 006 privileges and their ids. */
    public enum Privileges {
        /** Join a channel. */
        kJoinChannel(ServiceIds.V006_JOIN_CHANNEL),
        /** Publish an audio stream. */
        kPublishAudioStream(ServiceIds.V006_PUBLISH_AUDIO_STREAM),
        /** Publish a video stream. */
        kPublishVideoStream(ServiceIds.V006_PUBLISH_VIDEO_STREAM),
        /** Publish a data stream. */
        kPublishDataStream(ServiceIds.V006_PUBLISH_DATA_STREAM),
        /** Log in to RTM. */
        kRtmLogin(ServiceIds.V006_RTM_LOGIN);

        /** The privilege id written in the token. */
        public short intValue;

        Privileges(int value) {
            intValue = (short) value;
        }
    }

    /** The signed message: salt, token expiry and privileges (values are unsigned bits). */
    public static class PrivilegeMessage {
        /** Salt. */
        public int salt;
        /** The token's own expiry (absolute Unix time). */
        public int ts;
        /** Privilege id to absolute expiry. */
        public TreeMap<Short, Integer> messages = new TreeMap<>();
    }

    /** The app ID. */
    public String appId;
    /** The channel, or for RTM tokens the user account. */
    public String channelName;
    /** The uid as text ("" for uid 0) or an account. */
    public String uid;
    /** After {@link #fromString}: the HMAC-SHA256 signature. */
    public byte[] signature;
    /** After {@link #fromString}: CRC-32 of the channel name (the name itself is not carried). */
    public int crcChannelName;
    /** After {@link #fromString}: CRC-32 of the uid text. */
    public int crcUid;
    /** Salt, expiry and privileges. */
    public PrivilegeMessage message = new PrivilegeMessage();

    /** A token for {@code uid} in {@code channelName} with a fresh salt, living 24 hours. */
    public AccessToken(String appId, String appCertificate, String channelName, String uid) {
        this.appId = appId;
        Certificates.put(this, appCertificate);
        this.channelName = channelName;
        this.uid = uid;
        long[] stamp = Native.freshStamp();
        this.message.salt = (int) stamp[1];
        this.message.ts = (int) stamp[2];
    }

    /** Sets the certificate {@link #build()} signs with (the vendor's {@code appCertificate = ...}). */
    public void setAppCertificate(String appCertificate) {
        Certificates.put(this, appCertificate);
    }

    /**
     * The token string.
     *
     * @throws Exception declared as the vendor does; only {@link io.rtctoken.TokenException} is thrown
     */
    public String build() throws Exception {
        return Native.AccessTokenBuild(appId, Certificates.of(this), channelName, uid, u32(message.salt), u32(message.ts),
                pairs(message.messages));
    }

    /** Grants {@code privilege} until {@code expireTimestamp} (absolute Unix time, 0 = none). */
    public void addPrivilege(Privileges privilege, int expireTimestamp) {
        message.messages.put(privilege.intValue, expireTimestamp);
    }

    /** "006" (the core's prefix). */
    public static String getVersion() {
        return CoreConstants.ACCESS_TOKEN_VERSION;
    }

    /**
     * Reads a 006 token into {@link #appId}, {@link #signature}, the CRCs and
     * {@link #message}; false, as the vendor's, for anything else: another
     * version, a damaged token, {@code null}.
     */
    public boolean fromString(String token) {
        return falseIfRefused(() -> fill(Native.parse006(token)));
    }

    /** Reads the native parser's {@link Record} of a 006 token; false for none (another version). */
    private boolean fill(Record r) {
        if (r == null) {
            return false;
        }
        this.appId = r.text();
        this.signature = r.bytes();
        this.crcChannelName = r.i32();
        this.crcUid = r.i32();
        this.message = new PrivilegeMessage();
        this.message.salt = r.i32();
        this.message.ts = r.i32();
        for (int n = r.i32(); n > 0; n--) {
            this.message.messages.put((short) r.i32(), r.i32());
        }
        return true;
    }
}
