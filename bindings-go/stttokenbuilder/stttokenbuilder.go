// Package stttokenbuilder is a drop-in for the Go reference package of the
// same name: speech-to-text tokens (007), RTC and RTM plus that service.
// BuildToken also takes rtctoken.WithStamp, for exact bytes in tests.
package stttokenbuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
)

// BuildToken builds the token: RTC for rtcAccount (publish privileges for
// a publisher), RTM for rtmUserId, and the speech-to-text service.
func BuildToken(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole rtctokenbuilder2.Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.SttToken.Build(appId, appCertificate, channelName, rtcAccount, uint32(rtcRole), rtcTokenExpire,
		joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire,
		rtmUserId, rtmTokenExpire, capi.Collect(opts).Stamp)
}
