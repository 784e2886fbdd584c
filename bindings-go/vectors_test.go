package rtctoken_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey2"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey3"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey4"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey5"
	rtctokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtcTokenBuilder"
	rtmtokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtmTokenBuilder"
	"github.com/rtctoken/rtctoken/bindings-go/SignalingToken"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/apaastokenbuilder"
	"github.com/rtctoken/rtctoken/bindings-go/chatTokenBuilder"
	"github.com/rtctoken/rtctoken/bindings-go/convoaitokenbuilder"
	"github.com/rtctoken/rtctoken/bindings-go/educationtokenbuilder"
	"github.com/rtctoken/rtctoken/bindings-go/fpatokenbuilder"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
	"github.com/rtctoken/rtctoken/bindings-go/rtmtokenbuilder2"
	"github.com/rtctoken/rtctoken/bindings-go/stttokenbuilder"
)

// vectorCase is one case of tests/vectors/*.json.
type vectorCase struct {
	Name     string          `json:"name"`
	Call     string          `json:"call"`
	Args     args            `json:"args"`
	Expected json.RawMessage `json:"expected"`
}

// args reads a case's snake_case arguments.
type args map[string]json.RawMessage

func (a args) str(key string) string {
	var s string
	must(json.Unmarshal(a[key], &s))
	return s
}

func (a args) u32(key string) uint32 {
	var n uint32
	must(json.Unmarshal(a[key], &n))
	return n
}

func (a args) i16(key string) int16 {
	var n int16
	must(json.Unmarshal(a[key], &n))
	return n
}

func (a args) has(key string) bool {
	_, ok := a[key]
	return ok
}

func (a args) stamp() rtctoken.Option {
	return rtctoken.WithStamp(rtctoken.Stamp{IssueTs: a.u32("issue_ts"), Salt: a.u32("salt")})
}

// privileges reads a JSON privilege map (string keys).
func privileges(raw json.RawMessage) map[uint16]uint32 {
	var m map[string]uint32
	must(json.Unmarshal(raw, &m))
	out := make(map[uint16]uint32, len(m))
	for k, v := range m {
		out[key(k)] = v
	}
	return out
}

func permissions(raw json.RawMessage) *accesstoken2.Rtm2Permissions {
	var m map[string]map[string][]string
	must(json.Unmarshal(raw, &m))
	p := accesstoken2.NewRtm2Permissions()
	for resourceType, byPermission := range m {
		for permission, resources := range byPermission {
			p.Add(key(resourceType), key(permission), resources)
		}
	}
	return p
}

