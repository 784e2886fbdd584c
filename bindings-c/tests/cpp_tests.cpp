// GoogleTest suite for the C++ wrapper (rtctoken.hpp): every vector case
// through the vendor-named classes (dispatch on `call`; an unknown call
// fails), and the error behaviour (exception type, kind, messages).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "rtctoken.hpp"
#include "support/json.h"

#ifndef RTCTOKEN_VECTORS_DIR
#error "RTCTOKEN_VECTORS_DIR must point at tests/vectors"
#endif

namespace {

using json = json_value;

constexpr const char* kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char* kCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr const char* kOtherCert = "97818cc591aa90505c22a4d9bd8b4b3f";

/// One parsed vector file, freed on scope exit.
struct Doc {
  explicit Doc(const std::string& file) {
    char err[256];
    std::string path = std::string(RTCTOKEN_VECTORS_DIR) + "/" + file;
    value = json_parse_file(path.c_str(), err, sizeof err);
    if (!value) throw std::runtime_error(path + ": " + err);
  }
  ~Doc() { json_free(value); }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;
  json* value;
};

struct Args {
  const json* a;
  std::string S(const char* k) const {
    const json* v = json_get(a, k);
    if (!v || v->type != JSON_STRING) throw std::runtime_error(std::string("missing string ") + k);
    return std::string(v->string, v->length);
  }
  std::string Text(const char* k) const {  // app_id / app_certificate: "" when absent
    const json* v = json_get(a, k);
    return v && v->type == JSON_STRING ? std::string(v->string, v->length) : std::string();
  }
  uint32_t U(const char* k) const {
    const json* v = json_get(a, k);
    if (!v || v->type != JSON_NUMBER) throw std::runtime_error(std::string("missing number ") + k);
    return static_cast<uint32_t>(v->integer);
  }
  int16_t I16(const char* k) const { return static_cast<int16_t>(json_get(a, k)->integer); }
  rtctoken::Stamp Stamp() const { return rtctoken::Stamp{U("issue_ts"), U("salt")}; }
};

rtctoken::ServiceRtm2::Permissions PermissionsFrom(const json* map) {
  rtctoken::ServiceRtm2::Permissions p;
  for (size_t t = 0; map && t < map->count; t++) {
    for (size_t q = 0; q < map->items[t].count; q++) {
      const json& list = map->items[t].items[q];
      std::vector<std::string> resources;
      for (size_t r = 0; r < list.count; r++) resources.emplace_back(list.items[r].string);
      p.Add(static_cast<uint16_t>(std::stoi(map->keys[t])),
            static_cast<uint16_t>(std::stoi(map->items[t].keys[q])), resources);
    }
  }
  return p;
}

std::unique_ptr<rtctoken::Service> ServiceFrom(const json* v) {
  using namespace rtctoken;
  Args s{v};
  std::string type = s.S("type");
  std::unique_ptr<Service> out;
  if (type == "rtc") out.reset(new ServiceRtc(s.S("channel_name"), s.S("uid")));
  else if (type == "rtm") out.reset(new ServiceRtm(s.S("user_id")));
  else if (type == "streaming") out.reset(new ServiceStreaming(s.S("channel_name"), s.S("account")));
  else if (type == "fpa") out.reset(new ServiceFpa());
  else if (type == "chat") out.reset(new ServiceChat(s.S("user_id")));
  else if (type == "fcdn") out.reset(new ServiceFCdn(s.S("channel_name"), s.S("account")));
  else if (type == "apaas") out.reset(new ServiceApaas(s.S("room_uuid"), s.S("user_uuid"), s.I16("role")));
  else if (type == "rtm2") out.reset(new ServiceRtm2(s.S("user_id"), PermissionsFrom(json_get(v, "permissions"))));
  else if (type == "convoai") out.reset(new ServiceConvoAI());
  else if (type == "stt") out.reset(new ServiceStt());
  else throw std::runtime_error("unknown service type " + type);
  const json* privileges = json_get(v, "privileges");
  for (size_t i = 0; privileges && i < privileges->count; i++) {
    out->AddPrivilege(static_cast<uint16_t>(std::stoi(privileges->keys[i])),
                      static_cast<uint32_t>(privileges->items[i].integer));
  }
  return out;
}

/// What a case produced.
struct Outcome {
  bool known = true;
  std::string token;             // builders
  std::string error;             // error kind, if refused
  std::optional<bool> valid;     // verify
  std::string parsed_json;       // parse
};

/// Runs one case through the C++ API.
Outcome RunCase(const std::string& call, const Args& a) {
  using namespace rtctoken;
  Outcome o;
  const std::string id = a.Text("app_id"), cert = a.Text("app_certificate");
  try {
    if (call == "dynamic_key.generate") {
      o.token = DynamicKey::generate(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"));
    } else if (call == "dynamic_key2.generate") {
      o.token = DynamicKey2::generate(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key3.generate") {
      o.token = DynamicKey3::generate(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key4.generate_media_channel_key") {
      o.token = DynamicKey4::generateMediaChannelKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key4.generate_recording_key") {
      o.token = DynamicKey4::generateRecordingKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key4.generate_public_sharing_key") {
      o.token = DynamicKey4::generatePublicSharingKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key5.generate_media_channel_key") {
      o.token = DynamicKey5::generateMediaChannelKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key5.generate_recording_key") {
      o.token = DynamicKey5::generateRecordingKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key5.generate_public_sharing_key") {
      o.token = DynamicKey5::generatePublicSharingKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"));
    } else if (call == "dynamic_key5.generate_in_channel_permission_key") {
      o.token = DynamicKey5::generateInChannelPermissionKey(id, cert, a.S("channel_name"), a.U("unix_ts"), a.U("random_int"), a.U("uid"), a.U("expired_ts"), a.S("permission"));
    } else if (call == "signaling_token.generate") {
      o.token = CGeneSignalToken::generateSignallingToken(a.S("account"), id, cert, a.U("expired_ts"));
    } else if (call == "access_token.build") {
      AccessToken t(id, cert, a.S("channel_name"), a.S("uid"), a.U("salt"), a.U("ts"));
      const json* p = json_get(a.a, "privileges");
      for (size_t i = 0; p && i < p->count; i++) {
        t.AddPrivilege(static_cast<uint16_t>(std::stoi(p->keys[i])), static_cast<uint32_t>(p->items[i].integer));
      }
      o.token = t.Build();
    } else if (call == "rtc_token_builder.build_token_with_uid") {
      o.token = RtcTokenBuilder::buildTokenWithUid(id, cert, a.S("channel_name"), a.U("uid"), static_cast<RtcUserRole>(a.U("role")), a.U("privilege_expired_ts"), a.Stamp());
    } else if (call == "rtc_token_builder.build_token_with_account") {
      o.token = RtcTokenBuilder::buildTokenWithUserAccount(id, cert, a.S("channel_name"), a.S("account"), static_cast<RtcUserRole>(a.U("role")), a.U("privilege_expired_ts"), a.Stamp());
    } else if (call == "rtm_token_builder.build_token") {
      o.token = RtmTokenBuilder::buildToken(id, cert, a.S("user_account"), static_cast<RtmUserRole>(a.U("role")), a.U("privilege_expired_ts"), a.Stamp());
    } else if (call == "access_token2.build") {
      AccessToken2 t(id, cert, 0, a.U("expire"));
      t.issue_ts_ = a.U("issue_ts");
      t.salt_ = a.U("salt");
      const json* services = json_get(a.a, "services");
      for (size_t i = 0; services && i < services->count; i++) t.AddService(ServiceFrom(&services->items[i]));
      o.token = t.Build();
    } else if (call == "rtc_token_builder2.build_token_with_uid") {
      o.token = RtcTokenBuilder2::BuildTokenWithUid(id, cert, a.S("channel_name"), a.U("uid"), static_cast<UserRole>(a.U("role")), a.U("token_expire"), a.U("privilege_expire"), a.Stamp());
    } else if (call == "rtc_token_builder2.build_token_with_user_account") {
      o.token = RtcTokenBuilder2::BuildTokenWithUserAccount(id, cert, a.S("channel_name"), a.S("account"), static_cast<UserRole>(a.U("role")), a.U("token_expire"), a.U("privilege_expire"), a.Stamp());
    } else if (call == "rtc_token_builder2.build_token_with_uid_and_privilege") {
      o.token = RtcTokenBuilder2::BuildTokenWithUid(id, cert, a.S("channel_name"), a.U("uid"), a.U("token_expire"), a.U("join_channel_privilege_expire"), a.U("pub_audio_privilege_expire"), a.U("pub_video_privilege_expire"), a.U("pub_data_stream_privilege_expire"), a.Stamp());
    } else if (call == "rtc_token_builder2.build_token_with_user_account_and_privilege") {
      o.token = RtcTokenBuilder2::BuildTokenWithUserAccount(id, cert, a.S("channel_name"), a.S("account"), a.U("token_expire"), a.U("join_channel_privilege_expire"), a.U("pub_audio_privilege_expire"), a.U("pub_video_privilege_expire"), a.U("pub_data_stream_privilege_expire"), a.Stamp());
    } else if (call == "rtc_token_builder2.build_token_with_rtm") {
      o.token = RtcTokenBuilder2::BuildTokenWithRtm(id, cert, a.S("channel_name"), a.S("account"), static_cast<UserRole>(a.U("role")), a.U("token_expire"), a.U("privilege_expire"), a.Stamp());
    } else if (call == "rtc_token_builder2.build_token_with_rtm2") {
      o.token = RtcTokenBuilder2::BuildTokenWithRtm2(id, cert, a.S("channel_name"), a.S("rtc_account"), static_cast<UserRole>(a.U("rtc_role")), a.U("rtc_token_expire"), a.U("join_channel_privilege_expire"), a.U("pub_audio_privilege_expire"), a.U("pub_video_privilege_expire"), a.U("pub_data_stream_privilege_expire"), a.S("rtm_user_id"), a.U("rtm_token_expire"), a.Stamp());
    } else if (call == "convoai_token_builder.build_token") {
      o.token = ConvoAITokenBuilder::BuildToken(id, cert, a.S("channel_name"), a.S("rtc_account"), static_cast<UserRole>(a.U("rtc_role")), a.U("rtc_token_expire"), a.U("join_channel_privilege_expire"), a.U("pub_audio_privilege_expire"), a.U("pub_video_privilege_expire"), a.U("pub_data_stream_privilege_expire"), a.S("rtm_user_id"), a.U("rtm_token_expire"), a.Stamp());
    } else if (call == "stt_token_builder.build_token") {
      o.token = SttTokenBuilder::BuildToken(id, cert, a.S("channel_name"), a.S("rtc_account"), static_cast<UserRole>(a.U("rtc_role")), a.U("rtc_token_expire"), a.U("join_channel_privilege_expire"), a.U("pub_audio_privilege_expire"), a.U("pub_video_privilege_expire"), a.U("pub_data_stream_privilege_expire"), a.S("rtm_user_id"), a.U("rtm_token_expire"), a.Stamp());
    } else if (call == "rtm_token_builder2.build_token") {
      o.token = RtmTokenBuilder2::BuildToken(id, cert, a.S("user_id"), a.U("expire"), a.Stamp());
    } else if (call == "rtm_token_builder2.build_token_with_permissions") {
      o.token = RtmTokenBuilder2::BuildToken(id, cert, a.S("user_id"), PermissionsFrom(json_get(a.a, "permissions")), a.U("expire"), a.Stamp());
    } else if (call == "chat_token_builder2.build_user_token") {
      o.token = ChatTokenBuilder2::BuildUserToken(id, cert, a.S("user_id"), a.U("expire"), a.Stamp());
    } else if (call == "chat_token_builder2.build_app_token") {
      o.token = ChatTokenBuilder2::BuildAppToken(id, cert, a.U("expire"), a.Stamp());
    } else if (call == "education_token_builder2.build_room_user_token") {
      o.token = EducationTokenBuilder2::BuildRoomUserToken(id, cert, a.S("room_uuid"), a.S("user_uuid"), a.I16("role"), a.U("expire"), a.Stamp());
    } else if (call == "education_token_builder2.build_user_token") {
      o.token = EducationTokenBuilder2::BuildUserToken(id, cert, a.S("user_uuid"), a.U("expire"), a.Stamp());
    } else if (call == "education_token_builder2.build_app_token") {
      o.token = EducationTokenBuilder2::BuildAppToken(id, cert, a.U("expire"), a.Stamp());
    } else if (call == "apaas_token_builder.build_room_user_token") {
      o.token = ApaasTokenBuilder::BuildRoomUserToken(id, cert, a.S("room_uuid"), a.S("user_uuid"), a.I16("role"), a.U("expire"), a.Stamp());
    } else if (call == "apaas_token_builder.build_user_token") {
      o.token = ApaasTokenBuilder::BuildUserToken(id, cert, a.S("user_uuid"), a.U("expire"), a.Stamp());
    } else if (call == "apaas_token_builder.build_app_token") {
      o.token = ApaasTokenBuilder::BuildAppToken(id, cert, a.U("expire"), a.Stamp());
    } else if (call == "fpa_token_builder.build_token") {
      o.token = FpaTokenBuilder::BuildToken(id, cert, a.Stamp());
    } else if (call == "parse") {
      o.parsed_json = ParseJson(a.S("token"));
    } else if (call == "verify") {
      const json* ch = json_get(a.a, "channel_name");
      const json* uid = json_get(a.a, "uid");
      o.valid = Verify(a.S("token"), {a.S("app_certificate")},
                       ch ? std::optional<std::string>(ch->string) : std::nullopt,
                       uid ? std::optional<std::string>(uid->string) : std::nullopt)
                    .valid;
    } else {
      o.known = false;
    }
  } catch (const rtctoken::Error& e) {
    o.error = e.kind();
  }
  return o;
}

/// Replays a vector file; returns a description of every mismatch.
std::vector<std::string> Replay(const std::string& file, size_t* count) {
  Doc doc(file);
  const json* cases = json_get(doc.value, "cases");
  std::vector<std::string> failures;
  *count = cases ? cases->count : 0;
  for (size_t i = 0; cases && i < cases->count; i++) {
    const json& c = cases->items[i];
    std::string name = json_get(&c, "name")->string;
    std::string call = json_get(&c, "call")->string;
    const json* expected = json_get(&c, "expected");
    Outcome o = RunCase(call, Args{json_get(&c, "args")});
    std::ostringstream why;
    const json* error = json_get(expected, "error");
    const json* valid = json_get(expected, "valid");
    if (!o.known) {
      why << "the harness does not know the call";
    } else if (error) {
      if (o.error != error->string) why << "expected error " << error->string << ", got '" << o.error << "'";
    } else if (!o.error.empty()) {
      why << "refused: " << o.error;
    } else if (expected->type == JSON_STRING) {
      if (o.token != expected->string) why << "token differs: " << o.token;
    } else if (valid) {
      if (!o.valid || *o.valid != static_cast<bool>(valid->boolean)) why << "valid differs";
    } else {
      char err[128];
      json* got = json_parse(o.parsed_json.c_str(), err, sizeof err);
      bool same = got && json_equal(got, expected);
      json_free(got);
      if (!same) why << "parse JSON differs: " << o.parsed_json;
    }
    if (!why.str().empty()) failures.push_back(name + " (" + call + "): " + why.str());
  }
  return failures;
}

void ExpectAllPass(const std::string& file) {
  size_t count = 0;
  auto failures = Replay(file, &count);
  EXPECT_GT(count, 0u) << file << " has no cases";
  std::ostringstream all;
  for (const auto& f : failures) all << "  " << f << "\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << count << " cases failed:\n"
                                << all.str();
}

}  // namespace

TEST(Vectors, Legacy) { ExpectAllPass("legacy.json"); }
TEST(Vectors, AccessToken006) { ExpectAllPass("access_token_006.json"); }
TEST(Vectors, AccessToken2007) { ExpectAllPass("access_token2_007.json"); }
TEST(Vectors, Parse) { ExpectAllPass("parse.json"); }
TEST(Vectors, Errors) { ExpectAllPass("errors.json"); }

TEST(Vectors, UnknownCallIsNotSilentlyAccepted) {
  json empty{};
  empty.type = JSON_OBJECT;
  EXPECT_FALSE(RunCase("no_such_builder.build", Args{&empty}).known);
}

TEST(Errors, AreInvalidArgumentsCarryingTheStatus) {
  try {
    rtctoken::RtcTokenBuilder2::BuildTokenWithUid("not-hex", kCert, "c", 1,
                                                  rtctoken::UserRole::kRolePublisher, 600);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    auto& err = dynamic_cast<const rtctoken::Error&>(e);
    EXPECT_EQ(err.status(), RTCTOKEN_INVALID_APP_ID);
    EXPECT_EQ(err.kind(), "invalid_app_id");
    EXPECT_NE(std::string(e.what()).find("app_id"), std::string::npos) << e.what();
  }
}

TEST(Errors, MessagesNeverContainTheCertificate) {
  std::string bad_cert = "5CFd2fd1755d40ecb72977518be15d3Z";
  try {
    rtctoken::RtmTokenBuilder2::BuildToken(kAppId, bad_cert, "u", 600);
    FAIL() << "no exception";
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.kind(), "invalid_app_certificate");
    EXPECT_EQ(std::string(e.what()).find(bad_cert), std::string::npos) << e.what();
  }
}

TEST(Errors, NoServiceIsRefused) {
  rtctoken::AccessToken2 t(kAppId, kCert, 0, 600);
  try {
    t.Build();
    FAIL() << "no exception";
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.status(), RTCTOKEN_NO_SERVICE);
  }
}

TEST(Errors, EmbeddedNulIsRefusedNotTruncated) {
  std::string channel("ab\0cd", 5);
  try {
    rtctoken::RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, channel, 1,
                                                  rtctoken::UserRole::kRolePublisher, 600);
    FAIL() << "no exception";
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.kind(), "invalid_argument");
  }
}

