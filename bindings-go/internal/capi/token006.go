//go:build cgo

package capi

/*
#include <stdlib.h>
#include <string.h>
#include <rtctoken.h>

// Parses a token of `version` (the core's 006 prefix) and copies out salt,
// ts, both CRCs and the privileges (into *privileges, malloc'd, which the
// caller frees), so that Go crosses once instead of once per field.
static enum rtctoken_status rt_parse006(const char *token, const char *version, uint32_t numbers[4],
                                        struct rtctoken_privilege **privileges, size_t *count) {
  static const char *fields[4] = {"salt", "ts", "crc_channel_name", "crc_uid"};
  struct rtctoken_token *t = NULL;
  *privileges = NULL;
  *count = 0;
  enum rtctoken_status s = rtctoken_parse(token, &t);
  if (s != RTCTOKEN_OK) return s;
  if (strcmp(rtctoken_token_version(t), version) != 0) s = RTCTOKEN_UNSUPPORTED_VERSION;
  for (int i = 0; i < 4 && s == RTCTOKEN_OK; i++) s = rtctoken_token_number(t, fields[i], &numbers[i]);
  size_t n = rtctoken_token_privilege_count(t);
  if (s == RTCTOKEN_OK && n > 0) {
    *privileges = malloc(n * sizeof **privileges);
    if (*privileges == NULL) s = RTCTOKEN_INTERNAL;
  }
  for (size_t i = 0; i < n && s == RTCTOKEN_OK; i++, *count = i) s = rtctoken_token_privilege(t, i, &(*privileges)[i]);
  rtctoken_token_free(t);
  return s;
}
*/
import "C"

import (
	"unsafe"

	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// AccessToken006 is a raw 006 token with exactly this salt and ts
// (absolute expiry) and these privileges (absolute expiries).
func AccessToken006(appID, appCertificate, channelName, uid string, salt, ts uint32, privs map[uint16]uint32) (string, error) {
	var a args
	app, cert := a.str("AppID", appID), a.str("AppCertificate", appCertificate)
	ch, u := a.str("ChannelName", channelName), a.str("UidStr", uid)
	p, n := privileges(privs)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_access_token_build(app, cert, ch, u, C.uint32_t(salt), C.uint32_t(ts), p, n, out)
	})
}

// RtcToken006WithUid is the 006 RTC token for a numeric uid.
func RtcToken006WithUid(appID, appCertificate, channelName string, uid, role, privilegeExpiredTs uint32, s *Stamp) (string, error) {
	var a args
	app, cert, ch := a.str("appID", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtc_token_builder_build_token_with_uid(app, cert, ch, C.uint32_t(uid), C.uint32_t(role),
			C.uint32_t(privilegeExpiredTs), stamp(s), out)
	})
}

// RtcToken006WithAccount is the 006 RTC token for a user account.
func RtcToken006WithAccount(appID, appCertificate, channelName, account string, role, privilegeExpiredTs uint32, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appID", appID), a.str("appCertificate", appCertificate)
	ch, acc := a.str("channelName", channelName), a.str("userAccount", account)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtc_token_builder_build_token_with_account(app, cert, ch, acc, C.uint32_t(role),
			C.uint32_t(privilegeExpiredTs), stamp(s), out)
	})
}

// RtmToken006 is the 006 RTM token.
func RtmToken006(appID, appCertificate, userAccount string, role, privilegeExpiredTs uint32, s *Stamp) (string, error) {
	var a args
	app, cert, acc := a.str("appID", appID), a.str("appCertificate", appCertificate), a.str("userAccount", userAccount)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtm_token_builder_build_token(app, cert, acc, C.uint32_t(role), C.uint32_t(privilegeExpiredTs), stamp(s), out)
	})
}

// Stamp006 is the salt and ts (token expiry) the core gives a new 006
// token: a random salt and now + 24 h.
func Stamp006() (salt, ts uint32) {
	var cSalt, cTs C.uint32_t
	if call(func() C.enum_rtctoken_status {
		return C.rtctoken_access_token_defaults(nil, &cSalt, &cTs)
	}) != nil {
		return 0, 0
	}
	return uint32(cSalt), uint32(cTs)
}

// UidText is a numeric uid as the text fields of the reference structs
// carry it ("" for uid 0, any user): the core's rule, for the few Go APIs
// that expose that text.
func UidText(uid uint32) string {
	var a args
	out, err := text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_uid_text(C.uint32_t(uid), out)
	})
	if err != nil {
		return ""
	}
	return out
}

// Parsed006 is what a 006 token carries besides its app ID.
type Parsed006 struct {
	Salt, Ts, CrcChannelName, CrcUid uint32
	Privileges                       map[uint16]uint32
}

// Parse006 reads a 006 token in one crossing (the accessor calls run on
// the C side); ok is false for anything that is not a valid 006 token.
func Parse006(token string) (p Parsed006, ok bool) {
	var a args
	t, version := a.str("token", token), a.str("version", ids.AccessTokenVersion)
	if a.err != nil {
		return p, false
	}
	var numbers [4]C.uint32_t
	var privs *C.rtctoken_privilege
	var n C.size_t
	status := C.rt_parse006(t, version, &numbers[0], &privs, &n)
	defer C.free(unsafe.Pointer(privs))
	if status != C.RTCTOKEN_OK {
		return p, false
	}
	p = Parsed006{Salt: uint32(numbers[0]), Ts: uint32(numbers[1]), CrcChannelName: uint32(numbers[2]), CrcUid: uint32(numbers[3]),
		Privileges: make(map[uint16]uint32, int(n))}
	for _, privilege := range unsafe.Slice(privs, int(n)) {
		p.Privileges[uint16(privilege.privilege)] = uint32(privilege.expire)
	}
	return p, true
}
