// rtctoken.hpp: header-only C++17 wrapper over the rtctoken C API.
//
// The classes and methods carry the names of the vendor's C++ token code
// (AgoraIO/Tools, DynamicKey/AgoraDynamicKey/cpp), so migrating is an include
// and a namespace change: `agora::tools::RtcTokenBuilder2` becomes
// `rtctoken::RtcTokenBuilder2`. Every call goes to the signing core through
// librtctoken; nothing here packs, signs or compresses.
//
// The deliberate differences from the vendor's code are listed, with their
// reasons, in the README ("Differences from the vendor's code").
#ifndef RTCTOKEN_HPP
#define RTCTOKEN_HPP

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "rtctoken.h"
#include "rtctoken_ids.hpp"

namespace rtctoken {

/// A refused call: the message names the field and the rule it broke (never
/// the certificate); status() gives the stable kind to branch on.
class Error : public std::invalid_argument {
 public:
  Error(rtctoken_status status, const std::string& message)
      : std::invalid_argument(message), status_(status) {}

  /// The C status (RTCTOKEN_INVALID_APP_ID, …).
  rtctoken_status status() const noexcept { return status_; }

  /// The kind name shared by every binding ("invalid_app_id", …).
  std::string kind() const { return rtctoken_status_name(status_); }

 private:
  rtctoken_status status_;
};

/// Fixed issue time and salt for exact output in tests.
using Stamp = rtctoken_stamp;

namespace detail {

/// Throws the thread's last error if `status` is not RTCTOKEN_OK.
inline void Check(rtctoken_status status) {
  if (status != RTCTOKEN_OK) {
    throw Error(status, rtctoken_last_error_message());
  }
}

/// A C string for the C API; text with an embedded NUL would be cut short
/// there, so it is refused instead.
inline const char* Text(const std::string& s, const char* name) {
  if (s.find('\0') != std::string::npos) {
    throw Error(RTCTOKEN_INVALID_ARGUMENT,
                std::string("invalid_argument: ") + name + " holds a NUL byte");
  }
  return s.c_str();
}

/// Runs a string-returning C call and takes ownership of its result.
template <class Call>
std::string TakeString(Call&& call) {
  char* out = nullptr;
  Check(call(&out));
  std::string result(out);
  rtctoken_string_free(out);
  return result;
}

inline const rtctoken_stamp* StampPtr(const std::optional<Stamp>& stamp) {
  return stamp ? &*stamp : nullptr;
}

}  // namespace detail

// ---------------------------------------------------------------- 007 ----

/// A 007 service: its type and privileges (id -> seconds after issue).
/// Constructed directly, it is the vendor's generic `Service(type)`: any
/// type id, written as the id and its privileges only, so a service this
/// library has no class for yet can still be granted.
class Service {
 public:
  explicit Service(uint16_t type) : type_(type) {}
  virtual ~Service() = default;

  /// The service type id (1 rtc … 10 stt, or any for a generic service).
  uint16_t ServiceType() const { return type_; }

  /// Grants `privilege` for `expire` seconds after issue (0 = no expiry).
  void AddPrivilege(uint16_t privilege, uint32_t expire) { privileges_[privilege] = expire; }

  uint16_t type_;
  std::map<uint16_t, uint32_t> privileges_;

 protected:
  std::vector<rtctoken_privilege> PrivilegeArray() const {
    std::vector<rtctoken_privilege> out;
    for (const auto& p : privileges_) out.push_back(rtctoken_privilege{p.first, p.second});
    return out;
  }

 private:
  friend class AccessToken2;
  /// Adds this service to a C builder handle (the generic form here).
  virtual rtctoken_status AddTo(rtctoken_access_token2* token) const {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_generic(token, type_, p.data(), p.size());
  }
};

/// The uid text of the vendor's numeric-uid constructors ("" for 0): the
/// core's rule, through rtctoken_uid_text.
inline std::string UidText(uint32_t uid) {
  return detail::TakeString([&](char** out) { return rtctoken_uid_text(uid, out); });
}

/// RTC (type 1): a channel and a uid or account.
class ServiceRtc : public Service {
 public:
  enum {
    kServiceType = ids::RTC,
    kPrivilegeJoinChannel = ids::RTC_JOIN_CHANNEL,
    kPrivilegePublishAudioStream = ids::RTC_PUBLISH_AUDIO_STREAM,
    kPrivilegePublishVideoStream = ids::RTC_PUBLISH_VIDEO_STREAM,
    kPrivilegePublishDataStream = ids::RTC_PUBLISH_DATA_STREAM,
  };
  ServiceRtc(const std::string& channel_name = "", uint32_t uid = 0)
      : Service(kServiceType), channel_name_(channel_name), account_(UidText(uid)) {}
  ServiceRtc(const std::string& channel_name, const std::string& account)
      : Service(kServiceType), channel_name_(channel_name), account_(account) {}

  std::string channel_name_;
  std::string account_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_rtc(t, detail::Text(channel_name_, "channel_name"),
                                          detail::Text(account_, "uid"), p.data(), p.size());
  }
};

/// RTM (type 2): a user id.
class ServiceRtm : public Service {
 public:
  enum { kServiceType = ids::RTM, kPrivilegeLogin = ids::RTM_LOGIN };
  ServiceRtm(const std::string& user_id = "") : Service(kServiceType), user_id_(user_id) {}

  std::string user_id_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_rtm(t, detail::Text(user_id_, "user_id"), p.data(), p.size());
  }
};

/// Streaming / media push (type 3): a channel and a uid or account.
class ServiceStreaming : public Service {
 public:
  enum {
    kServiceType = ids::STREAMING,
    kPrivilegePublishMixStream = ids::STREAMING_PUBLISH_MIX_STREAM,
    kPrivilegePublishRawStream = ids::STREAMING_PUBLISH_RAW_STREAM,
  };
  ServiceStreaming(const std::string& channel_name = "", uint32_t uid = 0)
      : Service(kServiceType), channel_name_(channel_name), account_(UidText(uid)) {}
  ServiceStreaming(const std::string& channel_name, const std::string& account)
      : Service(kServiceType), channel_name_(channel_name), account_(account) {}

  std::string channel_name_;
  std::string account_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_streaming(t, detail::Text(channel_name_, "channel_name"),
                                                detail::Text(account_, "account"), p.data(),
                                                p.size());
  }
};

/// Full-path acceleration (type 4).
class ServiceFpa : public Service {
 public:
  enum { kServiceType = ids::FPA, kPrivilegeLogin = ids::FPA_LOGIN };
  ServiceFpa() : Service(kServiceType) {}

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_fpa(t, p.data(), p.size());
  }
};