TEST(Errors, FieldTooLong) {
  std::string channel(70000, 'x');
  EXPECT_THROW(rtctoken::RtcTokenBuilder2::BuildTokenWithUid(
                   kAppId, kCert, channel, 1, rtctoken::UserRole::kRolePublisher, 600),
               rtctoken::Error);
}

TEST(Errors, MalformedAndUnsupportedTokens) {
  try {
    rtctoken::ParsedToken::Parse("007@@@");
    FAIL();
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.kind(), "malformed");
  }
  try {
    rtctoken::ParseJson("999abc");
    FAIL();
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.kind(), "unsupported_version");
  }
}

TEST(Errors, Verify006NeedsChannelAndUid) {
  std::string token = rtctoken::RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, "ch", 7,
                                                                   rtctoken::Role_Publisher, 0);
  try {
    rtctoken::Verify(token, {kCert});
    FAIL();
  } catch (const rtctoken::Error& e) {
    EXPECT_EQ(e.status(), RTCTOKEN_MISSING_INPUT);
  }
  EXPECT_TRUE(rtctoken::Verify(token, {kCert}, std::string("ch"), std::string("7")).valid);
  EXPECT_FALSE(rtctoken::Verify(token, {kCert}, std::string("ch"), std::string("8")).valid);
}

