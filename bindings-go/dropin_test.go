package rtctoken_test

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	rtctokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtcTokenBuilder"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
)

// The reference structs read back every 007 and 006 parse vector.
func TestDropInParsersReadTheParseVectors(t *testing.T) {
	var n007, n006 int
	for _, c := range load(t, "parse.json") {
		var want map[string]any
		must(json.Unmarshal(c.Expected, &want))
		token := c.Args.str("token")
		switch want["version"] {
		case "007":
			var got accesstoken2.AccessToken
			if ok, err := got.Parse(token); !ok || err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			if got.AppId != want["app_id"] || float64(got.IssueTs) != want["issue_ts"] || float64(got.Expire) != want["expire"] || float64(got.Salt) != want["salt"] {
				t.Errorf("%s: header %+v", c.Name, got)
			}
			services := want["services"].([]any)
			if len(got.Services) != len(services) {
				t.Errorf("%s: %d services, want %d", c.Name, len(got.Services), len(services))
			}
			if c.Args.has("app_certificate") {
				if ok, err := got.VerifySignature(c.Args.str("app_certificate")); !ok || err != nil {
					t.Errorf("%s: signature %v %v", c.Name, ok, err)
				}
			}
			n007++
		case "006":
			var got AccessToken.AccessToken
			if !got.FromString(token) {
				t.Fatalf("%s: FromString failed", c.Name)
			}
			privileges := map[string]any{}
			for id, expire := range got.Message {
				privileges[strconv.Itoa(int(id))] = float64(expire)
			}
			if float64(got.Salt) != want["salt"] || float64(got.Ts) != want["ts"] || float64(got.CrcUid) != want["crc_uid"] ||
				float64(got.CrcChannelName) != want["crc_channel_name"] || !reflect.DeepEqual(privileges, want["privileges"]) {
				t.Errorf("%s: got %+v, want %v", c.Name, got, want)
			}
			n006++
		}
	}
	if n007 == 0 || n006 == 0 {
		t.Fatalf("read %d 007 and %d 006 vectors", n007, n006)
	}
}

// A parsed 007 token keeps every field and builds back to the same bytes.
func TestAccessToken2RoundTrip(t *testing.T) {
	p := accesstoken2.NewRtm2Permissions()
	p.Add(accesstoken2.Rtm2ResourceMessageChannels, accesstoken2.Rtm2PermissionWrite, []string{"a", "b"})
	p.Add(accesstoken2.Rtm2ResourceUsers, accesstoken2.Rtm2PermissionRead, nil)
	token := accesstoken2.NewAccessTokenWithStamp(appID, cert, 3600, rtctoken.Stamp{IssueTs: 1700000000, Salt: 7})
	rtc := accesstoken2.NewServiceRtc("room", accesstoken2.GetUidStr(42))
	rtc.AddPrivilege(accesstoken2.PrivilegeJoinChannel, 600)
	apaas := accesstoken2.NewServiceApaas("r", "u", -1)
	apaas.AddPrivilege(accesstoken2.PrivilegeApaasUser, 60)
	rtm2 := accesstoken2.NewServiceRtm2("u", p)
	rtm2.AddPrivilege(accesstoken2.PrivilegeLogin, 60)
	stream := accesstoken2.NewServiceStreaming("c", "acc")
	stream.AddPrivilege(accesstoken2.PrivilegeStreamingPublishRawStream, 5)
	for _, s := range []accesstoken2.IService{accesstoken2.NewServiceStt(), rtc, apaas, rtm2, stream, accesstoken2.NewServiceConvoAI(), accesstoken2.NewServiceFCdn("c", ""), accesstoken2.NewServiceFpa(), accesstoken2.NewServiceChat("")} {
		token.AddService(s)
	}
	built, err := token.Build()
	if err != nil {
		t.Fatal(err)
	}
	var parsed accesstoken2.AccessToken
	if ok, err := parsed.Parse(built); !ok || err != nil {
		t.Fatal(err)
	}
	if got := parsed.GetServices(accesstoken2.ServiceTypeRtm2)[0].(*accesstoken2.ServiceRtm2); !reflect.DeepEqual(got.Permissions.Details, p.Details) {
		t.Errorf("rtm2 permissions %v, want %v", got.Permissions.Details, p.Details)
	}
	if got := parsed.GetServices(accesstoken2.ServiceTypeApaas)[0].(*accesstoken2.ServiceApaas); got.Role != -1 || got.UserUuid != "u" || got.Privileges[accesstoken2.PrivilegeApaasUser] != 60 {
		t.Errorf("apaas %+v", got)
	}
	if parsed.AppCert != "" {
		t.Errorf("AppCert %q from nowhere", parsed.AppCert)
	}
	parsed.AppCert = cert
	rebuilt, err := parsed.Build()
	if err != nil || rebuilt != built {
		t.Errorf("rebuilt %q, %v; want %q", rebuilt, err, built)
	}
}

