// Package DynamicKey is a drop-in for the Go reference package of the same
// name: DynamicKey v1, for SDKs that predate uids in keys.
package DynamicKey

import "github.com/rtctoken/rtctoken/bindings-go/internal/capi"

// Generate makes the key, or "" when an input is refused (as the reference
// does); GenerateWithError says why.
func Generate(appID, appCertificate, channelName string, unixTs, randomInt uint32) string {
	key, _ := GenerateWithError(appID, appCertificate, channelName, unixTs, randomInt)
	return key
}

// GenerateWithError is Generate with the reason for a refusal.
func GenerateWithError(appID, appCertificate, channelName string, unixTs, randomInt uint32) (string, error) {
	return capi.DynamicKey1(appID, appCertificate, channelName, unixTs, randomInt)
}
