//go:build cgo

package capi

/*
#include <rtctoken.h>

// Calls sharing one signature go through one trampoline each, so that Go
// holds the C function as a value instead of repeating its conversions.
typedef enum rtctoken_status (*rt_key_fn)(const char *, const char *, const char *,
    uint32_t, uint32_t, uint32_t, uint32_t, char **);
static enum rtctoken_status rt_key(rt_key_fn f, const char *a, const char *c, const char *ch,
    uint32_t ts, uint32_t r, uint32_t uid, uint32_t exp, char **out) {
  return f(a, c, ch, ts, r, uid, exp, out);
}

typedef enum rtctoken_status (*rt_user_fn)(const char *, const char *, const char *, uint32_t,
    const struct rtctoken_stamp *, char **);
static enum rtctoken_status rt_user(rt_user_fn f, const char *a, const char *c, const char *user,
    uint32_t exp, const struct rtctoken_stamp *s, char **out) {
  return f(a, c, user, exp, s, out);
}

typedef enum rtctoken_status (*rt_app_fn)(const char *, const char *, uint32_t,
    const struct rtctoken_stamp *, char **);
static enum rtctoken_status rt_app(rt_app_fn f, const char *a, const char *c, uint32_t exp,
    const struct rtctoken_stamp *s, char **out) {
  return f(a, c, exp, s, out);
}

typedef enum rtctoken_status (*rt_room_fn)(const char *, const char *, const char *, const char *,
    int16_t, uint32_t, const struct rtctoken_stamp *, char **);
static enum rtctoken_status rt_room(rt_room_fn f, const char *a, const char *c, const char *room,
    const char *user, int16_t role, uint32_t exp, const struct rtctoken_stamp *s, char **out) {
  return f(a, c, room, user, role, exp, s, out);
}

typedef enum rtctoken_status (*rt_account_fn)(const char *, const char *, const char *, const char *,
    uint32_t, uint32_t, uint32_t, const struct rtctoken_stamp *, char **);
static enum rtctoken_status rt_account(rt_account_fn f, const char *a, const char *c, const char *ch,
    const char *account, uint32_t role, uint32_t token_exp, uint32_t priv_exp,
    const struct rtctoken_stamp *s, char **out) {
  return f(a, c, ch, account, role, token_exp, priv_exp, s, out);
}

typedef enum rtctoken_status (*rt_rtc_rtm_fn)(const char *, const char *, const char *, const char *,
    uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, const char *, uint32_t,
    const struct rtctoken_stamp *, char **);
static enum rtctoken_status rt_rtc_rtm(rt_rtc_rtm_fn f, const char *a, const char *c,
    const char *ch, const char *account, uint32_t role, uint32_t token_exp, uint32_t join,
    uint32_t audio, uint32_t video, uint32_t data, const char *rtm_user, uint32_t rtm_exp,
    const struct rtctoken_stamp *s, char **out) {
  return f(a, c, ch, account, role, token_exp, join, audio, video, data, rtm_user, rtm_exp, s, out);
}
*/
import "C"

// KeyCall is a DynamicKey v2–v5 generator (app ID, certificate, channel,
// unix ts, random int, uid, expired ts).
type KeyCall struct{ fn C.rt_key_fn }

// The DynamicKey generators of that shape.
var (
	DynamicKey2              = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key2_generate)}
	DynamicKey3              = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key3_generate)}
	DynamicKey4MediaChannel  = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key4_generate_media_channel_key)}
	DynamicKey4Recording     = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key4_generate_recording_key)}
	DynamicKey4PublicSharing = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key4_generate_public_sharing_key)}
	DynamicKey5MediaChannel  = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key5_generate_media_channel_key)}
	DynamicKey5Recording     = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key5_generate_recording_key)}
	DynamicKey5PublicSharing = KeyCall{C.rt_key_fn(C.rtctoken_dynamic_key5_generate_public_sharing_key)}
)

// Generate makes the key.
func (f KeyCall) Generate(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	var a args
	app, cert, ch := a.str("appID", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_key(f.fn, app, cert, ch, C.uint32_t(unixTs), C.uint32_t(randomInt), C.uint32_t(uid), C.uint32_t(expiredTs), out)
	})
}

