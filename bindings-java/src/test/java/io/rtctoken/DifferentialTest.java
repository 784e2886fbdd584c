package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same random inputs through io.rtctoken and the vendor's
 * io.agora:authentication:2.1.3 give the same bytes (where 2.1.3 lets the
 * caller fix the issue time and salt, and within the values its signed
 * {@code int}s handle: uids and times below 2^31).
 */
class DifferentialTest {
    private static final int ROUNDS = 200;
    private static final String ALPHABET = "abcXYZ019_-.:/ \u00e9\u7528\u6237\ud83d\ude00";

    private final Random random = new Random(20261123L);

    private String hex() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
        }
        return sb.toString();
    }

    private String text(int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        while (sb.length() < n) {
            int i = random.nextInt(ALPHABET.length() - 1);
            sb.append(ALPHABET.charAt(i));
            if (Character.isHighSurrogate(ALPHABET.charAt(i))) {
                sb.append(ALPHABET.charAt(i + 1));
            }
        }
        return sb.toString();
    }

    private int positive() {
        return random.nextInt(Integer.MAX_VALUE);
    }

    @Test
    void accessToken2MatchesVendor() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = hex();
            String cert = hex();
            int expire = positive();
            int issueTs = positive();
            int salt = positive();
            String channel = text(40);
            String uid = text(20);
            String user = text(20);
            int e1 = positive();
            int e2 = positive();

            io.agora.media.AccessToken2 theirs = new io.agora.media.AccessToken2(id, cert, expire);
            theirs.issueTs = issueTs;
            theirs.salt = salt;
            io.agora.media.AccessToken2.ServiceRtc rtc = new io.agora.media.AccessToken2.ServiceRtc(channel, uid);
            rtc.addPrivilegeRtc(io.agora.media.AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, e1);
            rtc.addPrivilegeRtc(io.agora.media.AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM, e2);
            theirs.addService(rtc);
            io.agora.media.AccessToken2.ServiceRtm rtm = new io.agora.media.AccessToken2.ServiceRtm(user);
            rtm.addPrivilegeRtm(io.agora.media.AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, e1);
            theirs.addService(rtm);

            io.rtctoken.media.AccessToken2 ours = new io.rtctoken.media.AccessToken2(id, cert, expire);
            ours.issueTs = issueTs;
            ours.salt = salt;
            io.rtctoken.media.AccessToken2.ServiceRtc rtc2 = new io.rtctoken.media.AccessToken2.ServiceRtc(channel,
                    uid);
            rtc2.addPrivilegeRtc(io.rtctoken.media.AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, e1);
            rtc2.addPrivilegeRtc(io.rtctoken.media.AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM, e2);
            ours.addService(rtc2);
            io.rtctoken.media.AccessToken2.ServiceRtm rtm2 = new io.rtctoken.media.AccessToken2.ServiceRtm(user);
            rtm2.addPrivilegeRtm(io.rtctoken.media.AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, e1);
            ours.addService(rtm2);

            assertEquals(theirs.build(), ours.build(), "round " + round);
        }
    }

    @Test
    void accessToken006MatchesVendor() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = hex();
            String cert = hex();
            String channel = text(40);
            String uid = text(20);
            int salt = positive();
            int ts = positive();
            int expire = positive();

            io.agora.media.AccessToken theirs = new io.agora.media.AccessToken(id, cert, channel, uid);
            theirs.message.salt = salt;
            theirs.message.ts = ts;
            theirs.addPrivilege(io.agora.media.AccessToken.Privileges.kJoinChannel, expire);
            theirs.addPrivilege(io.agora.media.AccessToken.Privileges.kRtmLogin, expire);

            io.rtctoken.media.AccessToken ours = new io.rtctoken.media.AccessToken(id, cert, channel, uid);
            ours.message.salt = salt;
            ours.message.ts = ts;
            ours.addPrivilege(io.rtctoken.media.AccessToken.Privileges.kJoinChannel, expire);
            ours.addPrivilege(io.rtctoken.media.AccessToken.Privileges.kRtmLogin, expire);

            assertEquals(theirs.build(), ours.build(), "round " + round);
        }
    }

    @Test
    void dynamicKeysAndSignalingMatchVendor() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = hex().toLowerCase();
            String cert = hex().toLowerCase();
            String channel = text(30).replaceAll("[^\\x20-\\x7e]", "x");
            int ts = positive();
            int rnd = random.nextInt();
            long uid = positive();
            int expired = positive();
            assertEquals(io.agora.media.DynamicKey.generate(id, cert, channel, ts, rnd),
                    io.rtctoken.media.DynamicKey.generate(id, cert, channel, ts, rnd));
            assertEquals(io.agora.media.DynamicKey3.generate(id, cert, channel, ts, rnd, uid, expired),
                    io.rtctoken.media.DynamicKey3.generate(id, cert, channel, ts, rnd, uid, expired));
            assertEquals(io.agora.media.DynamicKey4.generateRecordingKey(id, cert, channel, ts, rnd, uid, expired),
                    io.rtctoken.media.DynamicKey4.generateRecordingKey(id, cert, channel, ts, rnd, uid, expired));
            assertEquals(io.agora.media.DynamicKey5.generateMediaChannelKey(id, cert, channel, ts, rnd, uid, expired),
                    io.rtctoken.media.DynamicKey5.generateMediaChannelKey(id, cert, channel, ts, rnd, uid, expired));
            assertEquals(io.agora.media.DynamicKey5.generateInChannelPermissionKey(id, cert, channel, ts, rnd, uid,
                    expired, io.agora.media.DynamicKey5.audioVideoUpload),
                    io.rtctoken.media.DynamicKey5.generateInChannelPermissionKey(id, cert, channel, ts, rnd, uid,
                            expired, io.rtctoken.media.DynamicKey5.audioVideoUpload));
            assertEquals(io.agora.signal.SignalingToken.getToken(id, cert, channel, expired),
                    io.rtctoken.signal.SignalingToken.getToken(id, cert, channel, expired));
        }
    }
}
