// Package rtmtokenbuilder is a drop-in for the Go reference package
// RtmTokenBuilder: RTM tokens (006), expiry as absolute Unix time.
// BuildToken also takes rtctoken.WithStamp, for exact bytes in tests.
package rtmtokenbuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Role of an RTM user.
type Role uint16

// RoleRtmUser is the one RTM role.
const RoleRtmUser = ids.RtmTokenBuilderRoleRtmUser

// BuildToken builds an RTM token for userAccount.
func BuildToken(appID string, appCertificate string, userAccount string, role Role, privilegeExpiredTs uint32, opts ...rtctoken.Option) (string, error) {
	return capi.RtmToken006(appID, appCertificate, userAccount, uint32(role), privilegeExpiredTs, capi.Collect(opts).Stamp)
}