// DynamicKey1 is DynamicKey v1 (no uid, no expiry).
func DynamicKey1(appID, appCertificate, channelName string, unixTs, randomInt uint32) (string, error) {
	var a args
	app, cert, ch := a.str("appID", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_dynamic_key_generate(app, cert, ch, C.uint32_t(unixTs), C.uint32_t(randomInt), out)
	})
}

// DynamicKey5InChannelPermission is the v5 key carrying an upload permission.
func DynamicKey5InChannelPermission(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32, permission string) (string, error) {
	var a args
	app, cert, ch := a.str("appID", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	perm := a.str("permission", permission)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_dynamic_key5_generate_in_channel_permission_key(app, cert, ch, C.uint32_t(unixTs),
			C.uint32_t(randomInt), C.uint32_t(uid), C.uint32_t(expiredTs), perm, out)
	})
}

// SignalingToken is the pre-2.0 RTM signaling token.
func SignalingToken(account, appID, appCertificate string, expiredTs uint32) (string, error) {
	var a args
	acc, app, cert := a.str("account", account), a.str("appID", appID), a.str("appCertificate", appCertificate)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_signaling_token_generate(acc, app, cert, C.uint32_t(expiredTs), out)
	})
}

// UserCall is a 007 builder for one user (app ID, certificate, user, expire).
type UserCall struct{ fn C.rt_user_fn }

// The 007 builders of that shape.
var (
	RtmToken2      = UserCall{C.rt_user_fn(C.rtctoken_rtm_token_builder2_build_token)}
	ChatUserToken  = UserCall{C.rt_user_fn(C.rtctoken_chat_token_builder2_build_user_token)}
	EducationUser  = UserCall{C.rt_user_fn(C.rtctoken_education_token_builder2_build_user_token)}
	ApaasUserToken = UserCall{C.rt_user_fn(C.rtctoken_apaas_token_builder_build_user_token)}
)

// Build makes the token; field names the user argument in errors.
func (f UserCall) Build(appID, appCertificate, field, user string, expire uint32, s *Stamp) (string, error) {
	var a args
	app, cert, u := a.str("appId", appID), a.str("appCertificate", appCertificate), a.str(field, user)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_user(f.fn, app, cert, u, C.uint32_t(expire), stamp(s), out)
	})
}

// AppCall is a 007 builder for the whole app (app ID, certificate, expire).
type AppCall struct{ fn C.rt_app_fn }

// The 007 builders of that shape.
var (
	ChatAppToken      = AppCall{C.rt_app_fn(C.rtctoken_chat_token_builder2_build_app_token)}
	EducationAppToken = AppCall{C.rt_app_fn(C.rtctoken_education_token_builder2_build_app_token)}
	ApaasAppToken     = AppCall{C.rt_app_fn(C.rtctoken_apaas_token_builder_build_app_token)}
)

// Build makes the token.
func (f AppCall) Build(appID, appCertificate string, expire uint32, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_app(f.fn, app, cert, C.uint32_t(expire), stamp(s), out)
	})
}

// RoomUserCall is a 007 builder for a user in a room (with a role).
type RoomUserCall struct{ fn C.rt_room_fn }

// The 007 builders of that shape.
var (
	EducationRoomUser = RoomUserCall{C.rt_room_fn(C.rtctoken_education_token_builder2_build_room_user_token)}
	ApaasRoomUser     = RoomUserCall{C.rt_room_fn(C.rtctoken_apaas_token_builder_build_room_user_token)}
)

// Build makes the token.
func (f RoomUserCall) Build(appID, appCertificate, roomUuid, userUuid string, role int16, expire uint32, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	room, user := a.str("roomUuid", roomUuid), a.str("userUuid", userUuid)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_room(f.fn, app, cert, room, user, C.int16_t(role), C.uint32_t(expire), stamp(s), out)
	})
}

// AccountCall is a 007 RTC builder for an account with one privilege expiry.
type AccountCall struct{ fn C.rt_account_fn }

// The 007 builders of that shape.
var (
	RtcWithUserAccount = AccountCall{C.rt_account_fn(C.rtctoken_rtc_token_builder2_build_token_with_user_account)}
	RtcWithRtm         = AccountCall{C.rt_account_fn(C.rtctoken_rtc_token_builder2_build_token_with_rtm)}
)