TEST(Verify, ReportsWhichCertificateMatched) {
  std::string token = rtctoken::RtcTokenBuilder2::BuildTokenWithUid(
      kAppId, kCert, "ch", 42, rtctoken::UserRole::kRolePublisher, 600, 600);
  auto v = rtctoken::Verify(token, {kOtherCert, kCert});
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.matched_index, 1u);
  EXPECT_FALSE(rtctoken::Verify(token, {kOtherCert}).valid);
}

// The role enums are the core's table as rtctoken.h declares it (that
// header is checked against the core by `cargo test -p rtctoken-c`), and
// each Version() is the prefix the builders write.
TEST(Constants, RolesAndVersionsAreTheCores) {
  EXPECT_EQ(rtctoken::Role_Attendee, RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_ATTENDEE);
  EXPECT_EQ(rtctoken::Role_Publisher, RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_PUBLISHER);
  EXPECT_EQ(rtctoken::Role_Subscriber, RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_SUBSCRIBER);
  EXPECT_EQ(rtctoken::Role_Admin, RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_ADMIN);
  EXPECT_EQ(static_cast<int>(rtctoken::UserRole::kRolePublisher),
            RTCTOKEN_RTC_TOKEN_BUILDER2_ROLE_PUBLISHER);
  EXPECT_EQ(static_cast<int>(rtctoken::UserRole::kRoleSubscriber),
            RTCTOKEN_RTC_TOKEN_BUILDER2_ROLE_SUBSCRIBER);
  EXPECT_EQ(rtctoken::Rtm_User, RTCTOKEN_RTM_TOKEN_BUILDER_ROLE_RTM_USER);
  std::string t006 = rtctoken::RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, "ch", 7,
                                                                  rtctoken::Role_Publisher, 0);
  std::string t007 = rtctoken::RtcTokenBuilder2::BuildTokenWithUid(
      kAppId, kCert, "ch", 7, rtctoken::UserRole::kRolePublisher, 600, 600);
  EXPECT_EQ(t006.substr(0, rtctoken::AccessToken::Version().size()), rtctoken::AccessToken::Version());
  EXPECT_EQ(t007.substr(0, rtctoken::AccessToken2::Version().size()), rtctoken::AccessToken2::Version());
}

