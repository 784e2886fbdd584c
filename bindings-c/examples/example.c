/* Mint, read and verify an RTC token from C (README example). */
#include <stdio.h>

#include <rtctoken.h>

int main(void) {
  const char *app_id = "970CA35de60c44645bbae8a215061b33";
  const char *app_certificate = "5CFd2fd1755d40ecb72977518be15d3b";
  char *token = NULL;

  /* Publisher uid 42 in "demo": the token lives 1 h, its privileges 10 min.
   * The stamp is NULL: issued now, with a random salt. */
  rtctoken_status status = rtctoken_rtc_token_builder2_build_token_with_uid(
      app_id, app_certificate, "demo", 42, 1, 3600, 600, NULL, &token);
  if (status != RTCTOKEN_OK) {
    fprintf(stderr, "%s: %s\n", rtctoken_status_name(status), rtctoken_last_error_message());
    return 1;
  }
  printf("token: %s\n", token);

  /* Read it back. */
  rtctoken_token *parsed = NULL;
  uint32_t expire = 0;
  const char *uid = NULL;
  if (rtctoken_parse(token, &parsed) != RTCTOKEN_OK ||
      rtctoken_token_number(parsed, "expire", &expire) != RTCTOKEN_OK ||
      rtctoken_token_service_text(parsed, 0, "uid", &uid, NULL) != RTCTOKEN_OK) {
    fprintf(stderr, "parse: %s\n", rtctoken_last_error_message());
    return 1;
  }
  printf("version %s, expires %u s after issue, uid %s\n", rtctoken_token_version(parsed),
         expire, uid);
  rtctoken_token_free(parsed);

  /* Verify during a certificate rotation: old certificate first, new second. */
  const char *certificates[] = {"97818cc591aa90505c22a4d9bd8b4b3f", app_certificate};
  rtctoken_verification v;
  if (rtctoken_verify(token, certificates, 2, NULL, NULL, &v) != RTCTOKEN_OK || !v.valid) {
    fprintf(stderr, "verify failed\n");
    return 1;
  }
  printf("valid, signed with certificate #%zu\n", v.matched_index);
  rtctoken_string_free(token);

  /* Errors come back as a status, with details for this thread. */
  status = rtctoken_rtm_token_builder2_build_token("not-an-app-id", app_certificate, "alice",
                                                   600, NULL, &token);
  printf("bad app ID -> %s (%s)\n", rtctoken_status_name(status), rtctoken_last_error_message());
  return status == RTCTOKEN_INVALID_APP_ID ? 0 : 1;
}
