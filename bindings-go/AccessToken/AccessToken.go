// Package AccessToken is a drop-in for the Go reference package of the same
// name: the raw AccessToken (006), privileges with absolute expiries.
package AccessToken

import (
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Lengths of the version prefix and of the app ID that follows it.
const (
	VERSION_LENGTH = len(ids.AccessTokenVersion)
	APP_ID_LENGTH  = ids.AppIdLength
)

// Privileges is a 006 privilege id.
type Privileges uint16

// The privilege ids.
const (
	KJoinChannel        = ids.V006JoinChannel
	KPublishAudioStream = ids.V006PublishAudioStream
	KPublishVideoStream = ids.V006PublishVideoStream
	KPublishDataStream  = ids.V006PublishDataStream

	KPublishAudiocdn           = ids.V006PublishAudioCdn
	KPublishVideoCdn           = ids.V006PublishVideoCdn
	KRequestPublishAudioStream = ids.V006RequestPublishAudioStream
	KRequestPublishVideoStream = ids.V006RequestPublishVideoStream
	KRequestPublishDataStream  = ids.V006RequestPublishDataStream
	KInvitePublishAudioStream  = ids.V006InvitePublishAudioStream
	KInvitePublishVideoStream  = ids.V006InvitePublishVideoStream
	KInvitePublishDataStream   = ids.V006InvitePublishDataStream

	KAdministrateChannel = ids.V006AdministrateChannel
	KLoginRtm            = ids.V006RtmLogin
)

// AccessToken is a 006 token to build, or one read by FromString. Ts is the
// token's expiry (absolute Unix time); Message maps privilege ids to their
// absolute expiries. Signature and MsgRawContent stay empty: the core
// checks signatures itself (rtctoken.Verify).
type AccessToken struct {
	AppID          string
	AppCertificate string
	ChannelName    string
	UidStr         string
	Ts             uint32
	Salt           uint32
	Message        map[uint16]uint32
	Signature      string
	CrcChannelName uint32
	CrcUid         uint32
	MsgRawContent  string
}

// CreateAccessToken starts a token for a numeric uid (0 = any user), with
// the salt and 24-hour expiry the core picks; set Ts and Salt to fix them.
func CreateAccessToken(appID, appCertificate, channelName string, uid uint32) AccessToken {
	return CreateAccessToken2(appID, appCertificate, channelName, capi.UidText(uid))
}

// CreateAccessToken2 starts a token for a user account; see CreateAccessToken.
func CreateAccessToken2(appID, appCertificate, channelName string, uid string) AccessToken {
	salt, ts := capi.Stamp006()
	return AccessToken{AppID: appID, AppCertificate: appCertificate, ChannelName: channelName, UidStr: uid,
		Ts: ts, Salt: salt, Message: make(map[uint16]uint32)}
}

// FromString reads a 006 token's salt, expiry, privileges and CRCs into
// this token; false when it is not a valid 006 token.
func (token *AccessToken) FromString(originToken string) bool {
	p, ok := capi.Parse006(originToken)
	if !ok {
		return false
	}
	token.Salt, token.Ts, token.Message = p.Salt, p.Ts, p.Privileges
	token.CrcChannelName, token.CrcUid = p.CrcChannelName, p.CrcUid
	return true
}

// AddPrivilege grants privilege until expireTimestamp (0 = no expiry).
func (token *AccessToken) AddPrivilege(privilege Privileges, expireTimestamp uint32) {
	token.Message[uint16(privilege)] = expireTimestamp
}

// Build signs the token.
func (token *AccessToken) Build() (string, error) {
	return capi.AccessToken006(token.AppID, token.AppCertificate, token.ChannelName, token.UidStr, token.Salt, token.Ts, token.Message)
}
