// Package DynamicKey5 is a drop-in for the Go reference package of the same
// name: DynamicKey v5 keys, which return an error as the reference does.
package DynamicKey5

import (
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// Service types of a v5 key, as the reference names them (the core's).
const (
	MEDIA_CHANNEL_SERVICE  = ids.DynamicKey5MediaChannel
	RECORDING_SERVICE      = ids.DynamicKey5Recording
	PUBLIC_SHARING_SERVICE = ids.DynamicKey5PublicSharing
	IN_CHANNEL_PERMISSION  = ids.DynamicKey5InChannelPermission
)

// ALLOW_UPLOAD_IN_CHANNEL is the extra key of the in-channel permission.
const ALLOW_UPLOAD_IN_CHANNEL = ids.DynamicKey5AllowUploadInChannel

// Permissions of GenerateInChannelPermissionKey (the core's values).
var (
	NoUpload         = ids.DynamicKey5NoUpload
	AudioVideoUpload = ids.DynamicKey5AudioVideoUpload
)

// GeneratePublicSharingKey makes a public sharing key.
func GeneratePublicSharingKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey5PublicSharing.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}

// GenerateRecordingKey makes a recording key.
func GenerateRecordingKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey5Recording.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}

// GenerateMediaChannelKey makes a media channel key.
func GenerateMediaChannelKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32) (string, error) {
	return capi.DynamicKey5MediaChannel.Generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)
}

// GenerateInChannelPermissionKey makes an in-channel permission key;
// permission is NoUpload or AudioVideoUpload.
func GenerateInChannelPermissionKey(appID, appCertificate, channelName string, unixTs, randomInt, uid, expiredTs uint32, permission string) (string, error) {
	return capi.DynamicKey5InChannelPermission(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, permission)
}
