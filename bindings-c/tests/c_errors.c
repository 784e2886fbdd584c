/* Bad input through the C API: NULL pointers, invalid UTF-8, NULL
 * out-parameters, out-of-range indices and unknown statuses all come back as
 * a status (never a crash), leave out-parameters cleared, and record a
 * per-thread message that names the field and never the certificate. */
#include <stdio.h>
#include <string.h>

#include "rtctoken.h"

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";

static int failures;

#define CHECK(cond)                                                \
  do {                                                             \
    if (!(cond)) {                                                 \
      fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                  \
    }                                                              \
  } while (0)

/* The last error is `status` and its message mentions `field`. */
static int last_error_is(rtctoken_status status, const char *field) {
  return rtctoken_last_error_status() == status &&
         strstr(rtctoken_last_error_message(), field) != NULL;
}

static char *build(const char *app_id, const char *cert, const char *channel) {
  char *token = NULL;
  rtctoken_stamp st = {1700000000u, 1};
  rtctoken_rtc_token_builder2_build_token_with_uid(app_id, cert, channel, 1, 1, 600, 600, &st,
                                                   &token);
  return token;
}

int main(void) {
  char *token = (char *)"stale";
  const char invalid_utf8[] = {'c', (char)0xff, (char)0xfe, 0};

  /* NULL and non-UTF-8 text arguments. */
  CHECK(rtctoken_rtc_token_builder2_build_token_with_uid(NULL, CERT, "c", 1, 1, 600, 600, NULL,
                                                         &token) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(token == NULL);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "app_id"));
  CHECK(rtctoken_dynamic_key_generate(APP_ID, NULL, "c", 1, 2, &token) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "app_certificate"));
  CHECK(rtctoken_chat_token_builder2_build_user_token(APP_ID, CERT, invalid_utf8, 600, NULL,
                                                      &token) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "UTF-8"));
  CHECK(token == NULL);

  /* A NULL out-parameter is refused before any work. */
  CHECK(rtctoken_fpa_token_builder_build_token(APP_ID, CERT, NULL, NULL) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "token_out"));

  /* Arrays: NULL with a non-zero count is refused; NULL with 0 is fine. */
  CHECK(rtctoken_access_token_build(APP_ID, CERT, "c", "", 1, 2, NULL, 3, &token) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_access_token_build(APP_ID, CERT, "c", "", 1, 2, NULL, 0, &token) == RTCTOKEN_OK);
  rtctoken_string_free(token);
  rtctoken_rtm2_permission bad_perm = {0, 0, NULL, 2};
  CHECK(rtctoken_rtm_token_builder2_build_token_with_permissions(APP_ID, CERT, "u", &bad_perm, 1,
                                                                 600, NULL, &token) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "permissions entry 0: resources"));
  rtctoken_rtm2_permission bad_type = {9, 0, NULL, 0};
  CHECK(rtctoken_rtm_token_builder2_build_token_with_permissions(APP_ID, CERT, "u", &bad_type, 1,
                                                                 600, NULL, &token) ==
        RTCTOKEN_INVALID_ARGUMENT);

  /* Services as JSON: the core's shape, or an error naming `services`. */
  CHECK(rtctoken_access_token2_build_json(APP_ID, CERT, 600, "[{\"type\":\"nope\"}]", NULL,
                                          &token) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "services"));
  CHECK(rtctoken_access_token2_build_json(APP_ID, CERT, 600, "[]", NULL, &token) ==
        RTCTOKEN_NO_SERVICE);
  CHECK(rtctoken_access_token2_build_json(APP_ID, CERT, 600, NULL, NULL, &token) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(token == NULL);

  /* Invalid credentials: the message names the field, never the value. */
  const char *bad_cert = "5CFd2fd1755d40ecb72977518be15dZZ";
  CHECK(build(APP_ID, bad_cert, "c") == NULL);
  CHECK(last_error_is(RTCTOKEN_INVALID_APP_CERTIFICATE, "app_certificate"));
  CHECK(strstr(rtctoken_last_error_message(), bad_cert) == NULL);
  CHECK(build("short", CERT, "c") == NULL);
  CHECK(rtctoken_last_error_status() == RTCTOKEN_INVALID_APP_ID);

  /* Builder handle misuse. */
  rtctoken_access_token2 *t = NULL;
  CHECK(rtctoken_access_token2_add_rtm(NULL, "u", NULL, 0) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_access_token2_build(NULL, &token) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_access_token2_create(APP_ID, CERT, 600, NULL, NULL, NULL) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_access_token2_create(APP_ID, CERT, 600, NULL, NULL, &t) == RTCTOKEN_OK);
  CHECK(rtctoken_access_token2_build(t, &token) == RTCTOKEN_NO_SERVICE);
  CHECK(rtctoken_access_token2_add_rtc(t, NULL, "1", NULL, 0) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_access_token2_add_rtc(t, "c", "1", NULL, 0) == RTCTOKEN_OK);
  CHECK(rtctoken_access_token2_build(t, &token) == RTCTOKEN_OK && token != NULL);
  rtctoken_string_free(token);
  rtctoken_access_token2_free(t);
  rtctoken_access_token2_free(NULL);

  /* Parse handle misuse and bounds. */
  rtctoken_token *p = NULL;
  CHECK(rtctoken_parse(NULL, &p) == RTCTOKEN_INVALID_ARGUMENT && p == NULL);
  CHECK(rtctoken_parse("007@@@", &p) == RTCTOKEN_MALFORMED && p == NULL);
  CHECK(rtctoken_parse("999xyz", &p) == RTCTOKEN_UNSUPPORTED_VERSION);
  CHECK(rtctoken_token_version(NULL) == NULL);
  CHECK(rtctoken_token_app_id(NULL) == NULL);
  CHECK(rtctoken_token_service_count(NULL) == 0);
  char *good = build(APP_ID, CERT, "chan");
  CHECK(good != NULL);
  CHECK(rtctoken_parse(good, &p) == RTCTOKEN_OK);
  uint32_t n = 7;
  uint16_t type = 9;
  const char *text = NULL;
  rtctoken_privilege priv;
  int16_t role;
  CHECK(rtctoken_token_number(p, "ts", &n) == RTCTOKEN_INVALID_ARGUMENT && n == 0);
  CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "ts"));
  CHECK(rtctoken_token_number(p, NULL, &n) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_number(p, "salt", NULL) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_number(p, "salt", &n) == RTCTOKEN_OK && n == 1);
  CHECK(rtctoken_token_service_type(p, 5, &type) == RTCTOKEN_INVALID_ARGUMENT && type == 0);
  CHECK(rtctoken_token_service_privilege(p, 0, 99, &priv) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_service_text(p, 0, "room_uuid", &text, NULL) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_service_text(p, 0, "channel_name", NULL, NULL) ==
        RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_service_text(p, 0, "channel_name", &text, NULL) == RTCTOKEN_OK &&
        strcmp(text, "chan") == 0);
  CHECK(rtctoken_token_service_role(p, 0, &role) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_service_permission_count(p, 0) == 0);
  CHECK(rtctoken_token_privilege(p, 0, &priv) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_service_type_name(1) != NULL && strcmp(rtctoken_service_type_name(1), "rtc") == 0);
  CHECK(rtctoken_service_type_name(999) == NULL);
  rtctoken_token_free(p);
  rtctoken_token_free(NULL);

  /* Verify: NULL certificates, no certificates, bad certificate, inputs. */
  rtctoken_verification v = {true, 5};
  const char *certs[] = {CERT, NULL};
  CHECK(rtctoken_verify(good, NULL, 1, NULL, NULL, &v) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(!v.valid && v.matched_index == 0);
  CHECK(rtctoken_verify(good, certs, 2, NULL, NULL, &v) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_verify(good, certs, 0, NULL, NULL, &v) == RTCTOKEN_INVALID_APP_CERTIFICATE);
  CHECK(rtctoken_verify(good, certs, 1, NULL, NULL, NULL) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_verify(good, certs, 1, NULL, NULL, &v) == RTCTOKEN_OK && v.valid);
  char *legacy = NULL;
  CHECK(rtctoken_dynamic_key5_generate_media_channel_key(APP_ID, CERT, "c", 1, 2, 3, 0, &legacy) ==
        RTCTOKEN_OK);
  CHECK(rtctoken_verify(legacy, certs, 1, NULL, "3", &v) == RTCTOKEN_MISSING_INPUT);
  CHECK(rtctoken_verify(legacy, certs, 1, "c", "3", &v) == RTCTOKEN_OK && v.valid);
  CHECK(rtctoken_verify(legacy, certs, 1, "c", "4", &v) == RTCTOKEN_OK && !v.valid);
  rtctoken_string_free(legacy);

  /* Inspect and the JSON helpers. */
  char *json = (char *)"stale";
  uint32_t now = 1800000000u;
  CHECK(rtctoken_inspect_json("nope", &now, &json) != RTCTOKEN_OK && json == NULL);
  CHECK(rtctoken_inspect_json(good, NULL, &json) == RTCTOKEN_OK && json[0] == '{');
  rtctoken_string_free(json);
  CHECK(rtctoken_parse_json(good, NULL) == RTCTOKEN_INVALID_ARGUMENT);
  CHECK(rtctoken_token_to_json(NULL, &json) == RTCTOKEN_INVALID_ARGUMENT);
  rtctoken_string_free(good);

  /* Damaged tokens (every position changed, every truncation) are either
   * decoded or refused with a status: never a crash or a leak. */
  {
    char *base = build(APP_ID, CERT, "damage");
    char *base_json = NULL;
    CHECK(rtctoken_parse_json(base, &base_json) == RTCTOKEN_OK);
    size_t len = strlen(base), refused = 0;
    char copy[1024];
    for (size_t i = 0; i < len && len < sizeof copy; i++) {
      for (int variant = 0; variant < 3; variant++) {
        memcpy(copy, base, len + 1);
        if (variant == 0) copy[i] = copy[i] == 'A' ? 'B' : 'A';
        if (variant == 1) copy[i] = '@';
        if (variant == 2) copy[i] = '\0';
        rtctoken_token *d = NULL;
        char *out = NULL;
        rtctoken_status ps = rtctoken_parse(copy, &d);
        CHECK((ps == RTCTOKEN_OK) == (d != NULL));
        if (ps != RTCTOKEN_OK) refused++;
        rtctoken_token_free(d);
        rtctoken_status js = rtctoken_parse_json(copy, &out);
        CHECK((js == RTCTOKEN_OK) == (out != NULL));
        rtctoken_status vs = rtctoken_verify(copy, certs, 1, NULL, NULL, &v);
        CHECK(vs != RTCTOKEN_INTERNAL);
        /* Still valid only if it decodes to the very same payload (a change
         * in deflate's unused padding bits, say). */
        if (vs == RTCTOKEN_OK && v.valid) CHECK(out && strcmp(out, base_json) == 0);
        rtctoken_string_free(out);
        out = NULL;
        CHECK(rtctoken_inspect_json(copy, &now, &out) == ps);
        rtctoken_string_free(out);
      }
    }
    CHECK(refused > 0);
    rtctoken_string_free(base_json);
    rtctoken_string_free(base);
  }

  /* A generic service of any type id; a NULL handle is refused. */
  {
    rtctoken_access_token2 *t2 = NULL;
    uint32_t issue = 1700000000u, salt = 1;
    rtctoken_privilege p = {1, 60};
    CHECK(rtctoken_access_token2_add_generic(NULL, 999, &p, 1) == RTCTOKEN_INVALID_ARGUMENT);
    CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "token2"));
    CHECK(rtctoken_access_token2_create(APP_ID, CERT, 600, &issue, &salt, &t2) == RTCTOKEN_OK);
    CHECK(rtctoken_access_token2_add_generic(t2, 999, &p, 1) == RTCTOKEN_OK);
    CHECK(rtctoken_access_token2_add_generic(t2, 999, NULL, 1) == RTCTOKEN_INVALID_ARGUMENT);
    char *generic = NULL;
    CHECK(rtctoken_access_token2_build(t2, &generic) == RTCTOKEN_OK);
    const char *certs[] = {CERT};
    rtctoken_verification v = {0};
    CHECK(rtctoken_verify(generic, certs, 1, NULL, NULL, &v) == RTCTOKEN_OK && v.valid);
    rtctoken_token *parsed = NULL;
    uint32_t unknown = 0;
    CHECK(rtctoken_parse(generic, &parsed) == RTCTOKEN_OK);
    CHECK(rtctoken_token_number(parsed, "unknown_service_type", &unknown) == RTCTOKEN_OK);
    CHECK(unknown == 999);
    CHECK(rtctoken_token_service_count(parsed) == 0);

    /* The signature as carried; NULL handle and outs refused. */
    const uint8_t *sig = NULL;
    size_t sig_len = 0;
    CHECK(rtctoken_token_signature(parsed, &sig, &sig_len) == RTCTOKEN_OK);
    CHECK(sig != NULL && sig_len == 32);
    CHECK(rtctoken_token_signature(NULL, &sig, &sig_len) == RTCTOKEN_INVALID_ARGUMENT);
    CHECK(rtctoken_token_signature(parsed, NULL, &sig_len) == RTCTOKEN_INVALID_ARGUMENT);
    CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "bytes_out"));
    CHECK(rtctoken_token_signature(parsed, &sig, NULL) == RTCTOKEN_INVALID_ARGUMENT);
    rtctoken_token_free(parsed);
    rtctoken_string_free(generic);
    rtctoken_access_token2_free(t2);
  }

  /* 006 defaults: a salt in 1..=99999999 and ts 24 h after issue. */
  {
    uint32_t issue = 1700000000u, salt = 0, ts = 0;
    CHECK(rtctoken_access_token_defaults(&issue, &salt, &ts) == RTCTOKEN_OK);
    CHECK(salt >= 1 && salt <= 99999999u && ts == issue + 24 * 3600);
    CHECK(rtctoken_access_token_defaults(NULL, &salt, &ts) == RTCTOKEN_OK);
    CHECK(ts > 1700000000u + 24 * 3600);
    issue = 0xFFFFFFF0u;
    CHECK(rtctoken_access_token_defaults(&issue, &salt, &ts) == RTCTOKEN_INVALID_ARGUMENT);
    CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "issue_ts"));
    CHECK(salt == 0 && ts == 0);
    CHECK(rtctoken_access_token_defaults(NULL, NULL, &ts) == RTCTOKEN_INVALID_ARGUMENT);
    CHECK(last_error_is(RTCTOKEN_INVALID_ARGUMENT, "salt_out"));
  }

  /* Status names and messages, including unknown values. */
  CHECK(strcmp(rtctoken_status_name(RTCTOKEN_OK), "ok") == 0);
  CHECK(strcmp(rtctoken_status_name(RTCTOKEN_MISSING_INPUT), "missing_input") == 0);
  CHECK(strcmp(rtctoken_status_name(-1), "unknown status") == 0);
  CHECK(strcmp(rtctoken_status_message(42), "unknown status") == 0);
  for (int s = RTCTOKEN_OK; s <= RTCTOKEN_INTERNAL; s++) {
    CHECK(strlen(rtctoken_status_message(s)) > 0);
  }
  rtctoken_string_free(NULL);

  printf("c_errors: %d failures\n", failures);
  return failures == 0 ? 0 : 1;
}
