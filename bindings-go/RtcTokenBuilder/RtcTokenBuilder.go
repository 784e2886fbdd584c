// Package rtctokenbuilder is a drop-in for the Go reference package
// RtcTokenBuilder: RTC tokens (006), expiries as absolute Unix times. The
// role builders also take rtctoken.WithStamp, for exact bytes in tests.
package rtctokenbuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Role of an RTC user.
type Role uint16

// The roles; all but RoleSubscriber may publish.
const (
	RoleAttendee   = ids.RtcTokenBuilderRoleAttendee
	RolePublisher  = ids.RtcTokenBuilderRolePublisher
	RoleSubscriber = ids.RtcTokenBuilderRoleSubscriber
	RoleAdmin      = ids.RtcTokenBuilderRoleAdmin
)

// BuildTokenWithUserAccount builds an RTC token for a user account.
func BuildTokenWithUserAccount(appID string, appCertificate string, channelName string, userAccount string, role Role, privilegeExpiredTs uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcToken006WithAccount(appID, appCertificate, channelName, userAccount, uint32(role), privilegeExpiredTs, capi.Collect(opts).Stamp)
}

// BuildTokenWithUID builds an RTC token for a numeric uid (0 = any user).
func BuildTokenWithUID(appID string, appCertificate string, channelName string, uid uint32, role Role, privilegeExpiredTs uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtcToken006WithUid(appID, appCertificate, channelName, uid, uint32(role), privilegeExpiredTs, capi.Collect(opts).Stamp)
}

// BuildTokenWithUserAccountAndPrivilege builds an RTC token for a user
// account with one absolute expiry per privilege.
func BuildTokenWithUserAccountAndPrivilege(appID string, appCertificate string, channelName string, userAccount string,
	joinChannelPrivilegeExpiredTs uint32, pubAudioPrivilegeExpiredTs uint32, pubVideoPrivilegeExpiredTs uint32, pubDataStreamPrivilegeExpiredTs uint32) (string, error) {
	token := AccessToken.CreateAccessToken2(appID, appCertificate, channelName, userAccount)
	token.AddPrivilege(AccessToken.KJoinChannel, joinChannelPrivilegeExpiredTs)
	token.AddPrivilege(AccessToken.KPublishAudioStream, pubAudioPrivilegeExpiredTs)
	token.AddPrivilege(AccessToken.KPublishVideoStream, pubVideoPrivilegeExpiredTs)
	token.AddPrivilege(AccessToken.KPublishDataStream, pubDataStreamPrivilegeExpiredTs)
	return token.Build()
}

// BuildTokenWithUIDAndPrivilege builds an RTC token for a numeric uid with
// one absolute expiry per privilege.
func BuildTokenWithUIDAndPrivilege(appID string, appCertificate string, channelName string, uid uint32,
	joinChannelPrivilegeExpiredTs uint32, pubAudioPrivilegeExpiredTs uint32, pubVideoPrivilegeExpiredTs uint32, pubDataStreamPrivilegeExpiredTs uint32) (string, error) {
	return BuildTokenWithUserAccountAndPrivilege(appID, appCertificate, channelName, capi.UidText(uid),
		joinChannelPrivilegeExpiredTs, pubAudioPrivilegeExpiredTs, pubVideoPrivilegeExpiredTs, pubDataStreamPrivilegeExpiredTs)
}
