package rtctoken_test

import (
	"testing"

	refaccesstoken "github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	refrtctokenbuilder "github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder"
	refrtmtokenbuilder "github.com/AgoraIO-Community/go-tokenbuilder/rtmtokenbuilder"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey5"
	rtctokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtcTokenBuilder"
	rtmtokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtmTokenBuilder"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
)

// The inputs of the core's criterion benchmark and of the C timing program.
const (
	benchChannel = "channel-name"
	benchUid     = 2882341273
	benchExpire  = 3600
)

var sink string

// Each pair runs rtctoken and go-tokenbuilder under impl=…, so that
// `benchstat -col /impl` sets them side by side.

func Benchmark006RtcBuild(b *testing.B) {
	b.Run("impl=rtctoken", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink, _ = rtctokenbuilder.BuildTokenWithUID(appID, cert, benchChannel, benchUid, rtctokenbuilder.RolePublisher, 1700003600)
		}
	})
	b.Run("impl=gotokenbuilder", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink, _ = refrtctokenbuilder.BuildTokenWithUID(appID, cert, benchChannel, benchUid, refrtctokenbuilder.RolePublisher, 1700003600)
		}
	})
}

func Benchmark006RtmBuild(b *testing.B) {
	b.Run("impl=rtctoken", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink, _ = rtmtokenbuilder.BuildToken(appID, cert, "user", rtmtokenbuilder.RoleRtmUser, 1700003600)
		}
	})
	b.Run("impl=gotokenbuilder", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink, _ = refrtmtokenbuilder.BuildToken(appID, cert, "user", refrtmtokenbuilder.RoleRtmUser, 1700003600)
		}
	})
}

// The raw 006 build with a fixed salt and ts: the same bytes on both sides.
func Benchmark006RawBuildFixedStamp(b *testing.B) {
	b.Run("impl=rtctoken", func(b *testing.B) {
		t := AccessToken.AccessToken{AppID: appID, AppCertificate: cert, ChannelName: benchChannel, UidStr: "2882341273",
			Salt: 1, Ts: 1700086400, Message: map[uint16]uint32{1: 1700003600, 2: 1700003600, 3: 1700003600, 4: 1700003600}}
		for i := 0; i < b.N; i++ {
			sink, _ = t.Build()
		}
	})
	b.Run("impl=gotokenbuilder", func(b *testing.B) {
		t := refaccesstoken.AccessToken{AppID: appID, AppCertificate: cert, ChannelName: benchChannel, UidStr: "2882341273",
			Salt: 1, Ts: 1700086400, Message: map[uint16]uint32{1: 1700003600, 2: 1700003600, 3: 1700003600, 4: 1700003600}}
		for i := 0; i < b.N; i++ {
			sink, _ = t.Build()
		}
	})
}

func Benchmark006Parse(b *testing.B) {
	token, err := rtctokenbuilder.BuildTokenWithUID(appID, cert, benchChannel, benchUid, rtctokenbuilder.RolePublisher, 1700003600)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=rtctoken", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var t AccessToken.AccessToken
			if !t.FromString(token) {
				b.Fatal("FromString")
			}
		}
	})
	b.Run("impl=gotokenbuilder", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var t refaccesstoken.AccessToken
			if !t.FromString(token) {
				b.Fatal("FromString")
			}
		}
	})
}

// The rows below have no go-tokenbuilder counterpart (it has no 007, no
// DynamicKey, no verifier); they compare with the C API's figures.

func Benchmark007RtcBuild(b *testing.B) {
	b.Run("stamp=fixed", func(b *testing.B) {
		stamp := rtctoken.WithStamp(rtctoken.Stamp{IssueTs: 1700000000, Salt: 1})
		for i := 0; i < b.N; i++ {
			sink, _ = rtctokenbuilder2.BuildTokenWithUid(appID, cert, benchChannel, benchUid, rtctokenbuilder2.RolePublisher, benchExpire, benchExpire, stamp)
		}
	})
	b.Run("stamp=production", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink, _ = rtctokenbuilder2.BuildTokenWithUid(appID, cert, benchChannel, benchUid, rtctokenbuilder2.RolePublisher, benchExpire, benchExpire)
		}
	})
}

func Benchmark007Verify(b *testing.B) {
	token, err := rtctokenbuilder2.BuildTokenWithUid(appID, cert, benchChannel, benchUid, rtctokenbuilder2.RolePublisher, benchExpire, benchExpire)
	if err != nil {
		b.Fatal(err)
	}
	certs := []string{cert}
	for i := 0; i < b.N; i++ {
		if r, _ := rtctoken.Verify(token, certs); !r.Valid {
			b.Fatal("invalid")
		}
	}
}

func Benchmark007ParseJSON(b *testing.B) {
	token, err := rtctokenbuilder2.BuildTokenWithUid(appID, cert, benchChannel, benchUid, rtctokenbuilder2.RolePublisher, benchExpire, benchExpire)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		sink, _ = rtctoken.ParseJSON(token)
	}
}

func BenchmarkDynamicKey5(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink, _ = DynamicKey5.GenerateMediaChannelKey(appID, cert, benchChannel, 1446455472, 58964981, benchUid, 1446455471)
	}
}

// The price of one crossing: a C call that only returns a static string.
func BenchmarkCgoCrossing(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = rtctoken.KindMalformed.String()
	}
}
