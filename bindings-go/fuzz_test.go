package rtctoken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
)

// seeds are the parse vectors' tokens.
func seeds(f *testing.F) {
	for _, c := range load(f, "parse.json") {
		f.Add(c.Args.str("token"))
	}
	f.Add("")
	f.Add("007\x00")
}

// Any text parses to JSON or to an *rtctoken.Error; nothing panics.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, token string) {
		text, err := rtctoken.ParseJSON(token)
		var e *rtctoken.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("%T %v", err, err)
		}
		if err == nil && (len(text) < 2 || text[0] != '{') {
			t.Fatalf("not JSON: %q", text)
		}
	})
}

// Any text verifies to a result or an *rtctoken.Error; a certificate never
// shows in the message.
func FuzzVerify(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, token string) {
		_, err := rtctoken.Verify(token, []string{secret, cert}, rtctoken.WithChannelName("c"), rtctoken.WithUid("1"))
		var e *rtctoken.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("%T %v", err, err)
		}
		if err != nil && (strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), cert)) {
			t.Fatalf("message shows a certificate: %v", err)
		}
	})
}
