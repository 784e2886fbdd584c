// Package rtmtokenbuilder2 is a drop-in for the Go reference package of the
// same name: RTM login tokens (007). Each builder also takes
// rtctoken.WithStamp, for exact bytes in tests.
package rtmtokenbuilder2

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
)

// BuildToken builds an RTM token for userId, valid expire seconds.
func BuildToken(appId string, appCertificate string, userId string, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtmToken2.Build(appId, appCertificate, "userId", userId, expire, capi.Collect(opts).Stamp)
}

// BuildTokenWithPermissions builds an RTM2 token with resource-level
// permissions (nil: none).
func BuildTokenWithPermissions(appId string, appCertificate string, userId string, permissions *accesstoken2.Rtm2Permissions, expire uint32, opts ...rtctoken.Option) (string, error) {
	var details capi.Permissions
	if permissions != nil {
		details = permissions.Details
	}
	return capi.RtmToken2WithPermissions(appId, appCertificate, userId, details, expire, capi.Collect(opts).Stamp)
}