/// Chat (type 5): a user id ("" for app tokens).
class ServiceChat : public Service {
 public:
  enum { kServiceType = ids::CHAT, kPrivilegeUser = ids::CHAT_USER, kPrivilegeApp = ids::CHAT_APP };
  ServiceChat(const std::string& user_id = "") : Service(kServiceType), user_id_(user_id) {}

  std::string user_id_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_chat(t, detail::Text(user_id_, "user_id"), p.data(),
                                           p.size());
  }
};

/// Fusion CDN (type 6): a channel and a uid or account.
class ServiceFCdn : public Service {
 public:
  enum {
    kServiceType = ids::FCDN,
    kPrivilegePublish = ids::FCDN_PUBLISH,
    kPrivilegePlay = ids::FCDN_PLAY,
  };
  ServiceFCdn(const std::string& channel_name = "", uint32_t uid = 0)
      : Service(kServiceType), channel_name_(channel_name), account_(UidText(uid)) {}
  ServiceFCdn(const std::string& channel_name, const std::string& account)
      : Service(kServiceType), channel_name_(channel_name), account_(account) {}

  std::string channel_name_;
  std::string account_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_fcdn(t, detail::Text(channel_name_, "channel_name"),
                                           detail::Text(account_, "account"), p.data(), p.size());
  }
};

/// APaaS / flexible classroom (type 7): room, user and role
/// (RTCTOKEN_APAAS_NO_ROLE, -1, = none).
class ServiceApaas : public Service {
 public:
  enum {
    kServiceType = ids::APAAS,
    kPrivilegeRoomUser = ids::APAAS_ROOM_USER,
    kPrivilegeUser = ids::APAAS_USER,
    kPrivilegeApp = ids::APAAS_APP,
  };
  ServiceApaas(const std::string& room_uuid = "", const std::string& user_uuid = "",
               int16_t role = RTCTOKEN_APAAS_NO_ROLE)
      : Service(kServiceType), room_uuid_(room_uuid), user_uuid_(user_uuid), role_(role) {}

  std::string room_uuid_;
  std::string user_uuid_;
  int16_t role_;

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_apaas(t, detail::Text(room_uuid_, "room_uuid"),
                                            detail::Text(user_uuid_, "user_uuid"), role_,
                                            p.data(), p.size());
  }
};

/// The vendor's older name for ServiceApaas.
using ServiceEducation = ServiceApaas;

/// RTM2 (type 8): a user id with per-resource permissions.
class ServiceRtm2 : public Service {
 public:
  enum { kServiceType = ids::RTM2, kPrivilegeLogin = ids::RTM2_LOGIN };

  using PermissionsDetail = std::map<uint16_t, std::map<uint16_t, std::vector<std::string>>>;

  /// Resource type -> permission -> resources.
  struct Permissions {
    enum {
      kMessageChannels = ids::RTM2_RESOURCE_MESSAGE_CHANNEL,
      kStreamChannels = ids::RTM2_RESOURCE_STREAM_CHANNEL,
      // the vendor's spelling, kept for drop-in use
      kGourpChannels = ids::RTM2_RESOURCE_GROUP_CHANNEL,
      kGroupChannels = ids::RTM2_RESOURCE_GROUP_CHANNEL,
      kServerGroups = ids::RTM2_RESOURCE_SERVER_GROUP,
      kUsers = ids::RTM2_RESOURCE_USER,
    };
    enum { kRead = ids::RTM2_PERMISSION_READ, kWrite = ids::RTM2_PERMISSION_WRITE };

    /// Sets (replaces) the resources of a resource type and permission.
    void Add(uint16_t resource_type, uint16_t permission_type,
             const std::vector<std::string>& resources) {
      details_[resource_type][permission_type] = resources;
    }

    PermissionsDetail details_;
  };

  ServiceRtm2(const std::string& user_id = "", const Permissions& permissions = Permissions())
      : Service(kServiceType), user_id_(user_id), permissions_(permissions) {}

  std::string user_id_;
  Permissions permissions_;

  /// The permissions as the C API's array; `pointers` keeps the resource
  /// pointer lists alive while the array is in use (moving a list as
  /// `pointers` grows keeps its buffer, so the array stays valid).
  static std::vector<rtctoken_rtm2_permission> ToC(
      const Permissions& permissions, std::vector<std::vector<const char*>>* pointers) {
    std::vector<rtctoken_rtm2_permission> out;
    for (const auto& type : permissions.details_) {
      for (const auto& perm : type.second) {
        std::vector<const char*> list;
        for (const auto& r : perm.second) list.push_back(detail::Text(r, "permissions resource"));
        pointers->push_back(std::move(list));
        const auto& stored = pointers->back();
        out.push_back(rtctoken_rtm2_permission{type.first, perm.first, stored.data(),
                                               stored.size()});
      }
    }
    return out;
  }

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    std::vector<std::vector<const char*>> pointers;
    auto perms = ToC(permissions_, &pointers);
    return rtctoken_access_token2_add_rtm2(t, detail::Text(user_id_, "user_id"), perms.data(),
                                           perms.size(), p.data(), p.size());
  }
};

/// Conversational AI engine (type 9, no fields).
class ServiceConvoAI : public Service {
 public:
  enum { kServiceType = ids::CONVOAI };
  ServiceConvoAI() : Service(kServiceType) {}

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_convoai(t, p.data(), p.size());
  }
};

/// Speech to text (type 10, no fields).
class ServiceStt : public Service {
 public:
  enum { kServiceType = ids::STT };
  ServiceStt() : Service(kServiceType) {}

 private:
  rtctoken_status AddTo(rtctoken_access_token2* t) const override {
    auto p = PrivilegeArray();
    return rtctoken_access_token2_add_stt(t, p.data(), p.size());
  }
};

/// The outcome of AccessToken2::VerifySignature, under the vendor's names
/// and values.
enum TokenStatus {
  kTokenVerifySuccess = 0,
  kTokenVerifyFailed = -1,
  kTokenInvalid = -2,
  kTokenInvalidInfo = -3,
  kTokenThrow = -4,
};

/// A raw 007 token: add services, then Build(); or FromString() and
/// VerifySignature().
class AccessToken2 {
 public:
  /// `issue_ts` 0 means "now" (as in the vendor's code); `expire` is the
  /// token lifetime in seconds after issue (by default the core's, the
  /// vendor's 900). To fix the bytes, set `issue_ts_` (0 included) and
  /// `salt_` afterwards.
  AccessToken2(const std::string& app_id = "", const std::string& app_certificate = "",
               uint32_t issue_ts = 0, uint32_t expire = ids::ACCESS_TOKEN2_DEFAULT_EXPIRE)
      : app_id_(app_id),
        app_cert_(app_certificate),
        issue_ts_(issue_ts == 0 ? std::nullopt : std::optional<uint32_t>(issue_ts)),
        expire_(expire) {}

