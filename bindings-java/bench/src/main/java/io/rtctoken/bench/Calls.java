package io.rtctoken.bench;

import io.rtctoken.Stamp;
import io.rtctoken.TokenParser;
import io.rtctoken.internal.Native;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.RtcTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.signal.SignalingToken;

/**
 * The calls {@link Crossing} times through the public API, each with the
 * core call it makes. {@link Crossing} loads this class once per jar (this
 * build, and optionally an older one), so every jar runs the same loops.
 */
public final class Calls {
    static final String APP_ID = "970CA35DE60C44645BBAE8A215061B33";
    static final String CERT = "5CFD2FD1755D40ECB72977518BE15D3B";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final long UID = 2882341273L;
    static final Stamp STAMP = Stamp.of(1_700_000_000L, 12345);
    static final String FIXED = "\"issue_ts\": 1700000000, \"salt\": 12345";
    static final RtcTokenBuilder RTC006 = new RtcTokenBuilder();
    static final RtcTokenBuilder2 RTC007 = new RtcTokenBuilder2();
    static final String TOKEN_006 = RTC006.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
            RtcTokenBuilder.Role.Role_Publisher, 1446455471, STAMP);
    static final String TOKEN_007 = RTC007.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
            RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600, STAMP);

    /** Filled again on every 006 parse (the vendor's class has no empty constructor). */
    private static final AccessToken PARSED_006 = new AccessToken(APP_ID, CERT, CHANNEL, "");

    private static final AccessToken RAW_006 = new AccessToken(APP_ID, CERT, CHANNEL, String.valueOf(UID));
    private static final AccessToken2 RAW_007 = new AccessToken2(APP_ID, CERT, 600);

    static {
        RAW_006.message.salt = 1;
        RAW_006.message.ts = 1111111;
        RAW_006.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
        RAW_007.issueTs = 1111111;
        RAW_007.salt = 1;
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(CHANNEL, String.valueOf(UID));
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        RAW_007.addService(rtc);
    }

    private static final String K = "\"app_id\": \"" + APP_ID + "\", \"app_certificate\": \"" + CERT
            + "\", \"channel_name\": \"" + CHANNEL + "\"";
    private static final String K006 = "{" + K + ", \"uid\": " + UID + ", \"role\": 1, \"privilege_expired_ts\": 1446455471";
    private static final String K007 = "{" + K + ", \"uid\": " + UID + ", \"role\": 1, \"token_expire\": 3600, "
            + "\"privilege_expire\": 3600";
    private static final String KEY5 = "{" + K + ", \"unix_ts\": 1446455472, \"random_int\": 58964981, \"uid\": "
            + UID + ", \"expired_ts\": 1446455471}";

    /** Label, the core call it makes, and that call's arguments for {@link CoreLoop#run}. */
    public static final String[][] CASES = {
        {"006 RTC build, `RtcTokenBuilder.buildTokenWithUid` (facade)", "rtc_token_builder.build_token_with_uid",
            K006 + "}"},
        {"007 RTC build, `RtcTokenBuilder2.buildTokenWithUid` (facade)", "rtc_token_builder2.build_token_with_uid",
            K007 + "}"},
        {"007 RTC build, facade with a fixed `Stamp`", "rtc_token_builder2.build_token_with_uid",
            K007 + ", " + FIXED + "}"},
        {"007 RTC build, the generated `Native` export, fixed stamp", "rtc_token_builder2.build_token_with_uid",
            K007 + ", " + FIXED + "}"},
        {"DynamicKey5 media channel key (facade)", "dynamic_key5.generate_media_channel_key", KEY5},
        {"signaling token, `SignalingToken.getToken` (facade)", "signaling_token.generate",
            "{\"account\": \"alice\", \"app_id\": \"" + APP_ID + "\", \"app_certificate\": \"" + CERT
                + "\", \"expired_ts\": 1446455471}"},
        {"parse, `TokenParser.parse` (version, app ID)", "parse", "{\"token\": \"" + TOKEN_007 + "\"}"},
        {"007 parse, `AccessToken2.parse` (typed objects)", "parse", "{\"token\": \"" + TOKEN_007 + "\"}"},
        {"006 parse, `AccessToken.fromString` (typed object)", "parse", "{\"token\": \"" + TOKEN_006 + "\"}"},
        {"007 verify, `TokenParser.verify`", "verify",
            "{\"token\": \"" + TOKEN_007 + "\", \"app_certificate\": \"" + CERT + "\"}"},
        {"006 raw build, `AccessToken.build` (a privilege map)", "access_token.build",
            "{" + K + ", \"uid\": \"" + UID + "\", \"salt\": 1, \"ts\": 1111111, \"privileges\": {\"1\": 1446455471}}"},
        {"007 raw build, `AccessToken2.build` (one RTC service)", "access_token2.build",
            "{\"app_id\": \"" + APP_ID + "\", \"app_certificate\": \"" + CERT + "\", \"expire\": 600, "
                + "\"services\": [{\"type\": \"rtc\", \"channel_name\": \"" + CHANNEL + "\", \"uid\": \"" + UID
                + "\", \"privileges\": {\"1\": 600}}], \"issue_ts\": 1111111, \"salt\": 1}"},
    };

    private Calls() {
    }

    /** Runs case {@code which} {@code rounds} times; returns a checksum so nothing is optimised away. */
    public static long loop(int which, int rounds) throws Exception {
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            sum += once(which);
        }
        return sum;
    }

    private static int once(int which) throws Exception {
        switch (which) {
            case 0:
                return RTC006.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder.Role.Role_Publisher,
                        1446455471).length();
            case 1:
                return RTC007.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        3600, 3600).length();
            case 2:
                return RTC007.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        3600, 3600, STAMP).length();
            case 3:
                return Native.RtcTokenBuilder2BuildTokenWithUid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600,
                        1_700_000_000L, 12345).length();
            case 4:
                return DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, 1446455472, 58964981, UID,
                        1446455471).length();
            case 5:
                return SignalingToken.getToken(APP_ID, CERT, "alice", 1446455471).length();
            case 6:
                return TokenParser.parse(TOKEN_007).appId().length();
            case 7: {
                AccessToken2 t = new AccessToken2();
                return t.parse(TOKEN_007) ? t.services.size() : -1;
            }
            case 8:
                return PARSED_006.fromString(TOKEN_006) ? PARSED_006.message.messages.size() : -1;
            case 9:
                return TokenParser.verify(TOKEN_007, CERT).isValid() ? 1 : 0;
            case 10:
                return RAW_006.build().length();
            case 11:
                return RAW_007.build().length();
            default:
                throw new IllegalArgumentException("no case " + which);
        }
    }
}
