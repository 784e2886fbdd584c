// Package accesstoken2 is a drop-in for the Go reference package of the same
// name (AccessToken2, version 007): the same types, constants and methods,
// with the bytes made by the rtctoken core.
package accesstoken2

import (
	"encoding/json"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Version prefix and its length, as the reference names them.
const (
	Version       = ids.AccessToken2Version
	VersionLength = len(Version)
)

// Service types.
const (
	ServiceTypeRtc       = ids.Rtc
	ServiceTypeRtm       = ids.Rtm
	ServiceTypeStreaming = ids.Streaming
	ServiceTypeFpa       = ids.Fpa
	ServiceTypeChat      = ids.Chat
	ServiceTypeFCdn      = ids.Fcdn
	ServiceTypeApaas     = ids.Apaas
	ServiceTypeRtm2      = ids.Rtm2
	ServiceTypeConvoAI   = ids.Convoai
	ServiceTypeStt       = ids.Stt
)

// Privileges, per service.
const (
	PrivilegeJoinChannel        = ids.RtcJoinChannel
	PrivilegePublishAudioStream = ids.RtcPublishAudioStream
	PrivilegePublishVideoStream = ids.RtcPublishVideoStream
	PrivilegePublishDataStream  = ids.RtcPublishDataStream

	// Rtm, Rtm2 and Fpa.
	PrivilegeLogin = ids.RtmLogin

	PrivilegeStreamingPublishMixStream = ids.StreamingPublishMixStream
	PrivilegeStreamingPublishRawStream = ids.StreamingPublishRawStream

	PrivilegeFCdnPublish = ids.FcdnPublish
	PrivilegeFCdnPlay    = ids.FcdnPlay

	PrivilegeChatUser = ids.ChatUser
	PrivilegeChatApp  = ids.ChatApp

	PrivilegeApaasRoomUser = ids.ApaasRoomUser
	PrivilegeApaasUser     = ids.ApaasUser
	PrivilegeApaasApp      = ids.ApaasApp
)

// RTM2 resource and permission types (the core's).
const (
	Rtm2ResourceMessageChannels = ids.Rtm2ResourceMessageChannel
	Rtm2ResourceStreamChannels  = ids.Rtm2ResourceStreamChannel
	Rtm2ResourceGroupChannels   = ids.Rtm2ResourceGroupChannel
	Rtm2ResourceServerGroups    = ids.Rtm2ResourceServerGroup
	Rtm2ResourceUsers           = ids.Rtm2ResourceUser

	Rtm2PermissionRead  = ids.Rtm2PermissionRead
	Rtm2PermissionWrite = ids.Rtm2PermissionWrite
)

// IService is one service of a token; the New* constructors make them.
type IService interface {
	getServiceType() uint16
	base() *Service
	addTo(b *capi.Builder) error
}

// Service is what every service has: its type and privileges (privilege
// id → expiry in seconds after issue).
type Service struct {
	Privileges map[uint16]uint32
	Type       uint16
}

// NewService makes a service of this type with no privileges.
func NewService(serviceType uint16) *Service {
	return &Service{Privileges: make(map[uint16]uint32), Type: serviceType}
}

// AddPrivilege sets the expiry of a privilege.
func (service *Service) AddPrivilege(privilege uint16, expire uint32) {
	service.Privileges[privilege] = expire
}

func (service *Service) getServiceType() uint16 { return service.Type }

func (service *Service) base() *Service { return service }

// addTo makes a Service added as is the reference's generic service of
// any type id: the id and its privileges only.
func (service *Service) addTo(b *capi.Builder) error {
	return b.AddGeneric(service.Type, service.Privileges)
}

// AccessToken is a 007 token to build, or one parsed.
//
// IssueTs and Salt are left 0 by NewAccessToken, and 0 means "the core
// picks now and a random salt at Build"; set them (or use
// NewAccessTokenWithStamp) to reproduce exact bytes. After Parse they hold
// the token's values, and Build reuses them.
type AccessToken struct {
	AppCert string
	AppId   string
	Expire  uint32
	IssueTs uint32
	Salt    uint32

	Services []IService

	stamped bool
	parsed  string
}

// NewAccessToken starts a token living expire seconds after issue.
func NewAccessToken(appId string, appCert string, expire uint32) *AccessToken {
	return &AccessToken{AppCert: appCert, AppId: appId, Expire: expire}
}

// NewAccessTokenWithStamp starts a token with this exact issue time and
// salt (tests).
func NewAccessTokenWithStamp(appId string, appCert string, expire uint32, stamp rtctoken.Stamp) *AccessToken {
	return &AccessToken{AppCert: appCert, AppId: appId, Expire: expire, IssueTs: stamp.IssueTs, Salt: stamp.Salt, stamped: true}
}

// CreateAccessToken makes an empty token to Parse into, living the core's
// default lifetime (the reference's 900 s) if built.
func CreateAccessToken() *AccessToken {
	return NewAccessToken("", "", ids.AccessToken2DefaultExpire)
}

// AddService adds a service; several of one type are kept, in order.
func (accessToken *AccessToken) AddService(service IService) {
	accessToken.Services = append(accessToken.Services, service)
}

// GetServices returns the services of one type, in the order added or read.
func (accessToken *AccessToken) GetServices(serviceType uint16) []IService {
	services := make([]IService, 0)
	for _, service := range accessToken.Services {
		if service.getServiceType() == serviceType {
			services = append(services, service)
		}
	}
	return services
}

// Build signs the token. The core checks the app ID and certificate, that
// there is a service, and the field lengths; it writes the services sorted
// by type.
func (accessToken *AccessToken) Build() (string, error) {
	var issueTs, salt *uint32
	if accessToken.stamped || accessToken.IssueTs != 0 {
		v := accessToken.IssueTs
		issueTs = &v
	}
	if accessToken.stamped || accessToken.Salt != 0 {
		v := accessToken.Salt
		salt = &v
	}
	b, err := capi.NewBuilder(accessToken.AppId, accessToken.AppCert, accessToken.Expire, issueTs, salt)
	if err != nil {
		return "", err
	}
	defer b.Free()
	for _, service := range accessToken.Services {
		if err := service.addTo(b); err != nil {
			return "", err
		}
	}
	return b.Build()
}

// Parse reads a 007 token into this AccessToken (services of a type this
// library does not know end the walk, as in the reference). It returns
// false with the error for anything that is not a valid 007 token. AppCert
// is kept; everything else is the token's.
func (accessToken *AccessToken) Parse(token string) (bool, error) {
	*accessToken = AccessToken{AppCert: accessToken.AppCert}
	text, err := capi.ParseJSON(token)
	if err != nil {
		return false, err
	}
	var fields parsedToken
	if err := json.Unmarshal([]byte(text), &fields); err != nil {
		return false, capi.NewError(rtctoken.KindInternal, "the core's parse JSON does not decode: "+err.Error())
	}
	if fields.Version != Version {
		return false, capi.NewError(rtctoken.KindUnsupportedVersion, "token is version "+fields.Version+", not AccessToken2 (007)")
	}
	accessToken.AppId, accessToken.IssueTs, accessToken.Expire, accessToken.Salt = fields.AppID, fields.IssueTs, fields.Expire, fields.Salt
	for _, s := range fields.Services {
		service, known := s.service()
		if !known {
			break
		}
		accessToken.AddService(service)
	}
	accessToken.parsed, accessToken.stamped = token, true
	return true, nil
}

// VerifySignature checks a parsed token's signature with this certificate.
func (accessToken *AccessToken) VerifySignature(appCertificate string) (bool, error) {
	if accessToken.parsed == "" {
		return false, capi.NewError(rtctoken.KindMissingInput, "token: parse a token before verifying its signature")
	}
	result, err := rtctoken.Verify(accessToken.parsed, []string{appCertificate})
	return result.Valid, err
}

// GetUidStr is the uid text of a numeric uid: "" for 0 (any user).
func GetUidStr(uid uint32) string {
	return capi.UidText(uid)
}