  /// The version prefix of every 007 token.
  static std::string Version() { return ids::ACCESS_TOKEN2_VERSION; }

  /// Adds a service; several of one type are kept, in the order added.
  void AddService(std::unique_ptr<Service> service) {
    const uint16_t type = service->ServiceType();
    services_.emplace(type, std::move(service));
  }

  /// Reads a 007 token into this object (app id, times, salt, signature,
  /// services; reading stops at a service type with no class here, as the
  /// vendor's does). False, with the fields cleared, for anything that is
  /// not a readable 007 token; never throws.
  bool FromString(const std::string& token);

  /// Checks the signature of the token read by FromString against
  /// `app_certificate`: kTokenInvalid when nothing was read,
  /// kTokenInvalidInfo for a malformed app id or certificate (never an
  /// exception), else kTokenVerifySuccess or kTokenVerifyFailed.
  TokenStatus VerifySignature(const std::string& app_certificate);

  /// The signed token; throws Error (no_service, invalid_app_id, …).
  std::string Build() const {
    rtctoken_access_token2* handle = nullptr;
    const uint32_t* issue_ts = issue_ts_ ? &*issue_ts_ : nullptr;
    const uint32_t* salt = salt_ ? &*salt_ : nullptr;
    detail::Check(rtctoken_access_token2_create(detail::Text(app_id_, "app_id"),
                                                detail::Text(app_cert_, "app_certificate"),
                                                expire_, issue_ts, salt, &handle));
    std::unique_ptr<rtctoken_access_token2, void (*)(rtctoken_access_token2*)> owner(
        handle, rtctoken_access_token2_free);
    for (const auto& s : services_) detail::Check(s.second->AddTo(handle));
    return detail::TakeString(
        [&](char** out) { return rtctoken_access_token2_build(handle, out); });
  }

  std::string app_id_;
  std::string app_cert_;
  /// Issue time; empty = now.
  std::optional<uint32_t> issue_ts_;
  uint32_t expire_;
  /// Salt; empty = random.
  std::optional<uint32_t> salt_;
  /// The raw HMAC-SHA256 signature read by FromString.
  std::string signature_;
  /// Services by type id, several of one type in the order added (the
  /// vendor's shape: count, find, equal_range, ->first / ->second).
  std::multimap<uint16_t, std::unique_ptr<Service>> services_;

 private:
  /// The token text read by FromString ("" = none): what VerifySignature
  /// checks.
  std::string parsed_;
};

/// RTC roles of the 007 builders.
enum class UserRole {
  /// May publish: join plus audio, video and data privileges.
  kRolePublisher = RTCTOKEN_RTC_TOKEN_BUILDER2_ROLE_PUBLISHER,
  /// May only subscribe (join privilege).
  kRoleSubscriber = RTCTOKEN_RTC_TOKEN_BUILDER2_ROLE_SUBSCRIBER,
};

/// RTC tokens (007).
class RtcTokenBuilder2 {
 public:
  /// A token for a numeric uid (0 = any user); every privilege expires
  /// `privilege_expire` seconds after issue.
  static std::string BuildTokenWithUid(const std::string& app_id,
                                       const std::string& app_certificate,
                                       const std::string& channel_name, uint32_t uid,
                                       UserRole role, uint32_t token_expire,
                                       uint32_t privilege_expire = 0,
                                       std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_uid(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), uid, static_cast<uint32_t>(role),
          token_expire, privilege_expire, detail::StampPtr(stamp), out);
    });
  }

  /// A token for a user account.
  static std::string BuildTokenWithUserAccount(const std::string& app_id,
                                               const std::string& app_certificate,
                                               const std::string& channel_name,
                                               const std::string& user_account, UserRole role,
                                               uint32_t token_expire,
                                               uint32_t privilege_expire = 0,
                                               std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_user_account(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(user_account, "account"),
          static_cast<uint32_t>(role), token_expire, privilege_expire, detail::StampPtr(stamp),
          out);
    });
  }

  /// A token for a numeric uid with one expiry per privilege.
  static std::string BuildTokenWithUid(const std::string& app_id,
                                       const std::string& app_certificate,
                                       const std::string& channel_name, uint32_t uid,
                                       uint32_t token_expire,
                                       uint32_t join_channel_privilege_expire = 0,
                                       uint32_t pub_audio_privilege_expire = 0,
                                       uint32_t pub_video_privilege_expire = 0,
                                       uint32_t pub_data_stream_privilege_expire = 0,
                                       std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_uid_and_privilege(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), uid, token_expire,
          join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
          pub_data_stream_privilege_expire, detail::StampPtr(stamp), out);
    });
  }

  /// A token for a user account with one expiry per privilege.
  static std::string BuildTokenWithUserAccount(const std::string& app_id,
                                               const std::string& app_certificate,
                                               const std::string& channel_name,
                                               const std::string& user_account,
                                               uint32_t token_expire,
                                               uint32_t join_channel_privilege_expire = 0,
                                               uint32_t pub_audio_privilege_expire = 0,
                                               uint32_t pub_video_privilege_expire = 0,
                                               uint32_t pub_data_stream_privilege_expire = 0,
                                               std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_user_account_and_privilege(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(user_account, "account"),
          token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
          pub_video_privilege_expire, pub_data_stream_privilege_expire, detail::StampPtr(stamp),
          out);
    });
  }

  /// An RTC token that also logs `account` in to RTM.
  static std::string BuildTokenWithRtm(const std::string& app_id,
                                       const std::string& app_certificate,
                                       const std::string& channel_name,
                                       const std::string& account, UserRole role,
                                       uint32_t token_expire, uint32_t privilege_expire = 0,
                                       std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_rtm(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(account, "account"),
          static_cast<uint32_t>(role), token_expire, privilege_expire, detail::StampPtr(stamp),
          out);
    });
  }

  /// An RTC token with per-privilege expiries plus an RTM login.
  static std::string BuildTokenWithRtm2(
      const std::string& app_id, const std::string& app_certificate,
      const std::string& channel_name, const std::string& rtc_account, UserRole rtc_role,
      uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
      uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire,
      uint32_t pub_data_stream_privilege_expire, const std::string& rtm_user_id,
      uint32_t rtm_token_expire, std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder2_build_token_with_rtm2(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(rtc_account, "rtc_account"),
          static_cast<uint32_t>(rtc_role), rtc_token_expire, join_channel_privilege_expire,
          pub_audio_privilege_expire, pub_video_privilege_expire,
          pub_data_stream_privilege_expire, detail::Text(rtm_user_id, "rtm_user_id"),
          rtm_token_expire, detail::StampPtr(stamp), out);
    });
  }
};

