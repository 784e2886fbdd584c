// Package chatTokenBuilder is a drop-in for the Go reference package of the
// same name: chat user and app tokens (007). Each builder also takes
// rtctoken.WithStamp, for exact bytes in tests.
package chatTokenBuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
)

// BuildChatUserToken builds a chat token for one user, valid expire seconds.
func BuildChatUserToken(appID string, appCertificate string, userUuid string, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.ChatUserToken.Build(appID, appCertificate, "userUuid", userUuid, expire, capi.Collect(opts).Stamp)
}

// BuildChatAppToken builds a chat administration token, valid expire seconds.
func BuildChatAppToken(appID string, appCertificate string, expire uint32, opts ...rtctoken.Option) (string, error) {
	return capi.ChatAppToken.Build(appID, appCertificate, expire, capi.Collect(opts).Stamp)
}
