package rtctoken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey4"
	"github.com/rtctoken/rtctoken/bindings-go/SignalingToken"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
	// A certificate-shaped secret that must never show in a message.
	secret = "0123456789abcdef0123456789ABCDEF"
)

func TestSentinelsMatchByKind(t *testing.T) {
	_, err := rtctokenbuilder2.BuildTokenWithUid("abc", cert, "c", 1, rtctokenbuilder2.RolePublisher, 600, 600)
	if !errors.Is(err, rtctoken.ErrInvalidAppID) || errors.Is(err, rtctoken.ErrInvalidAppCertificate) {
		t.Fatalf("got %v", err)
	}
	var e *rtctoken.Error
	if !errors.As(err, &e) || e.Kind != rtctoken.KindInvalidAppID || e.Kind.String() != "invalid_app_id" {
		t.Fatalf("got %#v", err)
	}
	if !strings.Contains(err.Error(), "app") {
		t.Errorf("message does not name the field: %q", err)
	}
	if got := rtctoken.ErrMalformed.Error(); !strings.HasPrefix(got, "rtctoken: ") || len(got) < 15 {
		t.Errorf("sentinel message %q", got)
	}
}

func TestMessagesNeverHoldTheCertificate(t *testing.T) {
	bad := secret[:31] + "g" // not hex: refused, and named
	_, err := rtctokenbuilder2.BuildTokenWithUid(appID, bad, "c", 1, rtctokenbuilder2.RolePublisher, 600, 600)
	if !errors.Is(err, rtctoken.ErrInvalidAppCertificate) {
		t.Fatalf("got %v", err)
	}
	_, verr := rtctoken.Verify("007bad", []string{bad})
	for _, e := range []error{err, verr} {
		if e == nil || strings.Contains(e.Error(), bad) || strings.Contains(e.Error(), secret[:16]) {
			t.Errorf("message shows the certificate or is missing: %v", e)
		}
	}
}

func TestNulBytesAreRefusedByName(t *testing.T) {
	_, err := rtctokenbuilder2.BuildTokenWithUserAccount(appID, cert, "chan\x00nel", "a", 1, 600, 600)
	if !errors.Is(err, rtctoken.ErrInvalidArgument) || !strings.Contains(err.Error(), "channelName") {
		t.Fatalf("got %v", err)
	}
	_, err = rtctoken.Verify("007x", []string{cert, "x\x00"})
	if !errors.Is(err, rtctoken.ErrInvalidArgument) || !strings.Contains(err.Error(), "certificates") {
		t.Fatalf("got %v", err)
	}
	p := accesstoken2.NewRtm2Permissions()
	p.Add(accesstoken2.Rtm2ResourceUsers, accesstoken2.Rtm2PermissionRead, []string{"ok", "b\x00d"})
	token := accesstoken2.NewAccessToken(appID, cert, 600)
	token.AddService(accesstoken2.NewServiceRtm2("u", p))
	if _, err := token.Build(); !errors.Is(err, rtctoken.ErrInvalidArgument) {
		t.Fatalf("got %v", err)
	}
}

func TestBareStringFunctionsReturnEmptyOnBadInput(t *testing.T) {
	if key := DynamicKey4.GenerateMediaChannelKey("short", cert, "c", 1, 2, 3, 4); key != "" {
		t.Errorf("got %q", key)
	}
	_, err := DynamicKey4.GenerateMediaChannelKeyWithError("short", cert, "c", 1, 2, 3, 4)
	if !errors.Is(err, rtctoken.ErrInvalidAppID) {
		t.Errorf("got %v", err)
	}
	if token := SignalingToken.GenerateSignalingToken("a", appID, "nope", 1); token != "" {
		t.Errorf("got %q", token)
	}
}

func TestAccessTokenErrors(t *testing.T) {
	if _, err := accesstoken2.NewAccessToken(appID, cert, 600).Build(); !errors.Is(err, rtctoken.ErrNoService) {
		t.Errorf("no service: %v", err)
	}
	long := accesstoken2.NewAccessToken(appID, cert, 600)
	long.AddService(accesstoken2.NewServiceRtm(strings.Repeat("u", 70000)))
	if _, err := long.Build(); !errors.Is(err, rtctoken.ErrFieldTooLong) {
		t.Errorf("field too long: %v", err)
	}
	var parsed accesstoken2.AccessToken
	if ok, err := parsed.Parse("006" + appID + "AAAA"); ok || err == nil {
		t.Errorf("006 parsed as 007: %v %v", ok, err)
	}
	if ok, err := parsed.VerifySignature(cert); ok || !errors.Is(err, rtctoken.ErrMissingInput) {
		t.Errorf("verify before parse: %v %v", ok, err)
	}
}