/// Conversational AI engine tokens: RTC + RTM + the convoai service.
class ConvoAITokenBuilder {
 public:
  /// RTC (per-privilege expiries; publish ones only for publishers) + an RTM
  /// login for `rtm_user_id` + the convoai service.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                const std::string& channel_name,
                                const std::string& rtc_account, UserRole rtc_role,
                                uint32_t rtc_token_expire,
                                uint32_t join_channel_privilege_expire,
                                uint32_t pub_audio_privilege_expire,
                                uint32_t pub_video_privilege_expire,
                                uint32_t pub_data_stream_privilege_expire,
                                const std::string& rtm_user_id, uint32_t rtm_token_expire,
                                std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_convoai_token_builder_build_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(rtc_account, "rtc_account"),
          static_cast<uint32_t>(rtc_role), rtc_token_expire, join_channel_privilege_expire,
          pub_audio_privilege_expire, pub_video_privilege_expire,
          pub_data_stream_privilege_expire, detail::Text(rtm_user_id, "rtm_user_id"),
          rtm_token_expire, detail::StampPtr(stamp), out);
    });
  }
};

/// Speech-to-text tokens: RTC + RTM + the stt service.
class SttTokenBuilder {
 public:
  /// RTC (per-privilege expiries; publish ones only for publishers) + an RTM
  /// login for `rtm_user_id` + the stt service.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                const std::string& channel_name,
                                const std::string& rtc_account, UserRole rtc_role,
                                uint32_t rtc_token_expire,
                                uint32_t join_channel_privilege_expire,
                                uint32_t pub_audio_privilege_expire,
                                uint32_t pub_video_privilege_expire,
                                uint32_t pub_data_stream_privilege_expire,
                                const std::string& rtm_user_id, uint32_t rtm_token_expire,
                                std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_stt_token_builder_build_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(channel_name, "channel_name"), detail::Text(rtc_account, "rtc_account"),
          static_cast<uint32_t>(rtc_role), rtc_token_expire, join_channel_privilege_expire,
          pub_audio_privilege_expire, pub_video_privilege_expire,
          pub_data_stream_privilege_expire, detail::Text(rtm_user_id, "rtm_user_id"),
          rtm_token_expire, detail::StampPtr(stamp), out);
    });
  }
};

/// RTM tokens (007).
class RtmTokenBuilder2 {
 public:
  /// An RTM login token; `expire` bounds both the token and the login.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                const std::string& user_id, uint32_t expire = 0,
                                std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtm_token_builder2_build_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(user_id, "user_id"), expire, detail::StampPtr(stamp), out);
    });
  }

  /// An RTM2 login token with per-resource permissions.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                const std::string& user_id,
                                const ServiceRtm2::Permissions& permissions,
                                uint32_t expire = 0,
                                std::optional<Stamp> stamp = std::nullopt) {
    std::vector<std::vector<const char*>> pointers;
    auto perms = ServiceRtm2::ToC(permissions, &pointers);
    return detail::TakeString([&](char** out) {
      return rtctoken_rtm_token_builder2_build_token_with_permissions(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(user_id, "user_id"), perms.data(), perms.size(), expire,
          detail::StampPtr(stamp), out);
    });
  }
};

/// Chat tokens (007).
class ChatTokenBuilder2 {
 public:
  /// A chat user token; `expire` bounds the token and the privilege.
  static std::string BuildUserToken(const std::string& app_id,
                                    const std::string& app_certificate,
                                    const std::string& user_id, uint32_t expire = 0,
                                    std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_chat_token_builder2_build_user_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(user_id, "user_id"), expire, detail::StampPtr(stamp), out);
    });
  }

  /// A chat app (administration) token.
  static std::string BuildAppToken(const std::string& app_id,
                                   const std::string& app_certificate, uint32_t expire = 0,
                                   std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_chat_token_builder2_build_app_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          expire, detail::StampPtr(stamp), out);
    });
  }
};

/// Flexible classroom tokens (007).
class EducationTokenBuilder2 {
 public:
  /// A user in a room: the apaas room-user privilege, plus an RTM login
  /// and a chat user (md5 of the user) — all valid `expire` seconds.
  static std::string BuildRoomUserToken(const std::string& app_id,
                                        const std::string& app_certificate,
                                        const std::string& room_uuid,
                                        const std::string& user_uuid, int16_t role,
                                        uint32_t expire,
                                        std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_education_token_builder2_build_room_user_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(room_uuid, "room_uuid"), detail::Text(user_uuid, "user_uuid"), role,
          expire, detail::StampPtr(stamp), out);
    });
  }

  /// A user token (apaas user privilege).
  static std::string BuildUserToken(const std::string& app_id,
                                    const std::string& app_certificate,
                                    const std::string& user_uuid, uint32_t expire,
                                    std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_education_token_builder2_build_user_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(user_uuid, "user_uuid"), expire, detail::StampPtr(stamp), out);
    });
  }

  /// An app token (apaas app privilege).
  static std::string BuildAppToken(const std::string& app_id,
                                   const std::string& app_certificate, uint32_t expire,
                                   std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_education_token_builder2_build_app_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          expire, detail::StampPtr(stamp), out);
    });
  }
};

/// APaaS tokens (007).
class ApaasTokenBuilder {
 public:
  /// A user in a room: the apaas room-user privilege, plus an RTM login
  /// and a chat user (md5 of the user) — all valid `expire` seconds.
  static std::string BuildRoomUserToken(const std::string& app_id,
                                        const std::string& app_certificate,
                                        const std::string& room_uuid,
                                        const std::string& user_uuid, int16_t role,
                                        uint32_t expire,
                                        std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_apaas_token_builder_build_room_user_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(room_uuid, "room_uuid"), detail::Text(user_uuid, "user_uuid"), role,
          expire, detail::StampPtr(stamp), out);
    });
  }

  /// A user token (apaas user privilege).
  static std::string BuildUserToken(const std::string& app_id,
                                    const std::string& app_certificate,
                                    const std::string& user_uuid, uint32_t expire,
                                    std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_apaas_token_builder_build_user_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::Text(user_uuid, "user_uuid"), expire, detail::StampPtr(stamp), out);
    });
  }

  /// An app token (apaas app privilege).
  static std::string BuildAppToken(const std::string& app_id,
                                   const std::string& app_certificate, uint32_t expire,
                                   std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_apaas_token_builder_build_app_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          expire, detail::StampPtr(stamp), out);
    });
  }
};