// The DynamicKey v5 and RTM2 constants are the core's tables as
// rtctoken_ids.hpp holds them (checked against the core by `cargo test -p
// rtctoken-c`), and every version() is the version the parser reports for
// that class's keys.
TEST(Constants, DynamicKeyAndRtm2ConstantsAreTheCores) {
  using rtctoken::DynamicKey5;
  namespace ids = rtctoken::ids;
  EXPECT_EQ(DynamicKey5::MEDIA_CHANNEL_SERVICE, ids::DYNAMIC_KEY5_MEDIA_CHANNEL);
  EXPECT_EQ(DynamicKey5::RECORDING_SERVICE, ids::DYNAMIC_KEY5_RECORDING);
  EXPECT_EQ(DynamicKey5::PUBLIC_SHARING_SERVICE, ids::DYNAMIC_KEY5_PUBLIC_SHARING);
  EXPECT_EQ(DynamicKey5::IN_CHANNEL_PERMISSION, ids::DYNAMIC_KEY5_IN_CHANNEL_PERMISSION);
  EXPECT_EQ(DynamicKey5::ALLOW_UPLOAD_IN_CHANNEL, ids::DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL);
  EXPECT_EQ(DynamicKey5::noUpload(), ids::DYNAMIC_KEY5_NO_UPLOAD);
  EXPECT_EQ(DynamicKey5::audioVideoUpload(), ids::DYNAMIC_KEY5_AUDIO_VIDEO_UPLOAD);
  using P = rtctoken::ServiceRtm2::Permissions;
  EXPECT_EQ(P::kMessageChannels, ids::RTM2_RESOURCE_MESSAGE_CHANNEL);
  EXPECT_EQ(P::kStreamChannels, ids::RTM2_RESOURCE_STREAM_CHANNEL);
  EXPECT_EQ(P::kGroupChannels, ids::RTM2_RESOURCE_GROUP_CHANNEL);
  EXPECT_EQ(P::kGourpChannels, ids::RTM2_RESOURCE_GROUP_CHANNEL);
  EXPECT_EQ(P::kServerGroups, ids::RTM2_RESOURCE_SERVER_GROUP);
  EXPECT_EQ(P::kUsers, ids::RTM2_RESOURCE_USER);
  EXPECT_EQ(P::kRead, ids::RTM2_PERMISSION_READ);
  EXPECT_EQ(P::kWrite, ids::RTM2_PERMISSION_WRITE);

  const uint32_t ts = 1446455472, r = 58964981, uid = 2882341273u, exp = 1446455471;
  auto version = [](const std::string& key) { return rtctoken::ParsedToken::Parse(key).Version(); };
  EXPECT_EQ(version(rtctoken::DynamicKey::generate(kAppId, kCert, "ch", ts, r)),
            rtctoken::DynamicKey::version());
  EXPECT_EQ(version(rtctoken::DynamicKey2::generate(kAppId, kCert, "ch", ts, r, uid, exp)),
            rtctoken::DynamicKey2::version());
  EXPECT_EQ(version(rtctoken::DynamicKey3::generate(kAppId, kCert, "ch", ts, r, uid, exp)),
            rtctoken::DynamicKey3::version());
  EXPECT_EQ(version(rtctoken::DynamicKey4::generateMediaChannelKey(kAppId, kCert, "ch", ts, r,
                                                                   uid, exp)),
            rtctoken::DynamicKey4::version());
  for (const std::string& permission : {DynamicKey5::noUpload(), DynamicKey5::audioVideoUpload()}) {
    std::string key = DynamicKey5::generateInChannelPermissionKey(kAppId, kCert, "ch", ts, r, uid,
                                                                  exp, permission);
    EXPECT_EQ(version(key), DynamicKey5::version());
    DynamicKey5 k5;
    ASSERT_TRUE(k5.fromString(key));
    EXPECT_EQ(k5.serviceType, DynamicKey5::IN_CHANNEL_PERMISSION);
    EXPECT_EQ(k5.extra[DynamicKey5::ALLOW_UPLOAD_IN_CHANNEL], permission);
  }
}

