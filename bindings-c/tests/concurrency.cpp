// 8 threads build, parse and verify tokens through the C API at once. Each
// result is compared with the one computed single-threaded beforehand, and
// each thread checks that its last-error details are its own. All threads
// also read the same parse handles at once (their field view is built on
// the first read).
#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "rtctoken.h"

namespace {

constexpr int kThreads = 8;
constexpr int kIterations = 400;
constexpr const char* kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char* kCerts[2] = {"97818cc591aa90505c22a4d9bd8b4b3f",
                                   "5CFd2fd1755d40ecb72977518be15d3b"};

std::string Build(int thread, int i) {
  rtctoken_stamp stamp{1700000000u + static_cast<uint32_t>(thread), static_cast<uint32_t>(i + 1)};
  std::string channel = "channel-" + std::to_string(thread);
  char* token = nullptr;
  if (rtctoken_rtc_token_builder2_build_token_with_uid(kAppId, kCerts[1], channel.c_str(),
                                                       static_cast<uint32_t>(1000 + i), 1, 3600,
                                                       600, &stamp, &token) != RTCTOKEN_OK) {
    return "";
  }
  std::string out(token);
  rtctoken_string_free(token);
  return out;
}

}  // namespace

int main() {
  std::vector<std::vector<std::string>> expected(kThreads);
  for (int t = 0; t < kThreads; t++) {
    for (int i = 0; i < kIterations; i++) expected[t].push_back(Build(t, i));
  }

  // Parse handles every thread reads at the same iteration.
  std::vector<rtctoken_token*> shared(kIterations);
  for (int i = 0; i < kIterations; i++) rtctoken_parse(expected[0][i].c_str(), &shared[i]);

  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  auto fail = [&](int t, const char* what) {
    std::fprintf(stderr, "thread %d: %s\n", t, what);
    failures++;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      ready++;
      while (ready.load() < kThreads) {
      }
      for (int i = 0; i < kIterations; i++) {
        std::string token = Build(t, i);
        if (token.empty() || token != expected[t][i]) fail(t, "token differs from the single-threaded one");

        rtctoken_verification v{};
        if (rtctoken_verify(token.c_str(), kCerts, 2, nullptr, nullptr, &v) != RTCTOKEN_OK ||
            !v.valid || v.matched_index != 1) {
          fail(t, "verification");
        }

        rtctoken_token* parsed = nullptr;
        uint32_t issue_ts = 0;
        if (rtctoken_parse(token.c_str(), &parsed) != RTCTOKEN_OK ||
            rtctoken_token_number(parsed, "issue_ts", &issue_ts) != RTCTOKEN_OK ||
            issue_ts != 1700000000u + static_cast<uint32_t>(t)) {
          fail(t, "parse");
        }
        rtctoken_token_free(parsed);

        const char* channel = nullptr;
        size_t length = 0;
        if (rtctoken_token_service_text(shared[i], 0, "channel_name", &channel, &length) !=
                RTCTOKEN_OK ||
            std::string(channel, length) != "channel-0") {
          fail(t, "shared parse handle");
        }

        // A fresh token (clock, random salt) still verifies.
        char* fresh = nullptr;
        if (rtctoken_rtm_token_builder2_build_token(kAppId, kCerts[1], "user", 600, nullptr,
                                                    &fresh) != RTCTOKEN_OK ||
            rtctoken_verify(fresh, kCerts, 2, nullptr, nullptr, &v) != RTCTOKEN_OK || !v.valid) {
          fail(t, "fresh token");
        }
        rtctoken_string_free(fresh);

        // Errors: even threads a bad app ID, odd threads a bad certificate;
        // the last-error details must be this thread's.
        bool even = t % 2 == 0;
        char* bad = nullptr;
        rtctoken_status s = rtctoken_chat_token_builder2_build_app_token(
            even ? "xyz" : kAppId, even ? kCerts[1] : "xyz", 600, nullptr, &bad);
        rtctoken_status want = even ? RTCTOKEN_INVALID_APP_ID : RTCTOKEN_INVALID_APP_CERTIFICATE;
        const char* field = even ? "app_id" : "app_certificate";
        if (s != want || bad != nullptr || rtctoken_last_error_status() != want ||
            std::strstr(rtctoken_last_error_message(), field) == nullptr) {
          fail(t, "per-thread last error");
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (rtctoken_token* handle : shared) rtctoken_token_free(handle);
  std::printf("%d threads x %d iterations: %d failures\n", kThreads, kIterations, failures.load());
  return failures.load() == 0 ? 0 : 1;
}