/// Full-path acceleration tokens (007, living 24 hours).
class FpaTokenBuilder {
 public:
  /// A full-path acceleration login token living 24 hours.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_fpa_token_builder_build_token(
          detail::Text(app_id, "app_id"), detail::Text(app_certificate, "app_certificate"),
          detail::StampPtr(stamp), out);
    });
  }
};

// ---------------------------------------------------------------- 006 ----

/// RTC roles of the 006 builder (the vendor calls this enum UserRole).
enum RtcUserRole {
  Role_Attendee = RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_ATTENDEE,
  Role_Publisher = RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_PUBLISHER,
  Role_Subscriber = RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_SUBSCRIBER,
  Role_Admin = RTCTOKEN_RTC_TOKEN_BUILDER_ROLE_ADMIN,
};

/// RTC tokens (006); expiries are absolute Unix times.
class RtcTokenBuilder {
 public:
  /// A token for a numeric uid (0 = any user); publishers, attendees and
  /// admins get all four privileges, subscribers only join.
  static std::string buildTokenWithUid(const std::string& appId,
                                       const std::string& appCertificate,
                                       const std::string& channelName, uint32_t uid,
                                       RtcUserRole role, uint32_t privilegeExpiredTs = 0,
                                       std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder_build_token_with_uid(
          detail::Text(appId, "app_id"), detail::Text(appCertificate, "app_certificate"),
          detail::Text(channelName, "channel_name"), uid, static_cast<uint32_t>(role),
          privilegeExpiredTs, detail::StampPtr(stamp), out);
    });
  }

  /// A token for a user account.
  static std::string buildTokenWithUserAccount(const std::string& appId,
                                               const std::string& appCertificate,
                                               const std::string& channelName,
                                               const std::string& userAccount, RtcUserRole role,
                                               uint32_t privilegeExpiredTs = 0,
                                               std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtc_token_builder_build_token_with_account(
          detail::Text(appId, "app_id"), detail::Text(appCertificate, "app_certificate"),
          detail::Text(channelName, "channel_name"), detail::Text(userAccount, "account"),
          static_cast<uint32_t>(role), privilegeExpiredTs, detail::StampPtr(stamp), out);
    });
  }
};

/// RTM roles of the 006 builder.
enum RtmUserRole { Rtm_User = RTCTOKEN_RTM_TOKEN_BUILDER_ROLE_RTM_USER };

/// RTM tokens (006).
class RtmTokenBuilder {
 public:
  /// An RTM login token until `expiredTs` (absolute Unix time).
  static std::string buildToken(const std::string& appId, const std::string& appCertificate,
                                const std::string& userAccount, RtmUserRole userRole,
                                uint32_t expiredTs, std::optional<Stamp> stamp = std::nullopt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_rtm_token_builder_build_token(
          detail::Text(appId, "app_id"), detail::Text(appCertificate, "app_certificate"),
          detail::Text(userAccount, "user_account"), static_cast<uint32_t>(userRole),
          expiredTs, detail::StampPtr(stamp), out);
    });
  }
};

/// A raw 006 token, under the vendor's member names: build one, or read
/// one back with FromString.
class AccessToken {
 public:
  enum Privileges {
    kJoinChannel = ids::V006_JOIN_CHANNEL,
    kPublishAudioStream = ids::V006_PUBLISH_AUDIO_STREAM,
    kPublishVideoStream = ids::V006_PUBLISH_VIDEO_STREAM,
    kPublishDataStream = ids::V006_PUBLISH_DATA_STREAM,
    kRtmLogin = ids::V006_RTM_LOGIN,
  };

  using PrivilegeMessageMap = std::map<uint16_t, uint32_t>;

  /// The signed message: salt, the token's expiry `ts` (absolute Unix
  /// time) and privileges (id -> absolute expiry, 0 = none).
  struct PrivilegeMessage {
    uint32_t salt = 0;
    uint32_t ts = 0;
    PrivilegeMessageMap messages;
  };

  /// An empty token, to be filled by FromString.
  AccessToken() = default;

  /// A token for a numeric uid (0 = any user) with a random salt, living
  /// 24 hours (the core's defaults).
  AccessToken(const std::string& appId, const std::string& appCertificate,
              const std::string& channelName, uint32_t uid = 0)
      : AccessToken(appId, appCertificate, channelName, UidText(uid)) {}

  /// A token for a uid text ("" for uid 0, else decimal or an account) with
  /// a random salt, living 24 hours (the core's defaults).
  AccessToken(const std::string& appId, const std::string& appCertificate,
              const std::string& channelName, const std::string& uid)
      : app_id_(appId), app_cert_(appCertificate), channel_name_(channelName), uid_(uid) {
    detail::Check(rtctoken_access_token_defaults(nullptr, &message_.salt, &message_.ts));
  }

  /// A token with its salt and expiry `ts` (absolute Unix time) given
  /// exactly, for reproducible bytes.
  AccessToken(const std::string& appId, const std::string& appCertificate,
              const std::string& channelName, const std::string& uid, uint32_t salt, uint32_t ts)
      : app_id_(appId), app_cert_(appCertificate), channel_name_(channelName), uid_(uid) {
    message_.salt = salt;
    message_.ts = ts;
  }

  static std::string Version() { return ids::ACCESS_TOKEN_VERSION; }

  /// Grants `privilege` until `expireTimestamp` (absolute; 0 = no expiry).
  void AddPrivilege(uint16_t privilege, uint32_t expireTimestamp = 0) {
    message_.messages[privilege] = expireTimestamp;
  }

  /// The signed token; throws Error.
  std::string Build() const {
    std::vector<rtctoken_privilege> p;
    for (const auto& e : message_.messages) p.push_back(rtctoken_privilege{e.first, e.second});
    return detail::TakeString([&](char** out) {
      return rtctoken_access_token_build(
          detail::Text(app_id_, "app_id"), detail::Text(app_cert_, "app_certificate"),
          detail::Text(channel_name_, "channel_name"), detail::Text(uid_, "uid"), message_.salt,
          message_.ts, p.data(), p.size(), out);
    });
  }

  /// Reads a 006 token: app id, signature, CRCs and message (the channel
  /// and uid do not travel, only their CRCs). False, with those fields
  /// cleared, for anything that is not a readable 006 token; never throws.
  bool FromString(const std::string& channelKeyString);

  std::string app_id_;
  std::string app_cert_;
  std::string channel_name_;
  std::string uid_;
  /// The raw HMAC-SHA256 signature read by FromString.
  std::string signature_;
  PrivilegeMessage message_;
  uint32_t crc_channel_name_ = 0;
  uint32_t crc_uid_ = 0;
};