// An AccessToken2 made without a lifetime lives the core's default (as
// rtctoken_ids.hpp holds it, checked against the core by `cargo test -p
// rtctoken-c`), and its token carries it.
TEST(Constants, AccessToken2DefaultLifetimeIsTheCores) {
  rtctoken::AccessToken2 token(kAppId, kCert);
  EXPECT_EQ(token.expire_, rtctoken::ids::ACCESS_TOKEN2_DEFAULT_EXPIRE);
  token.AddService(std::make_unique<rtctoken::ServiceRtc>("ch", 7));
  EXPECT_EQ(rtctoken::ParsedToken::Parse(token.Build()).Number("expire"),
            rtctoken::ids::ACCESS_TOKEN2_DEFAULT_EXPIRE);
}

TEST(Parse, AccessorsMatchTheBuilderInputs) {
  rtctoken::Stamp stamp{1700000000, 12345};
  std::string token = rtctoken::RtcTokenBuilder2::BuildTokenWithUserAccount(
      kAppId, kCert, "room", "alice", rtctoken::UserRole::kRoleSubscriber, 3600, 600, stamp);
  auto t = rtctoken::ParsedToken::Parse(token);
  EXPECT_EQ(t.Version(), "007");
  EXPECT_EQ(t.AppId(), kAppId);
  EXPECT_EQ(t.Number("issue_ts"), 1700000000u);
  EXPECT_EQ(t.Number("salt"), 12345u);
  EXPECT_EQ(t.Number("expire"), 3600u);
  EXPECT_FALSE(t.Number("crc_uid").has_value());
  ASSERT_EQ(t.ServiceCount(), 1u);
  EXPECT_EQ(t.ServiceType(0), rtctoken::ServiceRtc::kServiceType);
  EXPECT_EQ(t.ServiceText(0, "channel_name"), "room");
  EXPECT_EQ(t.ServiceText(0, "uid"), "alice");
  auto privileges = t.ServicePrivileges(0);
  ASSERT_EQ(privileges.size(), 1u);  // a subscriber only joins
  EXPECT_EQ(privileges[rtctoken::ServiceRtc::kPrivilegeJoinChannel], 600u);
  EXPECT_EQ(t.ToJson(), rtctoken::ParseJson(token));
}

