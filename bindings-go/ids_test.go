package rtctoken_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/AccessToken"
	"github.com/rtctoken/rtctoken/bindings-go/DynamicKey5"
	rtctokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtcTokenBuilder"
	rtmtokenbuilder "github.com/rtctoken/rtctoken/bindings-go/RtmTokenBuilder"
	"github.com/rtctoken/rtctoken/bindings-go/accesstoken2"
	"github.com/rtctoken/rtctoken/bindings-go/internal/ids"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
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
		{"rtctokenbuilder.RoleAttendee", rtctokenbuilder.RoleAttendee, ids.RtcTokenBuilderRoleAttendee},
		{"rtctokenbuilder.RolePublisher", rtctokenbuilder.RolePublisher, ids.RtcTokenBuilderRolePublisher},
		{"rtctokenbuilder.RoleSubscriber", rtctokenbuilder.RoleSubscriber, ids.RtcTokenBuilderRoleSubscriber},
		{"rtctokenbuilder.RoleAdmin", rtctokenbuilder.RoleAdmin, ids.RtcTokenBuilderRoleAdmin},
		{"rtctokenbuilder2.RolePublisher", rtctokenbuilder2.RolePublisher, ids.RtcTokenBuilder2RolePublisher},
		{"rtctokenbuilder2.RoleSubscriber", rtctokenbuilder2.RoleSubscriber, ids.RtcTokenBuilder2RoleSubscriber},
		{"rtmtokenbuilder.RoleRtmUser", rtmtokenbuilder.RoleRtmUser, ids.RtmTokenBuilderRoleRtmUser},
		{"AccessToken.VERSION_LENGTH", AccessToken.VERSION_LENGTH, len(ids.AccessTokenVersion)},
		{"AccessToken.APP_ID_LENGTH", AccessToken.APP_ID_LENGTH, ids.AppIdLength},
		{"accesstoken2.VersionLength", accesstoken2.VersionLength, len(ids.AccessToken2Version)},
		{"DynamicKey5.MEDIA_CHANNEL_SERVICE", DynamicKey5.MEDIA_CHANNEL_SERVICE, ids.DynamicKey5MediaChannel},
		{"DynamicKey5.RECORDING_SERVICE", DynamicKey5.RECORDING_SERVICE, ids.DynamicKey5Recording},
		{"DynamicKey5.PUBLIC_SHARING_SERVICE", DynamicKey5.PUBLIC_SHARING_SERVICE, ids.DynamicKey5PublicSharing},
		{"DynamicKey5.IN_CHANNEL_PERMISSION", DynamicKey5.IN_CHANNEL_PERMISSION, ids.DynamicKey5InChannelPermission},
		{"DynamicKey5.ALLOW_UPLOAD_IN_CHANNEL", DynamicKey5.ALLOW_UPLOAD_IN_CHANNEL, ids.DynamicKey5AllowUploadInChannel},
		{"Rtm2ResourceMessageChannels", accesstoken2.Rtm2ResourceMessageChannels, ids.Rtm2ResourceMessageChannel},
		{"Rtm2ResourceStreamChannels", accesstoken2.Rtm2ResourceStreamChannels, ids.Rtm2ResourceStreamChannel},
		{"Rtm2ResourceGroupChannels", accesstoken2.Rtm2ResourceGroupChannels, ids.Rtm2ResourceGroupChannel},
		{"Rtm2ResourceServerGroups", accesstoken2.Rtm2ResourceServerGroups, ids.Rtm2ResourceServerGroup},
		{"Rtm2ResourceUsers", accesstoken2.Rtm2ResourceUsers, ids.Rtm2ResourceUser},
		{"Rtm2PermissionRead", accesstoken2.Rtm2PermissionRead, ids.Rtm2PermissionRead},
		{"Rtm2PermissionWrite", accesstoken2.Rtm2PermissionWrite, ids.Rtm2PermissionWrite},
	}
	for _, c := range cases {
		if c.public != c.core {
			t.Errorf("%s = %d, the core's table says %d", c.name, c.public, c.core)
		}
	}
}

// The version prefixes are the ones the builders write.
func TestVersionsAreThePrefixesTheBuildersWrite(t *testing.T) {
	t006, err := rtctokenbuilder.BuildTokenWithUID(appID, cert, "c", 1, rtctokenbuilder.RolePublisher, 0)
	if err != nil || !strings.HasPrefix(t006, ids.AccessTokenVersion) {
		t.Errorf("006 token %q (%v) does not start with %q", t006, err, ids.AccessTokenVersion)
	}
	t007, err := rtctokenbuilder2.BuildTokenWithUid(appID, cert, "c", 1, rtctokenbuilder2.RolePublisher, 600, 600)
	if err != nil || !strings.HasPrefix(t007, accesstoken2.Version) {
		t.Errorf("007 token %q (%v) does not start with %q", t007, err, accesstoken2.Version)
	}
}

// CreateAccessToken's lifetime is the core's default, and a token built
// from it carries that lifetime.
func TestCreateAccessTokenLivesTheCoresDefault(t *testing.T) {
	token := accesstoken2.CreateAccessToken()
	if token.Expire != ids.AccessToken2DefaultExpire {
		t.Errorf("Expire = %d, the core's default is %d", token.Expire, ids.AccessToken2DefaultExpire)
	}
	token.AppId, token.AppCert = appID, cert
	token.AddService(accesstoken2.NewServiceRtc("c", "7"))
	built, err := token.Build()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := rtctoken.ParseJSON(built)
	want := fmt.Sprintf(`"expire":%d,`, ids.AccessToken2DefaultExpire)
	if err != nil || !strings.Contains(parsed, want) {
		t.Errorf("%s (%v) does not carry %s", parsed, err, want)
	}
}

// The v5 permission values are the core's, and its parser reads each back
// from the in-channel key under ALLOW_UPLOAD_IN_CHANNEL.
func TestDynamicKey5PermissionsAreTheCores(t *testing.T) {
	for _, c := range []struct{ public, core string }{
		{DynamicKey5.NoUpload, ids.DynamicKey5NoUpload},
		{DynamicKey5.AudioVideoUpload, ids.DynamicKey5AudioVideoUpload},
	} {
		if c.public != c.core {
			t.Errorf("permission %q, core %q", c.public, c.core)
		}
		key, err := DynamicKey5.GenerateInChannelPermissionKey(appID, cert, "c", 1, 2, 3, 4, c.public)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := rtctoken.ParseJSON(key)
		if err != nil {
			t.Fatalf("%q does not parse: %v", key, err)
		}
		extra := fmt.Sprintf(`"extra":{"%d":"%s"}`, DynamicKey5.ALLOW_UPLOAD_IN_CHANNEL, c.public)
		if !strings.Contains(parsed, extra) {
			t.Errorf("%s does not carry %s", parsed, extra)
		}
	}
}