// ------------------------------------------------------------- legacy ----

namespace detail {
using Legacy7 = rtctoken_status (*)(const char*, const char*, const char*, uint32_t, uint32_t,
                                    uint32_t, uint32_t, char**);

inline std::string Legacy(Legacy7 generate, const std::string& appID,
                          const std::string& appCertificate, const std::string& channelName,
                          uint32_t unixTs, uint32_t randomInt, uint32_t uid, uint32_t expiredTs) {
  return TakeString([&](char** out) {
    return generate(Text(appID, "app_id"), Text(appCertificate, "app_certificate"),
                    Text(channelName, "channel_name"), unixTs, randomInt, uid, expiredTs, out);
  });
}
}  // namespace detail

/// DynamicKey v1.
struct DynamicKey {
  static std::string version() { return ids::DYNAMIC_KEY_VERSION; }
  /// A v1 key for a channel.
  static std::string generate(const std::string& appID, const std::string& appCertificate,
                              const std::string& channelName, uint32_t unixTs,
                              uint32_t randomInt) {
    return detail::TakeString([&](char** out) {
      return rtctoken_dynamic_key_generate(
          detail::Text(appID, "app_id"), detail::Text(appCertificate, "app_certificate"),
          detail::Text(channelName, "channel_name"), unixTs, randomInt, out);
    });
  }
};

/// DynamicKey v2.
struct DynamicKey2 {
  static std::string version() { return ids::DYNAMIC_KEY2_VERSION; }
  /// A v2 key: v1 plus uid and expiry (absolute, 0 = none).
  static std::string generate(const std::string& appID, const std::string& appCertificate,
                              const std::string& channelName, uint32_t unixTs,
                              uint32_t randomInt, uint32_t uid, uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key2_generate, appID, appCertificate, channelName,
                          unixTs, randomInt, uid, expiredTs);
  }
};

/// DynamicKey v3.
struct DynamicKey3 {
  static std::string version() { return ids::DYNAMIC_KEY3_VERSION; }
  /// A v3 key: v2 with a version prefix.
  static std::string generate(const std::string& appID, const std::string& appCertificate,
                              const std::string& channelName, uint32_t unixTs,
                              uint32_t randomInt, uint32_t uid, uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key3_generate, appID, appCertificate, channelName,
                          unixTs, randomInt, uid, expiredTs);
  }
};

/// DynamicKey v4.
struct DynamicKey4 {
  static std::string version() { return ids::DYNAMIC_KEY4_VERSION; }
  /// A key to join a media channel.
  static std::string generateMediaChannelKey(const std::string& appID,
                                             const std::string& appCertificate,
                                             const std::string& channelName, uint32_t unixTs,
                                             uint32_t randomInt, uint32_t uid,
                                             uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key4_generate_media_channel_key, appID,
                          appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  }
  /// A key for recording.
  static std::string generateRecordingKey(const std::string& appID,
                                          const std::string& appCertificate,
                                          const std::string& channelName, uint32_t unixTs,
                                          uint32_t randomInt, uint32_t uid, uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key4_generate_recording_key, appID, appCertificate,
                          channelName, unixTs, randomInt, uid, expiredTs);
  }
  /// A key for public sharing.
  static std::string generatePublicSharingKey(const std::string& appID,
                                              const std::string& appCertificate,
                                              const std::string& channelName, uint32_t unixTs,
                                              uint32_t randomInt, uint32_t uid,
                                              uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key4_generate_public_sharing_key, appID,
                          appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  }
};

/// DynamicKey v5: static generators, and an instance that fromString
/// fills with the key's fields.
struct DynamicKey5 {
  enum ServiceType : uint16_t {
    MEDIA_CHANNEL_SERVICE = ids::DYNAMIC_KEY5_MEDIA_CHANNEL,
    RECORDING_SERVICE = ids::DYNAMIC_KEY5_RECORDING,
    PUBLIC_SHARING_SERVICE = ids::DYNAMIC_KEY5_PUBLIC_SHARING,
    IN_CHANNEL_PERMISSION = ids::DYNAMIC_KEY5_IN_CHANNEL_PERMISSION,
  };
  enum InChannelPermissionKey : uint16_t {
    ALLOW_UPLOAD_IN_CHANNEL = ids::DYNAMIC_KEY5_ALLOW_UPLOAD_IN_CHANNEL
  };
  using extra_map = std::map<uint16_t, std::string>;

  /// Uppercase hex HMAC-SHA1.
  std::string signature;
  /// The app id in uppercase hex, as the vendor prints it.
  std::string appID;
  uint32_t unixTs = 0;
  uint32_t randomInt = 0;
  uint32_t expiredTs = 0;
  extra_map extra;
  uint16_t serviceType = 0;

  /// Reads a v5 key into this object; false (fields untouched, as the
  /// vendor's) for anything that is not a readable v5 key; never throws.
  bool fromString(const std::string& channelKeyString);

  static std::string version() { return ids::DYNAMIC_KEY5_VERSION; }
  /// In-channel permission: no upload.
  static std::string noUpload() { return ids::DYNAMIC_KEY5_NO_UPLOAD; }
  /// In-channel permission: audio and video upload.
  static std::string audioVideoUpload() { return ids::DYNAMIC_KEY5_AUDIO_VIDEO_UPLOAD; }

  /// A key to join a media channel.
  static std::string generateMediaChannelKey(const std::string& appID,
                                             const std::string& appCertificate,
                                             const std::string& channelName, uint32_t unixTs,
                                             uint32_t randomInt, uint32_t uid,
                                             uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key5_generate_media_channel_key, appID,
                          appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  }
  /// A key for recording.
  static std::string generateRecordingKey(const std::string& appID,
                                          const std::string& appCertificate,
                                          const std::string& channelName, uint32_t unixTs,
                                          uint32_t randomInt, uint32_t uid, uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key5_generate_recording_key, appID, appCertificate,
                          channelName, unixTs, randomInt, uid, expiredTs);
  }
  /// A key for public sharing.
  static std::string generatePublicSharingKey(const std::string& appID,
                                              const std::string& appCertificate,
                                              const std::string& channelName, uint32_t unixTs,
                                              uint32_t randomInt, uint32_t uid,
                                              uint32_t expiredTs) {
    return detail::Legacy(rtctoken_dynamic_key5_generate_public_sharing_key, appID,
                          appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  }
  /// A key granting an in-channel permission (noUpload / audioVideoUpload).
  static std::string generateInChannelPermissionKey(const std::string& appID,
                                                    const std::string& appCertificate,
                                                    const std::string& channelName,
                                                    uint32_t unixTs, uint32_t randomInt,
                                                    uint32_t uid, uint32_t expiredTs,
                                                    const std::string& permission) {
    return detail::TakeString([&](char** out) {
      return rtctoken_dynamic_key5_generate_in_channel_permission_key(
          detail::Text(appID, "app_id"), detail::Text(appCertificate, "app_certificate"),
          detail::Text(channelName, "channel_name"), unixTs, randomInt, uid, expiredTs,
          detail::Text(permission, "permission"), out);
    });
  }
};

