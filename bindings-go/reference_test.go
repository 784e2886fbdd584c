package rtctoken_test

import (
	"math/rand"
	"strconv"
	"testing"

	refaccesstoken "github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	refrtctokenbuilder "github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	rtctokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtcTokenBuilder"
)

// randomText is printable ASCII of length 0..n-1.
func randomText(r *rand.Rand, n int) string {
	b := make([]byte, r.Intn(n))
	for i := range b {
		b[i] = byte(' ' + r.Intn(95))
	}
	return string(b)
}

func randomHex(r *rand.Rand) string {
	const digits = "0123456789abcdefABCDEF"
	b := make([]byte, 32)
	for i := range b {
		b[i] = digits[r.Intn(len(digits))]
	}
	return string(b)
}

// On random inputs, raw 006 tokens with the same salt and ts are the same
// bytes as go-tokenbuilder's, and each side reads the other's tokens.
func TestSameBytesAsGoTokenbuilder(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	for i := 0; i < 500; i++ {
		app, certificate, channel, uid := randomHex(r), randomHex(r), randomText(r, 64), randomText(r, 40)
		salt, ts := r.Uint32(), r.Uint32()
		ref := refaccesstoken.CreateAccessToken2(app, certificate, channel, uid)
		ref.Salt, ref.Ts = salt, ts
		ours := AccessToken.AccessToken{AppID: app, AppCertificate: certificate, ChannelName: channel, UidStr: uid,
			Salt: salt, Ts: ts, Message: map[uint16]uint32{}}
		for n := r.Intn(5); n > 0; n-- {
			id, expire := uint16(r.Intn(1001)), r.Uint32()
			ref.AddPrivilege(refaccesstoken.Privileges(id), expire)
			ours.AddPrivilege(AccessToken.Privileges(id), expire)
		}
		want, err := ref.Build()
		if err != nil {
			t.Fatal(err)
		}
		got, err := ours.Build()
		if err != nil || got != want {
			t.Fatalf("case %d: got %q, %v; want %q", i, got, err, want)
		}
		var back AccessToken.AccessToken
		if !back.FromString(want) || back.Salt != salt || back.Ts != ts || len(back.Message) != len(ref.Message) {
			t.Fatalf("case %d: read back %+v", i, back)
		}
	}
}

// go-tokenbuilder's role builders draw their own salt and time; their
// tokens verify here with the same channel and uid, and say the same
// privileges.
func TestGoTokenbuilderTokensVerify(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	for i := 0; i < 200; i++ {
		app, certificate, channel, uid := randomHex(r), randomHex(r), randomText(r, 64), r.Uint32()
		role := []rtctokenbuilder.Role{rtctokenbuilder.RoleAttendee, rtctokenbuilder.RolePublisher, rtctokenbuilder.RoleSubscriber, rtctokenbuilder.RoleAdmin}[r.Intn(4)]
		expire := r.Uint32()
		token, err := refrtctokenbuilder.BuildTokenWithUID(app, certificate, channel, uid, refrtctokenbuilder.Role(role), expire)
		if err != nil {
			t.Fatal(err)
		}
		uidText := ""
		if uid != 0 {
			uidText = strconv.FormatUint(uint64(uid), 10)
		}
		result, err := rtctoken.Verify(token, []string{certificate}, rtctoken.WithChannelName(channel), rtctoken.WithUid(uidText))
		if err != nil || !result.Valid {
			t.Fatalf("case %d: %+v %v", i, result, err)
		}
		var theirs, ours AccessToken.AccessToken
		if !theirs.FromString(token) {
			t.Fatalf("case %d: FromString", i)
		}
		mine, err := rtctokenbuilder.BuildTokenWithUID(app, certificate, channel, uid, role, expire,
			rtctoken.WithStamp(rtctoken.Stamp{IssueTs: theirs.Ts - 86400, Salt: theirs.Salt}))
		if err != nil || !ours.FromString(mine) || len(ours.Message) != len(theirs.Message) {
			t.Fatalf("case %d: %v %+v %+v", i, err, ours, theirs)
		}
		if mine != token {
			t.Fatalf("case %d: same stamp, other bytes:\n%s\n%s", i, mine, token)
		}
	}
}