// Without a stamp, the core picks the issue time and salt: the tokens
// differ, and each verifies.
func TestUnstampedTokensVerify(t *testing.T) {
	a, errA := rtctokenbuilder2.BuildTokenWithUid(appID, cert, "c", 1, rtctokenbuilder2.RolePublisher, 600, 600)
	b, errB := rtctokenbuilder2.BuildTokenWithUid(appID, cert, "c", 1, rtctokenbuilder2.RolePublisher, 600, 600)
	if errA != nil || errB != nil || a == b {
		t.Fatalf("%q %v / %q %v", a, errA, b, errB)
	}
	other := "00000000000000000000000000000000"
	result, err := rtctoken.Verify(a, []string{other, cert})
	if err != nil || !result.Valid || result.MatchedIndex != 1 {
		t.Errorf("got %+v %v", result, err)
	}
	result, err = rtctoken.Verify(a, []string{other})
	if err != nil || result.Valid {
		t.Errorf("got %+v %v", result, err)
	}
	raw := AccessToken.CreateAccessToken(appID, cert, "c", 5)
	if raw.Ts == 0 || raw.Salt == 0 || raw.UidStr != "5" {
		t.Errorf("006 defaults %+v", raw)
	}
	raw.AddPrivilege(AccessToken.KJoinChannel, 0)
	token, err := raw.Build()
	if err != nil {
		t.Fatal(err)
	}
	result, err = rtctoken.Verify(token, []string{cert}, rtctoken.WithChannelName("c"), rtctoken.WithUid("5"))
	if err != nil || !result.Valid {
		t.Errorf("006: %+v %v", result, err)
	}
	if _, err := rtctokenbuilder.BuildTokenWithUIDAndPrivilege(appID, cert, "c", 0, 1, 2, 3, 4); err != nil {
		t.Error(err)
	}
}

func TestInspect(t *testing.T) {
	token, err := rtctokenbuilder2.BuildTokenWithUid(appID, cert, "c", 0, rtctokenbuilder2.RoleSubscriber, 600, 600,
		rtctoken.WithStamp(rtctoken.Stamp{IssueTs: 1700000000, Salt: 1}))
	if err != nil {
		t.Fatal(err)
	}
	in, err := rtctoken.Inspect(token, rtctoken.WithNow(1700000100))
	if err != nil {
		t.Fatal(err)
	}
	if in.Version != "007" || in.AppID != appID || in.Format == "" || len(in.JSON) == 0 {
		t.Errorf("got %+v", in)
	}
	if len(in.Diagnostics) != 1 || in.Diagnostics[0].Code != "uid_zero" || in.Diagnostics[0].Field != "services[0].uid" {
		t.Errorf("diagnostics %+v", in.Diagnostics)
	}
	if _, err := rtctoken.Inspect("garbage"); err == nil {
		t.Error("garbage inspected")
	}
}

// The reference's generic service: NewService(type) added as is packs its
// type and privileges; parsing stops at the unknown type and the
// signature still holds.
func TestGenericServiceOfAnyType(t *testing.T) {
	const appID, appCert = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"
	for _, serviceType := range []uint16{0, 999, 65535} {
		token := accesstoken2.NewAccessTokenWithStamp(appID, appCert, 600, rtctoken.Stamp{IssueTs: 1700000000, Salt: 1})
		rtc := accesstoken2.NewServiceRtc("ch", "1")
		rtc.AddPrivilege(accesstoken2.PrivilegeJoinChannel, 600)
		token.AddService(rtc)
		generic := accesstoken2.NewService(serviceType)
		generic.AddPrivilege(1, 60)
		token.AddService(generic)
		built, err := token.Build()
		if err != nil {
			t.Fatalf("type %d: %v", serviceType, err)
		}
		parsed := accesstoken2.CreateAccessToken()
		if ok, err := parsed.Parse(built); !ok {
			t.Fatalf("type %d: %v", serviceType, err)
		}
		want := 1
		if serviceType == 0 {
			want = 0 // type 0 sorts first and stops the walk at once
		}
		if len(parsed.Services) != want {
			t.Errorf("type %d: %d services read", serviceType, len(parsed.Services))
		}
		if ok, err := parsed.VerifySignature(appCert); !ok || err != nil {
			t.Errorf("type %d: verify %v %v", serviceType, ok, err)
		}
	}
}

func TestUidTextIsTheCoresRule(t *testing.T) {
	if accesstoken2.GetUidStr(0) != "" || accesstoken2.GetUidStr(2882341273) != "2882341273" {
		t.Error(accesstoken2.GetUidStr(0), accesstoken2.GetUidStr(2882341273))
	}
}
