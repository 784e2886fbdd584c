// Package SignalingToken is a drop-in for the Go reference package of the
// same name: the signaling token of RTM before 2.0.
package SignalingToken

import "github.com/rtctoken/rtctoken/bindings-go/internal/capi"

// GenerateSignalingToken makes the token (expiry: absolute Unix time), or
// "" when an input is refused (as the reference does);
// GenerateSignalingTokenWithError says why.
func GenerateSignalingToken(account, appID, appCertificate string, expiredTsInSeconds uint32) string {
	token, _ := GenerateSignalingTokenWithError(account, appID, appCertificate, expiredTsInSeconds)
	return token
}

// GenerateSignalingTokenWithError is GenerateSignalingToken with the
// reason for a refusal.
func GenerateSignalingTokenWithError(account, appID, appCertificate string, expiredTsInSeconds uint32) (string, error) {
	return capi.SignalingToken(account, appID, appCertificate, expiredTsInSeconds)
}
