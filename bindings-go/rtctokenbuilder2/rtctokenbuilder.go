// Package rtctokenbuilder2 is a drop-in for the Go reference package of the
// same name: RTC tokens (007), alone or with an RTM login. Expiries are
// seconds after issue. Each builder also takes rtctoken.WithStamp, for
// exact bytes in tests.
package rtctokenbuilder2

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Role of an RTC user.
type Role uint16

// The roles.
const (
	// RolePublisher may join and publish audio, video and data streams.
	RolePublisher = ids.RtcTokenBuilder2RolePublisher
	// RoleSubscriber may only join (when co-host authentication is on).
	RoleSubscriber = ids.RtcTokenBuilder2RoleSubscriber
)

// BuildTokenWithUid builds an RTC token for a numeric uid (0 = any user).
func BuildTokenWithUid(appId string, appCertificate string, channelName string, uid uint32, role Role, tokenExpire uint32, privilegeExpire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcWithUid(appId, appCertificate, channelName, uid, uint32(role), tokenExpire, privilegeExpire, capi.Collect(opts).Stamp)
}

// BuildTokenWithUserAccount builds an RTC token for a user account.
func BuildTokenWithUserAccount(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcWithUserAccount.Build(appId, appCertificate, channelName, account, uint32(role), tokenExpire, privilegeExpire, capi.Collect(opts).Stamp)
}

// BuildTokenWithUidAndPrivilege builds an RTC token for a uid with one
// expiry per privilege.
func BuildTokenWithUidAndPrivilege(appId string, appCertificate string, channelName string, uid uint32,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32, opts ...rtctoken.Option) (string, error) {
	p := capi.PrivilegeExpires{Join: joinChannelPrivilegeExpire, Audio: pubAudioPrivilegeExpire, Video: pubVideoPrivilegeExpire, Data: pubDataStreamPrivilegeExpire}
	return capi.RtcWithUidAndPrivilege(appId, appCertificate, channelName, uid, tokenExpire, p, capi.Collect(opts).Stamp)
}

// BuildTokenWithUserAccountAndPrivilege builds an RTC token for an account
// with one expiry per privilege.
func BuildTokenWithUserAccountAndPrivilege(appId string, appCertificate string, channelName string, account string,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32, opts ...rtctoken.Option) (string, error) {
	p := capi.PrivilegeExpires{Join: joinChannelPrivilegeExpire, Audio: pubAudioPrivilegeExpire, Video: pubVideoPrivilegeExpire, Data: pubDataStreamPrivilegeExpire}
	return capi.RtcWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, tokenExpire, p, capi.Collect(opts).Stamp)
}

// BuildTokenWithRtm builds an RTC token that also logs account in to RTM.
func BuildTokenWithRtm(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcWithRtm.Build(appId, appCertificate, channelName, account, uint32(role), tokenExpire, privilegeExpire, capi.Collect(opts).Stamp)
}

// BuildTokenWithRtm2 builds an RTC token with per-privilege expiries plus
// an RTM login for rtmUserId.
func BuildTokenWithRtm2(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcWithRtm2.Build(appId, appCertificate, channelName, rtcAccount, uint32(rtcRole), rtcTokenExpire,
		joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire,
		rtmUserId, rtmTokenExpire, capi.Collect(opts).Stamp)
}
