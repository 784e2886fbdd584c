// Package DynamicKey2 is a drop-in for the Go reference package of the same
// name: DynamicKey v2 (v1 plus uid and expiry).
package DynamicKey2

import "github.com/rtctoken/rtctoken/bindings-go/internal/capi"

// Generate makes the key, or "" when an input is refused (as the reference
// does); GenerateWithError says why.
func Generate(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) string {
	key, _ := GenerateWithError(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
	return key
}

// GenerateWithError is Generate with the reason for a refusal.
func GenerateWithError(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey2.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}