/// The signaling token (RTM before 2.0), under the vendor's class name.
struct CGeneSignalToken {
  /// `1:appId:expiredTs:md5(...)`, valid until `expiredTsInSeconds`.
  static std::string generateSignallingToken(const std::string& account, const std::string& appId,
                                             const std::string& appCertificateId,
                                             uint32_t expiredTsInSeconds) {
    return detail::TakeString([&](char** out) {
      return rtctoken_signaling_token_generate(
          detail::Text(account, "account"), detail::Text(appId, "app_id"),
          detail::Text(appCertificateId, "app_certificate"), expiredTsInSeconds, out);
    });
  }
};

// ------------------------------------------------- parse, verify, inspect ----

/// A decoded token of any version; see rtctoken_token_* for the fields.
class ParsedToken {
 public:
  /// Decodes `token`; throws Error (malformed, unsupported_version).
  static ParsedToken Parse(const std::string& token) {
    rtctoken_token* handle = nullptr;
    detail::Check(rtctoken_parse(detail::Text(token, "token"), &handle));
    return ParsedToken(handle);
  }

  /// "001"…"007" or "signaling".
  std::string Version() const { return rtctoken_token_version(handle_.get()); }

  std::string AppId() const { return rtctoken_token_app_id(handle_.get()); }

  /// The app ID as the vendor's own parser prints it (v5: uppercase hex).
  std::string VendorAppId() const { return rtctoken_token_vendor_app_id(handle_.get()); }

  /// A numeric field named like its JSON key ("issue_ts", "expire", "salt",
  /// "ts", "unix_ts", …), or empty when this token does not carry it.
  std::optional<uint32_t> Number(const std::string& field) const {
    uint32_t value = 0;
    rtctoken_status s = rtctoken_token_number(handle_.get(), detail::Text(field, "field"), &value);
    if (s == RTCTOKEN_INVALID_ARGUMENT) return std::nullopt;
    detail::Check(s);
    return value;
  }

  /// Number of 007 services read.
  size_t ServiceCount() const { return rtctoken_token_service_count(handle_.get()); }

  /// Type id of the i-th 007 service.
  uint16_t ServiceType(size_t i) const {
    uint16_t type = 0;
    detail::Check(rtctoken_token_service_type(handle_.get(), i, &type));
    return type;
  }

  /// Privileges (id -> expiry) of the i-th 007 service.
  std::map<uint16_t, uint32_t> ServicePrivileges(size_t i) const {
    std::map<uint16_t, uint32_t> out;
    size_t n = rtctoken_token_service_privilege_count(handle_.get(), i);
    for (size_t j = 0; j < n; ++j) {
      rtctoken_privilege p{};
      detail::Check(rtctoken_token_service_privilege(handle_.get(), i, j, &p));
      out[p.privilege] = p.expire;
    }
    return out;
  }

  /// A text field ("channel_name", "uid", "user_id", …) of the i-th service.
  std::string ServiceText(size_t i, const std::string& field) const {
    const char* value = nullptr;
    size_t length = 0;
    detail::Check(rtctoken_token_service_text(handle_.get(), i, detail::Text(field, "field"),
                                              &value, &length));
    return std::string(value, length);
  }

  /// Privileges (id -> absolute expiry) of a 006 token.
  std::map<uint16_t, uint32_t> Privileges() const {
    std::map<uint16_t, uint32_t> out;
    size_t n = rtctoken_token_privilege_count(handle_.get());
    for (size_t j = 0; j < n; ++j) {
      rtctoken_privilege p{};
      detail::Check(rtctoken_token_privilege(handle_.get(), j, &p));
      out[p.privilege] = p.expire;
    }
    return out;
  }

  /// The extra fields (key -> text) of a v5 key.
  std::map<uint16_t, std::string> Extra() const {
    std::map<uint16_t, std::string> out;
    size_t n = rtctoken_token_extra_count(handle_.get());
    for (size_t j = 0; j < n; ++j) {
      uint16_t key = 0;
      const char* value = nullptr;
      size_t length = 0;
      detail::Check(rtctoken_token_extra(handle_.get(), j, &key, &value, &length));
      out[key] = std::string(value, length);
    }
    return out;
  }

  /// The APaaS role of the i-th 007 service.
  int16_t ServiceRole(size_t i) const {
    int16_t role = 0;
    detail::Check(rtctoken_token_service_role(handle_.get(), i, &role));
    return role;
  }

  /// The RTM2 permissions of the i-th 007 service.
  ServiceRtm2::Permissions ServicePermissions(size_t i) const {
    ServiceRtm2::Permissions out;
    size_t n = rtctoken_token_service_permission_count(handle_.get(), i);
    for (size_t j = 0; j < n; ++j) {
      uint16_t type = 0, permission = 0;
      size_t count = 0;
      detail::Check(
          rtctoken_token_service_permission(handle_.get(), i, j, &type, &permission, &count));
      auto& list = out.details_[type][permission];
      for (size_t k = 0; k < count; ++k) {
        const char* value = nullptr;
        size_t length = 0;
        detail::Check(rtctoken_token_service_permission_resource(handle_.get(), i, j, k, &value,
                                                                 &length));
        list.emplace_back(value, length);
      }
    }
    return out;
  }

  /// The signature as carried: raw bytes (006, 007) or hex text (v1–v5,
  /// signaling).
  std::string Signature() const {
    const uint8_t* bytes = nullptr;
    size_t length = 0;
    detail::Check(rtctoken_token_signature(handle_.get(), &bytes, &length));
    return std::string(reinterpret_cast<const char*>(bytes), length);
  }

  /// The whole token as JSON text.
  std::string ToJson() const {
    return detail::TakeString(
        [&](char** out) { return rtctoken_token_to_json(handle_.get(), out); });
  }

 private:
  explicit ParsedToken(rtctoken_token* handle) : handle_(handle, rtctoken_token_free) {}
  std::unique_ptr<rtctoken_token, void (*)(rtctoken_token*)> handle_;
};

/// Decodes any token straight to JSON text.
inline std::string ParseJson(const std::string& token) {
  return detail::TakeString(
      [&](char** out) { return rtctoken_parse_json(detail::Text(token, "token"), out); });
}

