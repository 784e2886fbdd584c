package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtctoken.apaas.ApaasTokenBuilder;
import io.rtctoken.chat.ChatTokenBuilder2;
import io.rtctoken.education.EducationTokenBuilder2;
import io.rtctoken.media.AccessToken;
import io.rtctoken.media.AccessToken2;
import io.rtctoken.media.ConvoAITokenBuilder;
import io.rtctoken.media.DynamicKey;
import io.rtctoken.media.DynamicKey2;
import io.rtctoken.media.DynamicKey3;
import io.rtctoken.media.DynamicKey4;
import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.FpaTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder;
import io.rtctoken.media.RtcTokenBuilder2;
import io.rtctoken.media.SttTokenBuilder;
import io.rtctoken.rtm.RtmTokenBuilder;
import io.rtctoken.rtm.RtmTokenBuilder2;
import io.rtctoken.signal.SignalingToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays every case of tests/vectors/*.json (the public reference's
 * outputs) through the public Java API; a call this dispatcher does not know
 * fails the test.
 */
class VectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case's arguments, read the way the Java API takes them. */
    private static final class Args {
        private final JsonNode a;

        Args(JsonNode a) {
            this.a = a;
        }

        String s(String k) {
            JsonNode v = a.get(k);
            if (v == null || !v.isTextual()) {
                throw new AssertionError("arg " + k + " is not a string");
            }
            return v.asText();
        }

        String opt(String k) {
            JsonNode v = a.get(k);
            return v == null || v.isNull() ? null : v.asText();
        }

        /** An unsigned 32-bit argument as the vendor's int (same bits). */
        int i(String k) {
            return (int) l(k);
        }

        long l(String k) {
            JsonNode v = a.get(k);
            if (v == null || !v.canConvertToLong()) {
                throw new AssertionError("arg " + k + " is not an integer");
            }
            return v.asLong();
        }

        Stamp stamp() {
            return Stamp.of(l("issue_ts"), l("salt"));
        }

        JsonNode node(String k) {
            return a.get(k);
        }
    }

    static JsonNode cases(String file) throws IOException {
        java.io.File f = new java.io.File(System.getProperty("rtctoken.vectors", "../tests/vectors"), file);
        JsonNode cases = JSON.readTree(f).get("cases");
        assertTrue(cases != null && cases.size() > 0, file + " has no cases");
        return cases;
    }

    static RtcTokenBuilder2.Role role2(int role) {
        switch (role) {
            case 1:
                return RtcTokenBuilder2.Role.ROLE_PUBLISHER;
            case 2:
                return RtcTokenBuilder2.Role.ROLE_SUBSCRIBER;
            default:
                throw new AssertionError("no RtcTokenBuilder2.Role " + role);
        }
    }

    static RtcTokenBuilder.Role role006(int role) {
        for (RtcTokenBuilder.Role r : RtcTokenBuilder.Role.values()) {
            if (r.initValue == role) {
                return r;
            }
        }
        throw new AssertionError("no RtcTokenBuilder.Role " + role);
    }

    static RtmTokenBuilder.Role roleRtm(int role) {
        if (role != 1) {
            throw new AssertionError("no RtmTokenBuilder.Role " + role);
        }
        return RtmTokenBuilder.Role.Rtm_User;
    }

    static AccessToken2.ServiceRtm2.Permissions permissions(JsonNode p) {
        AccessToken2.ServiceRtm2.Permissions out = new AccessToken2.ServiceRtm2.Permissions();
        for (Map.Entry<String, JsonNode> type : p.properties()) {
            for (Map.Entry<String, JsonNode> perm : type.getValue().properties()) {
                List<String> resources = new ArrayList<>();
                perm.getValue().forEach(r -> resources.add(r.asText()));
                out.add(Short.parseShort(type.getKey()), Short.parseShort(perm.getKey()), resources);
            }
        }
        return out;
    }

    static AccessToken2.Service service(JsonNode v) {
        Args s = new Args(v);
        AccessToken2.Service svc;
        switch (s.s("type")) {
            case "rtc":
                svc = new AccessToken2.ServiceRtc(s.s("channel_name"), s.s("uid"));
                break;
            case "rtm":
                svc = new AccessToken2.ServiceRtm(s.s("user_id"));
                break;
            case "streaming":
                svc = new AccessToken2.ServiceStreaming(s.s("channel_name"), s.s("account"));
                break;
            case "fpa":
                svc = new AccessToken2.ServiceFpa();
                break;
            case "chat":
                svc = new AccessToken2.ServiceChat(s.s("user_id"));
                break;
            case "fcdn":
                svc = new AccessToken2.ServiceFCdn(s.s("channel_name"), s.s("account"));
                break;
            case "apaas":
                svc = new AccessToken2.ServiceApaas(s.s("room_uuid"), s.s("user_uuid"), (short) s.l("role"));
                break;
            case "rtm2":
                svc = new AccessToken2.ServiceRtm2(s.s("user_id"), permissions(v.get("permissions")));
                break;
            case "convoai":
                svc = new AccessToken2.ServiceConvoAI();
                break;
            case "stt":
                svc = new AccessToken2.ServiceStt();
                break;
            default:
                throw new AssertionError("unknown service type " + s.s("type"));
        }
        for (Map.Entry<String, JsonNode> e : v.get("privileges").properties()) {
            svc.privileges.put(Short.parseShort(e.getKey()), (int) e.getValue().asLong());
        }
        return svc;
    }

    /** Runs one case; the result is compared with {@code expected}. */
    static JsonNode run(String call, Args a) throws Exception {
        String id = a.opt("app_id");
        String cert = a.opt("app_certificate");
        String token;
        switch (call) {
            case "dynamic_key.generate":
                token = DynamicKey.generate(id, cert, a.s("channel_name"), a.i("unix_ts"), a.i("random_int"));
                break;
            case "dynamic_key2.generate":
                token = DynamicKey2.generate(id, cert, a.s("channel_name"), a.i("unix_ts"), a.i("random_int"),
                        a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key3.generate":
                token = DynamicKey3.generate(id, cert, a.s("channel_name"), a.i("unix_ts"), a.i("random_int"),
                        a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key4.generate_media_channel_key":
                token = DynamicKey4.generateMediaChannelKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key4.generate_recording_key":
                token = DynamicKey4.generateRecordingKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key4.generate_public_sharing_key":
                token = DynamicKey4.generatePublicSharingKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key5.generate_media_channel_key":
                token = DynamicKey5.generateMediaChannelKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key5.generate_recording_key":
                token = DynamicKey5.generateRecordingKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key5.generate_public_sharing_key":
                token = DynamicKey5.generatePublicSharingKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"));
                break;
            case "dynamic_key5.generate_in_channel_permission_key":
                token = DynamicKey5.generateInChannelPermissionKey(id, cert, a.s("channel_name"), a.i("unix_ts"),
                        a.i("random_int"), a.l("uid"), a.i("expired_ts"), a.s("permission"));
                break;
            case "signaling_token.generate":
                token = SignalingToken.getToken(id, cert, a.s("account"), a.i("expired_ts"));
                break;
            case "access_token.build": {
                AccessToken t = new AccessToken(id, cert, a.s("channel_name"), a.s("uid"));
                t.message.salt = a.i("salt");
                t.message.ts = a.i("ts");
                for (Map.Entry<String, JsonNode> e : a.node("privileges").properties()) {
                    t.message.messages.put(Short.parseShort(e.getKey()), (int) e.getValue().asLong());
                }
                token = t.build();
                break;
            }
            case "rtc_token_builder.build_token_with_uid":
                token = new RtcTokenBuilder().buildTokenWithUid(id, cert, a.s("channel_name"), a.l("uid"),
                        role006(a.i("role")), a.i("privilege_expired_ts"), a.stamp());
                break;
            case "rtc_token_builder.build_token_with_account":
                token = new RtcTokenBuilder().buildTokenWithUserAccount(id, cert, a.s("channel_name"),
                        a.s("account"), role006(a.i("role")), a.i("privilege_expired_ts"), a.stamp());
                break;
            case "rtm_token_builder.build_token":
                token = new RtmTokenBuilder().buildToken(id, cert, a.s("user_account"), roleRtm(a.i("role")),
                        a.i("privilege_expired_ts"), a.stamp());
                break;
            case "access_token2.build": {
                AccessToken2 t = new AccessToken2(id, cert, a.i("expire"));
                t.issueTs = a.i("issue_ts");
                t.salt = a.i("salt");
                for (JsonNode s : a.node("services")) {
                    t.appendService(service(s));
                }
                token = t.build();
                break;
            }
            case "rtc_token_builder2.build_token_with_uid":
                token = new RtcTokenBuilder2().buildTokenWithUid(id, cert, a.s("channel_name"), a.l("uid"),
                        role2(a.i("role")), a.i("token_expire"), a.i("privilege_expire"), a.stamp());
                break;
            case "rtc_token_builder2.build_token_with_user_account":
                token = new RtcTokenBuilder2().buildTokenWithUserAccount(id, cert, a.s("channel_name"),
                        a.s("account"), role2(a.i("role")), a.i("token_expire"), a.i("privilege_expire"),
                        a.stamp());
                break;
            case "rtc_token_builder2.build_token_with_uid_and_privilege":
                token = new RtcTokenBuilder2().buildTokenWithUid(id, cert, a.s("channel_name"), a.l("uid"),
                        a.i("token_expire"), a.i("join_channel_privilege_expire"),
                        a.i("pub_audio_privilege_expire"), a.i("pub_video_privilege_expire"),
                        a.i("pub_data_stream_privilege_expire"), a.stamp());
                break;
            case "rtc_token_builder2.build_token_with_user_account_and_privilege":
                token = new RtcTokenBuilder2().buildTokenWithUserAccount(id, cert, a.s("channel_name"),
                        a.s("account"), a.i("token_expire"), a.i("join_channel_privilege_expire"),
                        a.i("pub_audio_privilege_expire"), a.i("pub_video_privilege_expire"),
                        a.i("pub_data_stream_privilege_expire"), a.stamp());
                break;
            case "rtc_token_builder2.build_token_with_rtm":
                token = new RtcTokenBuilder2().buildTokenWithRtm(id, cert, a.s("channel_name"), a.s("account"),
                        role2(a.i("role")), a.i("token_expire"), a.i("privilege_expire"), a.stamp());
                break;
            case "rtc_token_builder2.build_token_with_rtm2":
                token = new RtcTokenBuilder2().buildTokenWithRtm2(id, cert, a.s("channel_name"),
                        a.s("rtc_account"), role2(a.i("rtc_role")), a.i("rtc_token_expire"),
                        a.i("join_channel_privilege_expire"), a.i("pub_audio_privilege_expire"),
                        a.i("pub_video_privilege_expire"), a.i("pub_data_stream_privilege_expire"),
                        a.s("rtm_user_id"), a.i("rtm_token_expire"), a.stamp());
                break;
            case "convoai_token_builder.build_token":
                token = ConvoAITokenBuilder.buildToken(id, cert, a.s("channel_name"), a.s("rtc_account"),
                        role2(a.i("rtc_role")), a.i("rtc_token_expire"), a.i("join_channel_privilege_expire"),
                        a.i("pub_audio_privilege_expire"), a.i("pub_video_privilege_expire"),
                        a.i("pub_data_stream_privilege_expire"), a.s("rtm_user_id"), a.i("rtm_token_expire"),
                        a.stamp());
                break;
            case "stt_token_builder.build_token":
                token = SttTokenBuilder.buildToken(id, cert, a.s("channel_name"), a.s("rtc_account"),
                        role2(a.i("rtc_role")), a.i("rtc_token_expire"), a.i("join_channel_privilege_expire"),
                        a.i("pub_audio_privilege_expire"), a.i("pub_video_privilege_expire"),
                        a.i("pub_data_stream_privilege_expire"), a.s("rtm_user_id"), a.i("rtm_token_expire"),
                        a.stamp());
                break;
            case "rtm_token_builder2.build_token":
                token = new RtmTokenBuilder2().buildToken(id, cert, a.s("user_id"), a.i("expire"), a.stamp());
                break;
            case "rtm_token_builder2.build_token_with_permissions":
                token = new RtmTokenBuilder2().buildTokenWithPermissions(id, cert, a.s("user_id"),
                        permissions(a.node("permissions")), a.i("expire"), a.stamp());
                break;
            case "chat_token_builder2.build_user_token":
                token = new ChatTokenBuilder2().buildUserToken(id, cert, a.s("user_id"), a.i("expire"), a.stamp());
                break;
            case "chat_token_builder2.build_app_token":
                token = new ChatTokenBuilder2().buildAppToken(id, cert, a.i("expire"), a.stamp());
                break;
            case "education_token_builder2.build_room_user_token":
                token = new EducationTokenBuilder2().buildRoomUserToken(id, cert, a.s("room_uuid"),
                        a.s("user_uuid"), (short) a.l("role"), a.i("expire"), a.stamp());
                break;
            case "education_token_builder2.build_user_token":
                token = new EducationTokenBuilder2().buildUserToken(id, cert, a.s("user_uuid"), a.i("expire"),
                        a.stamp());
                break;
            case "education_token_builder2.build_app_token":
                token = new EducationTokenBuilder2().buildAppToken(id, cert, a.i("expire"), a.stamp());
                break;
            case "apaas_token_builder.build_room_user_token":
                token = new ApaasTokenBuilder().buildRoomUserToken(id, cert, a.s("room_uuid"), a.s("user_uuid"),
                        (short) a.l("role"), a.i("expire"), a.stamp());
                break;
            case "apaas_token_builder.build_user_token":
                token = new ApaasTokenBuilder().buildUserToken(id, cert, a.s("user_uuid"), a.i("expire"),
                        a.stamp());
                break;
            case "apaas_token_builder.build_app_token":
                token = new ApaasTokenBuilder().buildAppToken(id, cert, a.i("expire"), a.stamp());
                break;
            case "fpa_token_builder.build_token":
                token = new FpaTokenBuilder().buildToken(id, cert, a.stamp());
                break;
            case "parse":
                return JSON.readTree(TokenParser.parse(a.s("token")).toJson());
            case "verify": {
                Verification v = TokenParser.verify(a.s("token"), a.s("app_certificate"), a.opt("channel_name"),
                        a.opt("uid"));
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("valid", v.isValid());
                return o;
            }
            default:
                throw new AssertionError("the harness does not know the call " + call);
        }
        assertFalse(token.isEmpty(), "a builder returned an empty string");
        return JsonNodeFactory.instance.textNode(token);
    }

    static void replay(String file) throws Exception {
        JsonNode cases = cases(file);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            String call = c.get("call").asText();
            JsonNode expected = c.get("expected");
            JsonNode got;
            try {
                got = run(call, new Args(c.get("args")));
            } catch (TokenException e) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("error", e.kind().wireName());
                got = o;
            }
            if (!expected.equals(got)) {
                failures.add(name + " (" + call + "):\n  expected " + expected + "\n  got      " + got);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
        }
    }

    @Test
    void legacy() throws Exception {
        replay("legacy.json");
    }

    @Test
    void accessToken006() throws Exception {
        replay("access_token_006.json");
    }

    @Test
    void accessToken2007() throws Exception {
        replay("access_token2_007.json");
    }

    @Test
    void parse() throws Exception {
        replay("parse.json");
    }

    @Test
    void errors() throws Exception {
        replay("errors.json");
    }

    @Test
    void unknownCallFails() {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> run("no_such.call", new Args(JsonNodeFactory.instance.objectNode())));
        assertEquals("the harness does not know the call no_such.call", e.getMessage());
    }
}
