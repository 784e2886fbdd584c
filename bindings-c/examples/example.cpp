// The vendor's C++ names, under namespace rtctoken (README example).
#include <iostream>

#include <rtctoken.hpp>

int main() {
  const std::string app_id = "970CA35de60c44645bbae8a215061b33";
  const std::string app_certificate = "5CFd2fd1755d40ecb72977518be15d3b";

  // Same call as agora::tools::RtcTokenBuilder2::BuildTokenWithUid.
  std::string token = rtctoken::RtcTokenBuilder2::BuildTokenWithUid(
      app_id, app_certificate, "demo", 42, rtctoken::UserRole::kRolePublisher, 3600, 600);
  std::cout << "rtc token: " << token << "\n";

  // A raw 007 token with two services, as with agora::tools::AccessToken2.
  rtctoken::AccessToken2 raw(app_id, app_certificate, 0, 3600);
  auto rtc = std::make_unique<rtctoken::ServiceRtc>("demo", 42u);
  rtc->AddPrivilege(rtctoken::ServiceRtc::kPrivilegeJoinChannel, 3600);
  raw.AddService(std::move(rtc));
  auto rtm = std::make_unique<rtctoken::ServiceRtm>("alice");
  rtm->AddPrivilege(rtctoken::ServiceRtm::kPrivilegeLogin, 3600);
  raw.AddService(std::move(rtm));
  std::string combined = raw.Build();
  std::cout << "rtc+rtm token: " << combined << "\n";

  auto parsed = rtctoken::ParsedToken::Parse(combined);
  std::cout << "version " << parsed.Version() << ", " << parsed.ServiceCount() << " services\n";

  auto v = rtctoken::Verify(combined, {app_certificate});
  std::cout << (v.valid ? "valid" : "invalid") << "\n";

  // Errors throw rtctoken::Error (a std::invalid_argument) with the kind.
  try {
    rtctoken::ChatTokenBuilder2::BuildUserToken("not-an-app-id", app_certificate, "alice", 600);
    return 1;
  } catch (const rtctoken::Error& e) {
    std::cout << e.kind() << ": " << e.what() << "\n";
  }
  return v.valid ? 0 : 1;
}