// The public ids are the core's (include/rtctoken_ids.hpp, generated from
// its tables and checked by `ids_are_current`): a hand-edited enum value
// stops the build here once the core's table differs.
TEST(Ids, PublicConstantsAreTheCoresTable) {
  using namespace rtctoken;
  static_assert(ServiceRtc::kServiceType == ids::RTC);
  static_assert(ServiceRtc::kPrivilegeJoinChannel == ids::RTC_JOIN_CHANNEL);
  static_assert(ServiceRtc::kPrivilegePublishAudioStream == ids::RTC_PUBLISH_AUDIO_STREAM);
  static_assert(ServiceRtc::kPrivilegePublishVideoStream == ids::RTC_PUBLISH_VIDEO_STREAM);
  static_assert(ServiceRtc::kPrivilegePublishDataStream == ids::RTC_PUBLISH_DATA_STREAM);
  static_assert(ServiceRtm::kServiceType == ids::RTM);
  static_assert(ServiceRtm::kPrivilegeLogin == ids::RTM_LOGIN);
  static_assert(ServiceStreaming::kServiceType == ids::STREAMING);
  static_assert(ServiceStreaming::kPrivilegePublishMixStream == ids::STREAMING_PUBLISH_MIX_STREAM);
  static_assert(ServiceStreaming::kPrivilegePublishRawStream == ids::STREAMING_PUBLISH_RAW_STREAM);
  static_assert(ServiceFpa::kServiceType == ids::FPA);
  static_assert(ServiceFpa::kPrivilegeLogin == ids::FPA_LOGIN);
  static_assert(ServiceChat::kServiceType == ids::CHAT);
  static_assert(ServiceChat::kPrivilegeUser == ids::CHAT_USER);
  static_assert(ServiceChat::kPrivilegeApp == ids::CHAT_APP);
  static_assert(ServiceFCdn::kServiceType == ids::FCDN);
  static_assert(ServiceFCdn::kPrivilegePublish == ids::FCDN_PUBLISH);
  static_assert(ServiceFCdn::kPrivilegePlay == ids::FCDN_PLAY);
  static_assert(ServiceApaas::kServiceType == ids::APAAS);
  static_assert(ServiceApaas::kPrivilegeRoomUser == ids::APAAS_ROOM_USER);
  static_assert(ServiceApaas::kPrivilegeUser == ids::APAAS_USER);
  static_assert(ServiceApaas::kPrivilegeApp == ids::APAAS_APP);
  static_assert(ServiceRtm2::kServiceType == ids::RTM2);
  static_assert(ServiceRtm2::kPrivilegeLogin == ids::RTM2_LOGIN);
  static_assert(ServiceConvoAI::kServiceType == ids::CONVOAI);
  static_assert(ServiceStt::kServiceType == ids::STT);
  static_assert(AccessToken::kJoinChannel == ids::V006_JOIN_CHANNEL);
  static_assert(AccessToken::kPublishAudioStream == ids::V006_PUBLISH_AUDIO_STREAM);
  static_assert(AccessToken::kPublishVideoStream == ids::V006_PUBLISH_VIDEO_STREAM);
  static_assert(AccessToken::kPublishDataStream == ids::V006_PUBLISH_DATA_STREAM);
  static_assert(AccessToken::kRtmLogin == ids::V006_RTM_LOGIN);
  EXPECT_EQ(ServiceRtc().ServiceType(), ids::RTC);
}

TEST(Services, NumericUidsBecomeTheCoresUidText) {
  EXPECT_EQ(rtctoken::ServiceRtc("c", 0u).account_, "");
  EXPECT_EQ(rtctoken::ServiceRtc("c", 2882341273u).account_, "2882341273");
  EXPECT_EQ(rtctoken::ServiceFCdn("c", 7u).account_, "7");
}

TEST(Parse, SameStampSameBytesDefaultStampFreshSalt) {
  rtctoken::Stamp stamp{1700000000, 1};
  auto a = rtctoken::ChatTokenBuilder2::BuildUserToken(kAppId, kCert, "u", 600, stamp);
  auto b = rtctoken::ChatTokenBuilder2::BuildUserToken(kAppId, kCert, "u", 600, stamp);
  EXPECT_EQ(a, b);
  auto fresh = rtctoken::ParsedToken::Parse(
      rtctoken::ChatTokenBuilder2::BuildUserToken(kAppId, kCert, "u", 600));
  EXPECT_GE(*fresh.Number("salt"), 1u);
  EXPECT_LE(*fresh.Number("salt"), 99999999u);
  EXPECT_GT(*fresh.Number("issue_ts"), 1700000000u);
}

TEST(Inspect, ReturnsTheSharedSchema) {
  std::string token = rtctoken::FpaTokenBuilder::BuildToken(kAppId, kCert, rtctoken::Stamp{1700000000, 7});
  std::string inspected = rtctoken::InspectJson(token, 1700000100u);
  char err[128];
  json* v = json_parse(inspected.c_str(), err, sizeof err);
  ASSERT_NE(v, nullptr) << inspected;
  const json* version = json_get(v, "version");
  ASSERT_NE(version, nullptr);
  EXPECT_STREQ(version->string, "007");
  json_free(v);
  EXPECT_THROW(rtctoken::InspectJson("garbage"), rtctoken::Error);
}