func key(s string) uint16 {
	n, err := strconv.ParseUint(s, 10, 16)
	must(err)
	return uint16(n)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// service is one service of a raw access_token2.build case.
func service(a args) accesstoken2.IService {
	var s interface {
		accesstoken2.IService
		AddPrivilege(uint16, uint32)
	}
	switch a.str("type") {
	case "rtc":
		s = accesstoken2.NewServiceRtc(a.str("channel_name"), a.str("uid"))
	case "rtm":
		s = accesstoken2.NewServiceRtm(a.str("user_id"))
	case "streaming":
		s = accesstoken2.NewServiceStreaming(a.str("channel_name"), a.str("account"))
	case "fpa":
		s = accesstoken2.NewServiceFpa()
	case "chat":
		s = accesstoken2.NewServiceChat(a.str("user_id"))
	case "fcdn":
		s = accesstoken2.NewServiceFCdn(a.str("channel_name"), a.str("account"))
	case "apaas":
		s = accesstoken2.NewServiceApaas(a.str("room_uuid"), a.str("user_uuid"), a.i16("role"))
	case "rtm2":
		s = accesstoken2.NewServiceRtm2(a.str("user_id"), permissions(a["permissions"]))
	case "convoai":
		s = accesstoken2.NewServiceConvoAI()
	case "stt":
		s = accesstoken2.NewServiceStt()
	default:
		panic("unknown service type " + a.str("type"))
	}
	for id, expire := range privileges(a["privileges"]) {
		s.AddPrivilege(id, expire)
	}
	return s
}

// build runs one token-making case through the drop-in packages.
func build(c vectorCase) (string, error) {
	a := c.Args
	switch c.Call {
	case "access_token2.build":
		t := accesstoken2.NewAccessTokenWithStamp(a.str("app_id"), a.str("app_certificate"), a.u32("expire"), rtctoken.Stamp{IssueTs: a.u32("issue_ts"), Salt: a.u32("salt")})
		var list []args
		must(json.Unmarshal(a["services"], &list))
		for _, s := range list {
			t.AddService(service(s))
		}
		return t.Build()
	case "rtc_token_builder2.build_token_with_uid":
		return rtctokenbuilder2.BuildTokenWithUid(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.u32("uid"), rtctokenbuilder2.Role(a.u32("role")), a.u32("token_expire"), a.u32("privilege_expire"), a.stamp())
	case "rtc_token_builder2.build_token_with_user_account":
		return rtctokenbuilder2.BuildTokenWithUserAccount(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.str("account"), rtctokenbuilder2.Role(a.u32("role")), a.u32("token_expire"), a.u32("privilege_expire"), a.stamp())
	case "rtc_token_builder2.build_token_with_uid_and_privilege":
		return rtctokenbuilder2.BuildTokenWithUidAndPrivilege(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.u32("uid"), a.u32("token_expire"),
			a.u32("join_channel_privilege_expire"), a.u32("pub_audio_privilege_expire"), a.u32("pub_video_privilege_expire"), a.u32("pub_data_stream_privilege_expire"), a.stamp())
	case "rtc_token_builder2.build_token_with_user_account_and_privilege":
		return rtctokenbuilder2.BuildTokenWithUserAccountAndPrivilege(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.str("account"), a.u32("token_expire"),
			a.u32("join_channel_privilege_expire"), a.u32("pub_audio_privilege_expire"), a.u32("pub_video_privilege_expire"), a.u32("pub_data_stream_privilege_expire"), a.stamp())
	case "rtc_token_builder2.build_token_with_rtm":
		return rtctokenbuilder2.BuildTokenWithRtm(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.str("account"), rtctokenbuilder2.Role(a.u32("role")), a.u32("token_expire"), a.u32("privilege_expire"), a.stamp())
	case "rtc_token_builder2.build_token_with_rtm2", "convoai_token_builder.build_token", "stt_token_builder.build_token":
		f := map[string]func(string, string, string, string, rtctokenbuilder2.Role, uint32, uint32, uint32, uint32, uint32, string, uint32, ...rtctoken.Option) (string, error){
			"rtc_token_builder2.build_token_with_rtm2": rtctokenbuilder2.BuildTokenWithRtm2,
			"convoai_token_builder.build_token":        convoaitokenbuilder.BuildToken,
			"stt_token_builder.build_token":            stttokenbuilder.BuildToken,
		}[c.Call]
		return f(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.str("rtc_account"), rtctokenbuilder2.Role(a.u32("rtc_role")), a.u32("rtc_token_expire"),
			a.u32("join_channel_privilege_expire"), a.u32("pub_audio_privilege_expire"), a.u32("pub_video_privilege_expire"), a.u32("pub_data_stream_privilege_expire"),
			a.str("rtm_user_id"), a.u32("rtm_token_expire"), a.stamp())
	case "rtm_token_builder2.build_token":
		return rtmtokenbuilder2.BuildToken(a.str("app_id"), a.str("app_certificate"), a.str("user_id"), a.u32("expire"), a.stamp())
	case "rtm_token_builder2.build_token_with_permissions":
		return rtmtokenbuilder2.BuildTokenWithPermissions(a.str("app_id"), a.str("app_certificate"), a.str("user_id"), permissions(a["permissions"]), a.u32("expire"), a.stamp())
	case "chat_token_builder2.build_user_token":
		return chatTokenBuilder.BuildChatUserToken(a.str("app_id"), a.str("app_certificate"), a.str("user_id"), a.u32("expire"), a.stamp())
	case "chat_token_builder2.build_app_token":
		return chatTokenBuilder.BuildChatAppToken(a.str("app_id"), a.str("app_certificate"), a.u32("expire"), a.stamp())
	case "education_token_builder2.build_room_user_token":
		return educationtokenbuilder.BuildRoomUserToken(a.str("app_id"), a.str("app_certificate"), a.str("room_uuid"), a.str("user_uuid"), a.i16("role"), a.u32("expire"), a.stamp())
	case "education_token_builder2.build_user_token":
		return educationtokenbuilder.BuildUserToken(a.str("app_id"), a.str("app_certificate"), a.str("user_uuid"), a.u32("expire"), a.stamp())
	case "education_token_builder2.build_app_token":
		return educationtokenbuilder.BuildAppToken(a.str("app_id"), a.str("app_certificate"), a.u32("expire"), a.stamp())
	case "apaas_token_builder.build_room_user_token":
		return apaastokenbuilder.BuildRoomUserToken(a.str("app_id"), a.str("app_certificate"), a.str("room_uuid"), a.str("user_uuid"), a.i16("role"), a.u32("expire"), a.stamp())
	case "apaas_token_builder.build_user_token":
		return apaastokenbuilder.BuildUserToken(a.str("app_id"), a.str("app_certificate"), a.str("user_uuid"), a.u32("expire"), a.stamp())
	case "apaas_token_builder.build_app_token":
		return apaastokenbuilder.BuildAppToken(a.str("app_id"), a.str("app_certificate"), a.u32("expire"), a.stamp())
	case "fpa_token_builder.build_token":
		return fpatokenbuilder.BuildToken(a.str("app_id"), a.str("app_certificate"), a.stamp())
	case "access_token.build":
		t := AccessToken.AccessToken{AppID: a.str("app_id"), AppCertificate: a.str("app_certificate"), ChannelName: a.str("channel_name"),
			UidStr: a.str("uid"), Salt: a.u32("salt"), Ts: a.u32("ts"), Message: privileges(a["privileges"])}
		return t.Build()
	case "rtc_token_builder.build_token_with_uid":
		return rtctokenbuilder.BuildTokenWithUID(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.u32("uid"), rtctokenbuilder.Role(a.u32("role")), a.u32("privilege_expired_ts"), a.stamp())
	case "rtc_token_builder.build_token_with_account":
		return rtctokenbuilder.BuildTokenWithUserAccount(a.str("app_id"), a.str("app_certificate"), a.str("channel_name"), a.str("account"), rtctokenbuilder.Role(a.u32("role")), a.u32("privilege_expired_ts"), a.stamp())
	case "rtm_token_builder.build_token":
		return rtmtokenbuilder.BuildToken(a.str("app_id"), a.str("app_certificate"), a.str("user_account"), rtmtokenbuilder.Role(a.u32("role")), a.u32("privilege_expired_ts"), a.stamp())
	}
	return legacy(c)
}

// legacy runs the DynamicKey and signaling cases, the bare-string function
// and its error-returning twin alike.
func legacy(c vectorCase) (string, error) {
	a := c.Args
	app, cert := a.str("app_id"), a.str("app_certificate")
	switch c.Call {
	case "dynamic_key.generate":
		return same(DynamicKey.Generate(app, cert, a.str("channel_name"), a.u32("unix_ts"), a.u32("random_int")))(
			DynamicKey.GenerateWithError(app, cert, a.str("channel_name"), a.u32("unix_ts"), a.u32("random_int")))
	case "signaling_token.generate":
		return same(SignalingToken.GenerateSignalingToken(a.str("account"), app, cert, a.u32("expired_ts")))(
			SignalingToken.GenerateSignalingTokenWithError(a.str("account"), app, cert, a.u32("expired_ts")))
	}
	ch, ts, r, uid, exp := a.str("channel_name"), a.u32("unix_ts"), a.u32("random_int"), a.u32("uid"), a.u32("expired_ts")
	switch c.Call {
	case "dynamic_key2.generate":
		return same(DynamicKey2.Generate(app, cert, ch, ts, r, uid, exp))(DynamicKey2.GenerateWithError(app, cert, ch, ts, r, uid, exp))
	case "dynamic_key3.generate":
		return same(DynamicKey3.Generate(app, cert, ch, ts, r, uid, exp))(DynamicKey3.GenerateWithError(app, cert, ch, ts, r, uid, exp))
	case "dynamic_key4.generate_media_channel_key":
		return same(DynamicKey4.GenerateMediaChannelKey(app, cert, ch, ts, r, uid, exp))(DynamicKey4.GenerateMediaChannelKeyWithError(app, cert, ch, ts, r, uid, exp))
	case "dynamic_key4.generate_recording_key":
		return same(DynamicKey4.GenerateRecordingKey(app, cert, ch, ts, r, uid, exp))(DynamicKey4.GenerateRecordingKeyWithError(app, cert, ch, ts, r, uid, exp))
	case "dynamic_key4.generate_public_sharing_key":
		return same(DynamicKey4.GeneratePublicSharingKey(app, cert, ch, ts, r, uid, exp))(DynamicKey4.GeneratePublicSharingKeyWithError(app, cert, ch, ts, r, uid, exp))
	case "dynamic_key5.generate_media_channel_key":
		return DynamicKey5.GenerateMediaChannelKey(app, cert, ch, ts, r, uid, exp)
	case "dynamic_key5.generate_recording_key":
		return DynamicKey5.GenerateRecordingKey(app, cert, ch, ts, r, uid, exp)
	case "dynamic_key5.generate_public_sharing_key":
		return DynamicKey5.GeneratePublicSharingKey(app, cert, ch, ts, r, uid, exp)
	case "dynamic_key5.generate_in_channel_permission_key":
		return DynamicKey5.GenerateInChannelPermissionKey(app, cert, ch, ts, r, uid, exp, a.str("permission"))
	}
	return "", fmt.Errorf("no Go call for %q", c.Call)
}

// same checks that a bare-string function agrees with its twin.
func same(bare string) func(string, error) (string, error) {
	return func(key string, err error) (string, error) {
		if bare != key {
			return "", fmt.Errorf("bare %q but twin %q", bare, key)
		}
		return key, err
	}
}

func load(t testing.TB, file string) []vectorCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "tests", "vectors", file))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []vectorCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Cases
}

