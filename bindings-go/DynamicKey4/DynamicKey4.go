// Package DynamicKey4 is a drop-in for the Go reference package of the same
// name: DynamicKey v4 media channel, recording and public sharing keys.
// Each returns "" when an input is refused (as the reference does); its
// WithError twin says why.
package DynamicKey4

import "github.com/rtctoken/rtctoken/bindings-go/internal/capi"

// GeneratePublicSharingKey makes a public sharing key.
func GeneratePublicSharingKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) string {
	key, _ := GeneratePublicSharingKeyWithError(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
	return key
}

// GeneratePublicSharingKeyWithError is GeneratePublicSharingKey with the
// reason for a refusal.
func GeneratePublicSharingKeyWithError(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey4PublicSharing.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}

// GenerateRecordingKey makes a recording key.
func GenerateRecordingKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) string {
	key, _ := GenerateRecordingKeyWithError(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
	return key
}

// GenerateRecordingKeyWithError is GenerateRecordingKey with the reason
// for a refusal.
func GenerateRecordingKeyWithError(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey4Recording.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}

// GenerateMediaChannelKey makes a media channel key.
func GenerateMediaChannelKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) string {
	key, _ := GenerateMediaChannelKeyWithError(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
	return key
}

// GenerateMediaChannelKeyWithError is GenerateMediaChannelKey with the
// reason for a refusal.
func GenerateMediaChannelKeyWithError(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey4MediaChannel.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}