// ------------------------------------------------------------------------
// Drop-in: code written against the vendor's C++ classes, only the
// namespace changed (issue 14). Vendor names only below.
namespace dropin {
using namespace rtctoken;

const std::string app_id_ = kAppId;
const std::string app_certificate_ = kCert;

std::unique_ptr<Service> Rtc(const std::string& channel, uint32_t uid, uint32_t expire) {
  std::unique_ptr<Service> s(new ServiceRtc(channel, uid));
  s->AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, expire);
  return s;
}

TEST(DropIn, AccessToken2SameServiceMultiParseAndVerify) {
  AccessToken2 token(app_id_, app_certificate_, 0, 600);
  token.AddService(Rtc("ch", 1, 600));
  std::unique_ptr<Service> rtm(new ServiceRtm("acc"));
  rtm->AddPrivilege(ServiceRtm::kPrivilegeLogin, 700);
  token.AddService(std::move(rtm));
  token.AddService(Rtc("ch", 2, 800));
  std::string token_str = token.Build();

  AccessToken2 token_parsed;
  EXPECT_EQ(token_parsed.VerifySignature(app_certificate_), kTokenInvalid);
  ASSERT_TRUE(token_parsed.FromString(token_str));
  EXPECT_EQ(token_parsed.VerifySignature(app_certificate_ + "123"), kTokenInvalidInfo);
  std::string err_cert = app_certificate_;
  err_cert[0] = '1';
  EXPECT_EQ(token_parsed.VerifySignature(err_cert), kTokenVerifyFailed);
  EXPECT_EQ(token_parsed.VerifySignature(app_certificate_), kTokenVerifySuccess);

  EXPECT_EQ(token_parsed.app_id_, app_id_);
  EXPECT_EQ(token_parsed.expire_, 600u);
  ASSERT_TRUE(token_parsed.salt_.has_value());
  EXPECT_GE(*token_parsed.salt_, 1u);
  EXPECT_EQ(token_parsed.signature_.size(), 32u);
  ASSERT_EQ(token_parsed.services_.size(), 3u);
  EXPECT_EQ(token_parsed.services_.count(ServiceRtc::kServiceType), 2u);
  EXPECT_EQ(token_parsed.services_.count(ServiceRtm::kServiceType), 1u);
  auto range = token_parsed.services_.equal_range(ServiceRtc::kServiceType);
  std::vector<std::string> accounts;
  for (auto srv = range.first; srv != range.second; ++srv) {
    EXPECT_EQ(srv->first, ServiceRtc::kServiceType);
    auto* rtc = dynamic_cast<ServiceRtc*>(srv->second.get());
    ASSERT_NE(rtc, nullptr);
    EXPECT_EQ(rtc->channel_name_, "ch");
    accounts.push_back(rtc->account_);
  }
  EXPECT_EQ(accounts, (std::vector<std::string>{"1", "2"}));  // in the order added
  auto found = token_parsed.services_.find(ServiceRtm::kServiceType);
  ASSERT_NE(found, token_parsed.services_.end());
  auto* parsed_rtm = dynamic_cast<ServiceRtm*>(found->second.get());
  ASSERT_NE(parsed_rtm, nullptr);
  EXPECT_EQ(parsed_rtm->user_id_, "acc");
  EXPECT_EQ(parsed_rtm->privileges_[ServiceRtm::kPrivilegeLogin], 700u);
}

TEST(DropIn, AccessToken2FailedFromStringForgetsTheOldToken) {
  AccessToken2 token(app_id_, app_certificate_, 1700000000, 600);
  token.AddService(Rtc("ch", 1, 600));
  AccessToken2 parser;
  ASSERT_TRUE(parser.FromString(token.Build()));
  EXPECT_FALSE(parser.FromString("007invalid"));
  EXPECT_EQ(parser.VerifySignature(app_certificate_), kTokenInvalid);
  EXPECT_TRUE(parser.services_.empty());
  EXPECT_TRUE(parser.app_id_.empty());
  EXPECT_FALSE(parser.FromString(RtcTokenBuilder::buildTokenWithUid(
      app_id_, app_certificate_, "ch", 1, Role_Publisher, 0)));  // a 006 token
}

TEST(DropIn, AccessToken2ReadsEveryServiceClass) {
  AccessToken2 token(app_id_, app_certificate_, 1700000000, 600);
  std::unique_ptr<Service> apaas(new ServiceApaas("room", "user", 2));
  apaas->AddPrivilege(ServiceApaas::kPrivilegeRoomUser, 60);
  token.AddService(std::move(apaas));
  ServiceRtm2::Permissions permissions;
  permissions.Add(ServiceRtm2::Permissions::kMessageChannels, ServiceRtm2::Permissions::kRead,
                  {"a", "b"});
  std::unique_ptr<Service> rtm2(new ServiceRtm2("u", permissions));
  rtm2->AddPrivilege(ServiceRtm2::kPrivilegeLogin, 60);
  token.AddService(std::move(rtm2));
  std::unique_ptr<Service> streaming(new ServiceStreaming("ch", "acct"));
  streaming->AddPrivilege(ServiceStreaming::kPrivilegePublishMixStream, 60);
  token.AddService(std::move(streaming));
  AccessToken2 parsed;
  ASSERT_TRUE(parsed.FromString(token.Build()));
  auto* a = dynamic_cast<ServiceApaas*>(parsed.services_.find(7)->second.get());
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->room_uuid_, "room");
  EXPECT_EQ(a->user_uuid_, "user");
  EXPECT_EQ(a->role_, 2);
  auto* r = dynamic_cast<ServiceRtm2*>(parsed.services_.find(8)->second.get());
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->permissions_.details_, permissions.details_);
  auto* s = dynamic_cast<ServiceStreaming*>(parsed.services_.find(3)->second.get());
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->account_, "acct");
  EXPECT_EQ(parsed.VerifySignature(app_certificate_), kTokenVerifySuccess);
}