// kindOf is the vector name of err's kind, checked against its sentinel.
func kindOf(t *testing.T, err error) string {
	var e *rtctoken.Error
	if !errors.As(err, &e) {
		t.Fatalf("not an *rtctoken.Error: %v", err)
	}
	if !errors.Is(err, &rtctoken.Error{Kind: e.Kind}) {
		t.Fatalf("errors.Is fails for its own kind: %v", err)
	}
	return e.Kind.String()
}

func TestTokenVectors(t *testing.T) {
	total := 0
	for _, file := range []string{"legacy.json", "access_token_006.json", "access_token2_007.json"} {
		for _, c := range load(t, file) {
			var want string
			must(json.Unmarshal(c.Expected, &want))
			got, err := build(c)
			if err != nil || got != want {
				t.Errorf("%s %s: got %q, %v; want %q", file, c.Name, got, err, want)
			}
			total++
		}
	}
	if total != 1473 {
		t.Errorf("replayed %d token cases, want 1473", total)
	}
}

func TestParseVectors(t *testing.T) {
	for _, c := range load(t, "parse.json") {
		text, err := rtctoken.ParseJSON(c.Args.str("token"))
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		var got, want any
		must(json.Unmarshal([]byte(text), &got))
		must(json.Unmarshal(c.Expected, &want))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %s, want %s", c.Name, text, c.Expected)
		}
	}
}

func TestErrorVectors(t *testing.T) {
	for _, c := range load(t, "errors.json") {
		var want struct {
			Error string `json:"error"`
			Valid *bool  `json:"valid"`
		}
		must(json.Unmarshal(c.Expected, &want))
		var err error
		switch c.Call {
		case "parse":
			_, err = rtctoken.ParseJSON(c.Args.str("token"))
		case "verify":
			var opts []rtctoken.Option
			if c.Args.has("channel_name") {
				opts = append(opts, rtctoken.WithChannelName(c.Args.str("channel_name")), rtctoken.WithUid(c.Args.str("uid")))
			}
			var result rtctoken.Verification
			result, err = rtctoken.Verify(c.Args.str("token"), []string{c.Args.str("app_certificate")}, opts...)
			if err == nil && result.Valid != *want.Valid {
				t.Errorf("%s: valid %v, want %v", c.Name, result.Valid, *want.Valid)
			}
		default:
			_, err = build(c)
		}
		if want.Error == "" {
			if err != nil {
				t.Errorf("%s: %v", c.Name, err)
			}
		} else if err == nil || kindOf(t, err) != want.Error {
			t.Errorf("%s: got %v, want kind %s", c.Name, err, want.Error)
		}
	}
}