/// The outcome of Verify.
struct Verification {
  /// Whether some certificate's signature holds.
  bool valid;
  /// Index of the first certificate that matched (when valid).
  size_t matched_index;
};

/// Checks `token` against each certificate in turn (primary, secondary, …).
/// 006 and v1–v5 tokens also need the channel name and uid they were made for.
inline Verification Verify(const std::string& token, const std::vector<std::string>& certificates,
                           const std::optional<std::string>& channel_name = std::nullopt,
                           const std::optional<std::string>& uid = std::nullopt) {
  std::vector<const char*> certs;
  for (const auto& c : certificates) certs.push_back(detail::Text(c, "certificates"));
  rtctoken_verification v{};
  detail::Check(rtctoken_verify(
      detail::Text(token, "token"), certs.data(), certs.size(),
      channel_name ? detail::Text(*channel_name, "channel_name") : nullptr,
      uid ? detail::Text(*uid, "uid") : nullptr, &v));
  return Verification{v.valid, v.matched_index};
}

/// Describes any token as JSON text as of `now` (Unix seconds; empty = clock).
inline std::string InspectJson(const std::string& token, std::optional<uint32_t> now = std::nullopt) {
  return detail::TakeString([&](char** out) {
    return rtctoken_inspect_json(detail::Text(token, "token"), now ? &*now : nullptr, out);
  });
}

// ------------------------------------- the vendor classes' parse half ----

namespace detail {

/// The parsed token if `text` is one of `version`, else empty (the vendor's
/// fromString/FromString never throw).
inline std::optional<ParsedToken> ParseVersion(const std::string& text, const std::string& version) {
  try {
    auto parsed = ParsedToken::Parse(text);
    if (parsed.Version() == version) return parsed;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

/// The i-th service of a parsed 007 token as its vendor class.
inline std::unique_ptr<Service> ReadService(const ParsedToken& t, size_t i) {
  auto text = [&](const char* field) { return t.ServiceText(i, field); };
  std::unique_ptr<Service> s;
  switch (t.ServiceType(i)) {
    case ServiceRtc::kServiceType:
      s.reset(new ServiceRtc(text("channel_name"), text("uid")));
      break;
    case ServiceRtm::kServiceType:
      s.reset(new ServiceRtm(text("user_id")));
      break;
    case ServiceStreaming::kServiceType:
      s.reset(new ServiceStreaming(text("channel_name"), text("account")));
      break;
    case ServiceFpa::kServiceType:
      s.reset(new ServiceFpa());
      break;
    case ServiceChat::kServiceType:
      s.reset(new ServiceChat(text("user_id")));
      break;
    case ServiceFCdn::kServiceType:
      s.reset(new ServiceFCdn(text("channel_name"), text("account")));
      break;
    case ServiceApaas::kServiceType:
      s.reset(new ServiceApaas(text("room_uuid"), text("user_uuid"), t.ServiceRole(i)));
      break;
    case ServiceRtm2::kServiceType:
      s.reset(new ServiceRtm2(text("user_id"), t.ServicePermissions(i)));
      break;
    case ServiceConvoAI::kServiceType:
      s.reset(new ServiceConvoAI());
      break;
    case ServiceStt::kServiceType:
      s.reset(new ServiceStt());
      break;
    default:
      s.reset(new Service(t.ServiceType(i)));
  }
  s->privileges_ = t.ServicePrivileges(i);
  return s;
}

}  // namespace detail

inline bool AccessToken2::FromString(const std::string& token) {
  parsed_.clear();
  app_id_.clear();
  signature_.clear();
  services_.clear();
  auto parsed = detail::ParseVersion(token, Version());
  if (!parsed) return false;
  try {
    std::multimap<uint16_t, std::unique_ptr<Service>> services;
    for (size_t i = 0; i < parsed->ServiceCount(); ++i) {
      auto s = detail::ReadService(*parsed, i);
      const uint16_t type = s->ServiceType();
      services.emplace(type, std::move(s));
    }
    app_id_ = parsed->AppId();
    issue_ts_ = parsed->Number("issue_ts");
    expire_ = parsed->Number("expire").value_or(0);
    salt_ = parsed->Number("salt");
    signature_ = parsed->Signature();
    services_ = std::move(services);
    parsed_ = token;
  } catch (const std::exception&) {
    app_id_.clear();
    signature_.clear();
    return false;
  }
  return true;
}

inline TokenStatus AccessToken2::VerifySignature(const std::string& app_certificate) {
  app_cert_ = app_certificate;
  if (parsed_.empty()) return kTokenInvalid;
  if (app_certificate.find('\0') != std::string::npos) return kTokenInvalidInfo;
  const char* certs[] = {app_certificate.c_str()};
  rtctoken_verification v{};
  switch (rtctoken_verify(parsed_.c_str(), certs, 1, nullptr, nullptr, &v)) {
    case RTCTOKEN_OK:
      return v.valid ? kTokenVerifySuccess : kTokenVerifyFailed;
    case RTCTOKEN_INVALID_APP_ID:
    case RTCTOKEN_INVALID_APP_CERTIFICATE:
      return kTokenInvalidInfo;
    default:
      return kTokenThrow;
  }
}

inline bool AccessToken::FromString(const std::string& channelKeyString) {
  app_id_.clear();
  signature_.clear();
  crc_channel_name_ = crc_uid_ = 0;
  message_ = PrivilegeMessage();
  auto parsed = detail::ParseVersion(channelKeyString, Version());
  if (!parsed) return false;
  try {
    PrivilegeMessage message;
    message.salt = parsed->Number("salt").value_or(0);
    message.ts = parsed->Number("ts").value_or(0);
    message.messages = parsed->Privileges();
    signature_ = parsed->Signature();
    crc_channel_name_ = parsed->Number("crc_channel_name").value_or(0);
    crc_uid_ = parsed->Number("crc_uid").value_or(0);
    app_id_ = parsed->AppId();
    message_ = std::move(message);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

inline bool DynamicKey5::fromString(const std::string& channelKeyString) {
  auto parsed = detail::ParseVersion(channelKeyString, version());
  if (!parsed) return false;
  try {
    auto extraRead = parsed->Extra();
    auto signatureRead = parsed->Signature();
    std::string id = parsed->VendorAppId();
    unixTs = parsed->Number("unix_ts").value_or(0);
    randomInt = parsed->Number("random_int").value_or(0);
    expiredTs = parsed->Number("expired_ts").value_or(0);
    serviceType = static_cast<uint16_t>(parsed->Number("service_type").value_or(0));
    extra = std::move(extraRead);
    signature = std::move(signatureRead);
    appID = std::move(id);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace rtctoken

#endif  // RTCTOKEN_HPP