// Build makes the token.
func (f AccountCall) Build(appID, appCertificate, channelName, account string, role, tokenExpire, privilegeExpire uint32, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	ch, acc := a.str("channelName", channelName), a.str("account", account)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_account(f.fn, app, cert, ch, acc, C.uint32_t(role), C.uint32_t(tokenExpire), C.uint32_t(privilegeExpire), stamp(s), out)
	})
}

// RtcRtmCall is a 007 builder of RTC with per-privilege expiries plus RTM.
type RtcRtmCall struct{ fn C.rt_rtc_rtm_fn }

// The 007 builders of that shape.
var (
	RtcWithRtm2  = RtcRtmCall{C.rt_rtc_rtm_fn(C.rtctoken_rtc_token_builder2_build_token_with_rtm2)}
	ConvoAIToken = RtcRtmCall{C.rt_rtc_rtm_fn(C.rtctoken_convoai_token_builder_build_token)}
	SttToken     = RtcRtmCall{C.rt_rtc_rtm_fn(C.rtctoken_stt_token_builder_build_token)}
)

// Build makes the token.
func (f RtcRtmCall) Build(appID, appCertificate, channelName, rtcAccount string, rtcRole, rtcTokenExpire,
	joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	ch, acc, rtm := a.str("channelName", channelName), a.str("rtcAccount", rtcAccount), a.str("rtmUserId", rtmUserId)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rt_rtc_rtm(f.fn, app, cert, ch, acc, C.uint32_t(rtcRole), C.uint32_t(rtcTokenExpire),
			C.uint32_t(joinChannelPrivilegeExpire), C.uint32_t(pubAudioPrivilegeExpire), C.uint32_t(pubVideoPrivilegeExpire),
			C.uint32_t(pubDataStreamPrivilegeExpire), rtm, C.uint32_t(rtmTokenExpire), stamp(s), out)
	})
}

// RtcWithUid is the 007 RTC token for a numeric uid.
func RtcWithUid(appID, appCertificate, channelName string, uid, role, tokenExpire, privilegeExpire uint32, s *Stamp) (string, error) {
	var a args
	app, cert, ch := a.str("appId", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtc_token_builder2_build_token_with_uid(app, cert, ch, C.uint32_t(uid), C.uint32_t(role),
			C.uint32_t(tokenExpire), C.uint32_t(privilegeExpire), stamp(s), out)
	})
}

// PrivilegeExpires are the four RTC privilege expiries, seconds after issue.
type PrivilegeExpires struct{ Join, Audio, Video, Data uint32 }

// RtcWithUidAndPrivilege is the 007 RTC token for a uid, one expiry per privilege.
func RtcWithUidAndPrivilege(appID, appCertificate, channelName string, uid, tokenExpire uint32, p PrivilegeExpires, s *Stamp) (string, error) {
	var a args
	app, cert, ch := a.str("appId", appID), a.str("appCertificate", appCertificate), a.str("channelName", channelName)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtc_token_builder2_build_token_with_uid_and_privilege(app, cert, ch, C.uint32_t(uid), C.uint32_t(tokenExpire),
			C.uint32_t(p.Join), C.uint32_t(p.Audio), C.uint32_t(p.Video), C.uint32_t(p.Data), stamp(s), out)
	})
}

// RtcWithUserAccountAndPrivilege is the 007 RTC token for an account, one
// expiry per privilege.
func RtcWithUserAccountAndPrivilege(appID, appCertificate, channelName, account string, tokenExpire uint32, p PrivilegeExpires, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	ch, acc := a.str("channelName", channelName), a.str("account", account)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtc_token_builder2_build_token_with_user_account_and_privilege(app, cert, ch, acc, C.uint32_t(tokenExpire),
			C.uint32_t(p.Join), C.uint32_t(p.Audio), C.uint32_t(p.Video), C.uint32_t(p.Data), stamp(s), out)
	})
}

// FpaToken is the 007 full-path acceleration token.
func FpaToken(appID, appCertificate string, s *Stamp) (string, error) {
	var a args
	app, cert := a.str("appId", appID), a.str("appCertificate", appCertificate)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_fpa_token_builder_build_token(app, cert, stamp(s), out)
	})
}