TEST(DropIn, GenericServiceOfAnyType) {
  for (uint16_t type : {uint16_t{0}, uint16_t{999}, uint16_t{65535}}) {
    AccessToken2 token(app_id_, app_certificate_, 1700000000, 600);
    token.salt_ = 1;
    token.AddService(Rtc("ch", 1, 600));
    std::unique_ptr<Service> generic(new Service(type));
    generic->AddPrivilege(1, 60);
    token.AddService(std::move(generic));
    std::string token_str = token.Build();
    // The walk stops at the type it does not know; the signature still holds.
    auto parsed = ParsedToken::Parse(token_str);
    EXPECT_EQ(parsed.Number("unknown_service_type"), type);
    AccessToken2 token_parsed;
    ASSERT_TRUE(token_parsed.FromString(token_str));
    EXPECT_EQ(token_parsed.services_.size(), type == 0 ? 0u : 1u);
    EXPECT_EQ(token_parsed.VerifySignature(app_certificate_), kTokenVerifySuccess);
  }
}

TEST(DropIn, AccessToken006ConstructorsBuildAndFromString) {
  AccessToken key(app_id_, app_certificate_, "channel", 2882341273u);
  EXPECT_EQ(key.uid_, "2882341273");
  EXPECT_GE(key.message_.salt, 1u);
  EXPECT_LE(key.message_.salt, 99999999u);
  EXPECT_GT(key.message_.ts, 1700000000u + 24 * 3600);
  key.AddPrivilege(AccessToken::kJoinChannel, 1800000000);
  std::string token = key.Build();
  EXPECT_EQ(AccessToken(app_id_, app_certificate_, "channel", 0u).uid_, "");
  EXPECT_EQ(AccessToken(app_id_, app_certificate_, "channel", std::string("acc")).uid_, "acc");

  AccessToken parsed;
  ASSERT_TRUE(parsed.FromString(token));
  EXPECT_EQ(parsed.app_id_, app_id_);
  EXPECT_EQ(parsed.message_.salt, key.message_.salt);
  EXPECT_EQ(parsed.message_.ts, key.message_.ts);
  EXPECT_EQ(parsed.message_.messages, key.message_.messages);
  EXPECT_EQ(parsed.signature_.size(), 32u);
  AccessToken same_channel(app_id_, app_certificate_, "channel", 2882341273u);
  AccessToken same_parsed;
  ASSERT_TRUE(same_parsed.FromString(same_channel.Build()));
  EXPECT_EQ(same_parsed.crc_channel_name_, parsed.crc_channel_name_);
  EXPECT_EQ(same_parsed.crc_uid_, parsed.crc_uid_);
  EXPECT_NE(parsed.crc_channel_name_, parsed.crc_uid_);

  EXPECT_FALSE(parsed.FromString("006invalid"));
  EXPECT_TRUE(parsed.app_id_.empty());
  EXPECT_TRUE(parsed.message_.messages.empty());
}

TEST(DropIn, DynamicKey5FromStringReadsUppercaseAppId) {
  std::string key = DynamicKey5::generateInChannelPermissionKey(
      app_id_, app_certificate_, "ch", 1446455472, 58964981, 2882341273u, 1446455471,
      DynamicKey5::audioVideoUpload());
  DynamicKey5 k5;
  ASSERT_TRUE(k5.fromString(key));
  EXPECT_EQ(k5.appID, "970CA35DE60C44645BBAE8A215061B33");
  EXPECT_EQ(k5.unixTs, 1446455472u);
  EXPECT_EQ(k5.randomInt, 58964981u);
  EXPECT_EQ(k5.expiredTs, 1446455471u);
  EXPECT_EQ(k5.serviceType, DynamicKey5::IN_CHANNEL_PERMISSION);
  EXPECT_EQ(k5.extra[DynamicKey5::ALLOW_UPLOAD_IN_CHANNEL], "3");
  EXPECT_EQ(k5.signature.size(), 40u);
  EXPECT_FALSE(k5.fromString("006" + key.substr(3)));
  EXPECT_FALSE(k5.fromString("005!!"));
  EXPECT_EQ(k5.unixTs, 1446455472u);  // a failed read leaves the fields
}

TEST(DropIn, CertificateNeverInErrorText) {
  const std::string secret = "5CFd2fd1755d40ecb72977518be15d3bXYZ";  // 35 characters
  try {
    RtcTokenBuilder2::BuildTokenWithUid(app_id_, secret, "ch", 1, UserRole::kRolePublisher, 600);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), RTCTOKEN_INVALID_APP_CERTIFICATE);
    EXPECT_EQ(std::string(e.what()).find("5CFd2fd1755d"), std::string::npos) << e.what();
  }
  EXPECT_EQ(std::string(rtctoken_last_error_message()).find("5CFd2fd1755d"), std::string::npos);
}

}  // namespace dropin
