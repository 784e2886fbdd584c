package rtctoken_test

import (
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
)

// The public ids are the core's: internal/ids is generated from its tables
// (checked by `ids_are_current` in bindings-c), and every public constant
// here must equal its entry, so a hand-edited literal fails once the core's
// table differs.
func TestPublicIdsAreTheCoresTable(t *testing.T) {
	cases := []struct {
		name         string
		public, core int
	}{
		{"ServiceTypeRtc", accesstoken2.ServiceTypeRtc, ids.Rtc},
		{"ServiceTypeRtm", accesstoken2.ServiceTypeRtm, ids.Rtm},
		{"ServiceTypeStreaming", accesstoken2.ServiceTypeStreaming, ids.Streaming},
		{"ServiceTypeFpa", accesstoken2.ServiceTypeFpa, ids.Fpa},
		{"ServiceTypeChat", accesstoken2.ServiceTypeChat, ids.Chat},
		{"ServiceTypeFCdn", accesstoken2.ServiceTypeFCdn, ids.Fcdn},
		{"ServiceTypeApaas", accesstoken2.ServiceTypeApaas, ids.Apaas},
		{"ServiceTypeRtm2", accesstoken2.ServiceTypeRtm2, ids.Rtm2},
		{"ServiceTypeConvoAI", accesstoken2.ServiceTypeConvoAI, ids.Convoai},
		{"ServiceTypeStt", accesstoken2.ServiceTypeStt, ids.Stt},
		{"PrivilegeJoinChannel", accesstoken2.PrivilegeJoinChannel, ids.RtcJoinChannel},
		{"PrivilegePublishAudioStream", accesstoken2.PrivilegePublishAudioStream, ids.RtcPublishAudioStream},
		{"PrivilegePublishVideoStream", accesstoken2.PrivilegePublishVideoStream, ids.RtcPublishVideoStream},
		{"PrivilegePublishDataStream", accesstoken2.PrivilegePublishDataStream, ids.RtcPublishDataStream},
		{"PrivilegeLogin (rtm)", accesstoken2.PrivilegeLogin, ids.RtmLogin},
		{"PrivilegeLogin (rtm2)", accesstoken2.PrivilegeLogin, ids.Rtm2Login},
		{"PrivilegeLogin (fpa)", accesstoken2.PrivilegeLogin, ids.FpaLogin},
		{"PrivilegeStreamingPublishMixStream", accesstoken2.PrivilegeStreamingPublishMixStream, ids.StreamingPublishMixStream},
		{"PrivilegeStreamingPublishRawStream", accesstoken2.PrivilegeStreamingPublishRawStream, ids.StreamingPublishRawStream},
		{"PrivilegeFCdnPublish", accesstoken2.PrivilegeFCdnPublish, ids.FcdnPublish},
		{"PrivilegeFCdnPlay", accesstoken2.PrivilegeFCdnPlay, ids.FcdnPlay},
		{"PrivilegeChatUser", accesstoken2.PrivilegeChatUser, ids.ChatUser},
		{"PrivilegeChatApp", accesstoken2.PrivilegeChatApp, ids.ChatApp},
		{"PrivilegeApaasRoomUser", accesstoken2.PrivilegeApaasRoomUser, ids.ApaasRoomUser},
		{"PrivilegeApaasUser", accesstoken2.PrivilegeApaasUser, ids.ApaasUser},
		{"PrivilegeApaasApp", accesstoken2.PrivilegeApaasApp, ids.ApaasApp},
		{"KJoinChannel", AccessToken.KJoinChannel, ids.V006JoinChannel},
		{"KPublishAudioStream", AccessToken.KPublishAudioStream, ids.V006PublishAudioStream},
		{"KPublishVideoStream", AccessToken.KPublishVideoStream, ids.V006PublishVideoStream},
		{"KPublishDataStream", AccessToken.KPublishDataStream, ids.V006PublishDataStream},
		{"KPublishAudiocdn", AccessToken.KPublishAudiocdn, ids.V006PublishAudioCdn},
		{"KPublishVideoCdn", AccessToken.KPublishVideoCdn, ids.V006PublishVideoCdn},
		{"KRequestPublishAudioStream", AccessToken.KRequestPublishAudioStream, ids.V006RequestPublishAudioStream},
		{"KRequestPublishVideoStream", AccessToken.KRequestPublishVideoStream, ids.V006RequestPublishVideoStream},
		{"KRequestPublishDataStream", AccessToken.KRequestPublishDataStream, ids.V006RequestPublishDataStream},
		{"KInvitePublishAudioStream", AccessToken.KInvitePublishAudioStream, ids.V006InvitePublishAudioStream},
		{"KInvitePublishVideoStream", AccessToken.KInvitePublishVideoStream, ids.V006InvitePublishVideoStream},
		{"KInvitePublishDataStream", AccessToken.KInvitePublishDataStream, ids.V006InvitePublishDataStream},
		{"KAdministrateChannel", AccessToken.KAdministrateChannel, ids.V006AdministrateChannel},
		{"KLoginRtm", AccessToken.KLoginRtm, ids.V006RtmLogin},
	}
	for _, c := range cases {
		if c.public != c.core {
			t.Errorf("%s = %d, the core's table says %d", c.name, c.public, c.core)
		}
	}
}
