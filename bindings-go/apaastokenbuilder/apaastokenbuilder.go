// Package apaastokenbuilder is a drop-in for the Go reference package of the
// same name: APaaS tokens (007). Each builder also takes
// rtctoken.WithStamp, for exact bytes in tests.
package apaastokenbuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
)

// BuildRoomUserToken builds a token for a user in a room, with RTM and
// chat; role -1 = none.
func BuildRoomUserToken(appId string, appCertificate string, roomUuid string, userUuid string, role int16, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.ApaasRoomUser.Build(appId, appCertificate, roomUuid, userUuid, role, expire, capi.Collect(opts).Stamp)
}

// BuildUserToken builds a user token, valid expire seconds.
func BuildUserToken(appId string, appCertificate string, userUuid string, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.ApaasUserToken.Build(appId, appCertificate, "userUuid", userUuid, expire, capi.Collect(opts).Stamp)
}

// BuildAppToken builds an app token, valid expire seconds.
func BuildAppToken(appId string, appCertificate string, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.ApaasAppToken.Build(appId, appCertificate, expire, capi.Collect(opts).Stamp)
}
