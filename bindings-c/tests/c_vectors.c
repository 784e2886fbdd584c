/* Replays every case of the five vector files through the public C API,
 * dispatching on `call` (a call this harness does not know fails the run),
 * and checks every status: RTCTOKEN_OK with the exact token / parse result /
 * verification, or the exact error kind with a last-error message.
 * Builder calls run through their generated exports by catalogue name
 * (catalogue_calls.inc); access_token2.build also through the builder
 * handle. Parse cases are also checked field by field through the handle
 * accessors.
 *
 * usage: c_vectors <vectors dir> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rtctoken.h"
#include "support/json.h"

static const char *const FILES[] = {"legacy.json", "access_token_006.json",
                                    "access_token2_007.json", "parse.json", "errors.json"};

/* Why a case could not be run at all (a harness problem, not a result). */
static char harness_error[256];

static int harness_fail(const char *what, const char *name) {
  snprintf(harness_error, sizeof harness_error, "%s %s", what, name);
  return 0;
}

/* ------------------------------------------- readers, one per catalogue type */

static const char *arg_text(const json_value *args, const char *key, int *ok) {
  const json_value *v = json_get(args, key);
  if (!v || v->type != JSON_STRING) {
    *ok = harness_fail("missing string argument", key);
    return "";
  }
  return v->string;
}

static uint32_t arg_u32(const json_value *args, const char *key, int *ok) {
  const json_value *v = json_get(args, key);
  if (!v || v->type != JSON_NUMBER || v->integer < 0 || v->integer > 4294967295LL) {
    *ok = harness_fail("missing u32 argument", key);
    return 0;
  }
  return (uint32_t)v->integer;
}

/* A trailing optional parameter: its catalogue default when absent. */
static uint32_t arg_u32_or(const json_value *args, const char *key, uint32_t fallback, int *ok) {
  return json_get(args, key) ? arg_u32(args, key, ok) : fallback;
}

static int16_t arg_i16(const json_value *args, const char *key, int *ok) {
  const json_value *v = json_get(args, key);
  if (!v || v->type != JSON_NUMBER || v->integer < -32768 || v->integer > 32767) {
    *ok = harness_fail("missing i16 argument", key);
    return 0;
  }
  return (int16_t)v->integer;
}

/* A privilege map {"1": 600, ...} as a C array. */
typedef struct privilege_list {
  rtctoken_privilege *items;
  size_t count;
} privilege_list;

static privilege_list privileges_read(const json_value *args, const char *key, int *ok) {
  const json_value *map = json_get(args, key);
  (void)ok;
  privilege_list p = {NULL, map ? map->count : 0};
  p.items = calloc(p.count ? p.count : 1, sizeof *p.items);
  for (size_t i = 0; i < p.count; i++) {
    p.items[i].privilege = (uint16_t)atoi(map->keys[i]);
    p.items[i].expire = (uint32_t)map->items[i].integer;
  }
  return p;
}

static void privileges_free(privilege_list *p) { free(p->items); }

/* RTM2 permissions {"type": {"perm": [resources]}} as a C array. */
typedef struct permission_list {
  rtctoken_rtm2_permission *items;
  const char **resources;
  size_t count;
} permission_list;

static permission_list permissions_read(const json_value *args, const char *key, int *ok) {
  const json_value *map = json_get(args, key);
  permission_list p = {0};
  size_t total = 0;
  (void)ok;
  for (size_t t = 0; map && t < map->count; t++) {
    const json_value *perms = &map->items[t];
    p.count += perms->count;
    for (size_t q = 0; q < perms->count; q++) total += perms->items[q].count;
  }
  p.items = calloc(p.count ? p.count : 1, sizeof *p.items);
  p.resources = calloc(total ? total : 1, sizeof *p.resources);
  size_t e = 0, r = 0;
  for (size_t t = 0; map && t < map->count; t++) {
    const json_value *perms = &map->items[t];
    for (size_t q = 0; q < perms->count; q++) {
      const json_value *list = &perms->items[q];
      p.items[e].resource_type = (uint16_t)atoi(map->keys[t]);
      p.items[e].permission = (uint16_t)atoi(perms->keys[q]);
      p.items[e].resources = &p.resources[r];
      p.items[e].resource_count = list->count;
      for (size_t k = 0; k < list->count; k++) p.resources[r++] = list->items[k].string;
      e++;
    }
  }
  return p;
}

static void permissions_free(permission_list *p) {
  free(p->items);
  free(p->resources);
}

/* A value handed over as JSON text (services: the core's serde shape). */
typedef struct json_text {
  char *text;
} json_text;

static json_text json_text_read(const json_value *args, const char *key, int *ok) {
  const json_value *v = json_get(args, key);
  json_text t = {NULL};
  if (!v) {
    *ok = harness_fail("missing argument", key);
    return t;
  }
  t.text = json_write(v);
  return t;
}

static void json_text_free(json_text *t) { free(t->text); }

#include "catalogue_calls.inc"

/* ------------------------------------------------------------- dispatch */

/* What one case produced: a status and, on success, a string (token or
 * parse JSON) or a verification. */
typedef struct outcome {
  rtctoken_status status;
  char *text;
  int has_valid;
  int valid;
} outcome;

static rtctoken_status add_service(rtctoken_access_token2 *t, const json_value *svc, int *ok) {
  const char *type = arg_text(svc, "type", ok);
  privilege_list p = privileges_read(svc, "privileges", ok);
  rtctoken_status s;
  if (strcmp(type, "rtc") == 0) {
    s = rtctoken_access_token2_add_rtc(t, arg_text(svc, "channel_name", ok), arg_text(svc, "uid", ok),
                                       p.items, p.count);
  } else if (strcmp(type, "rtm") == 0) {
    s = rtctoken_access_token2_add_rtm(t, arg_text(svc, "user_id", ok), p.items, p.count);
  } else if (strcmp(type, "streaming") == 0) {
    s = rtctoken_access_token2_add_streaming(t, arg_text(svc, "channel_name", ok),
                                             arg_text(svc, "account", ok), p.items, p.count);
  } else if (strcmp(type, "fpa") == 0) {
    s = rtctoken_access_token2_add_fpa(t, p.items, p.count);
  } else if (strcmp(type, "chat") == 0) {
    s = rtctoken_access_token2_add_chat(t, arg_text(svc, "user_id", ok), p.items, p.count);
  } else if (strcmp(type, "fcdn") == 0) {
    s = rtctoken_access_token2_add_fcdn(t, arg_text(svc, "channel_name", ok),
                                        arg_text(svc, "account", ok), p.items, p.count);
  } else if (strcmp(type, "apaas") == 0) {
    s = rtctoken_access_token2_add_apaas(t, arg_text(svc, "room_uuid", ok),
                                         arg_text(svc, "user_uuid", ok), arg_i16(svc, "role", ok),
                                         p.items, p.count);
  } else if (strcmp(type, "rtm2") == 0) {
    permission_list perms = permissions_read(svc, "permissions", ok);
    s = rtctoken_access_token2_add_rtm2(t, arg_text(svc, "user_id", ok), perms.items, perms.count,
                                        p.items, p.count);
    permissions_free(&perms);
  } else if (strcmp(type, "convoai") == 0) {
    s = rtctoken_access_token2_add_convoai(t, p.items, p.count);
  } else if (strcmp(type, "stt") == 0) {
    s = rtctoken_access_token2_add_stt(t, p.items, p.count);
  } else {
    *ok = harness_fail("unknown service type", type);
    s = RTCTOKEN_INTERNAL;
  }
  privileges_free(&p);
  return s;
}

/* access_token2.build again, through the builder handle and one
 * rtctoken_access_token2_add_* per service. */
static int run_handle_007(const char *call, const json_value *a, outcome *o) {
  int ok = 1;
  (void)call;
  uint32_t issue_ts = arg_u32(a, "issue_ts", &ok), salt = arg_u32(a, "salt", &ok);
  rtctoken_access_token2 *t = NULL;
  memset(o, 0, sizeof *o);
  o->status = rtctoken_access_token2_create(arg_text(a, "app_id", &ok),
                                            arg_text(a, "app_certificate", &ok),
                                            arg_u32(a, "expire", &ok), &issue_ts, &salt, &t);
  const json_value *services = json_get(a, "services");
  for (size_t i = 0; o->status == RTCTOKEN_OK && services && i < services->count; i++) {
    o->status = add_service(t, &services->items[i], &ok);
  }
  if (o->status == RTCTOKEN_OK) o->status = rtctoken_access_token2_build(t, &o->text);
  rtctoken_access_token2_free(t);
  return ok;
}

/* Runs one case through the generated export of its catalogue call, or
 * parse / verify; returns 0 (with harness_error set) if the call is
 * unknown or its arguments do not have the expected shape. */
static int run(const char *call, const json_value *a, outcome *o) {
  int ok = 1;
  rtctoken_stamp st = {0, 0};
  if (json_get(a, "issue_ts") && json_get(a, "salt")) {
    st.issue_ts = arg_u32(a, "issue_ts", &ok);
    st.salt = arg_u32(a, "salt", &ok);
  }
  memset(o, 0, sizeof *o);
  for (size_t i = 0; i < sizeof CATALOGUE / sizeof CATALOGUE[0]; i++) {
    if (strcmp(call, CATALOGUE[i].name) == 0) {
      o->status = CATALOGUE[i].run(a, &st, &o->text, &ok);
      return ok;
    }
  }
  if (strcmp(call, "parse") == 0) {
    o->status = rtctoken_parse_json(arg_text(a, "token", &ok), &o->text);
  } else if (strcmp(call, "verify") == 0) {
    const char *cert = arg_text(a, "app_certificate", &ok);
    const json_value *ch = json_get(a, "channel_name"), *uid = json_get(a, "uid");
    rtctoken_verification v;
    o->status = rtctoken_verify(arg_text(a, "token", &ok), &cert, 1, ch ? ch->string : NULL,
                                uid ? uid->string : NULL, &v);
    o->has_valid = 1;
    o->valid = v.valid;
  } else {
    return harness_fail("the harness does not know the call", call);
  }
  return ok;
}

/* ------------------------------------------------------ parse accessors */

/* Whether the privilege list read through `get` (count `n`) equals the
 * expected map, in any order (JSON object keys carry no order). */
static int same_privileges(const json_value *map, size_t n,
                           rtctoken_status (*get)(const rtctoken_token *, size_t, size_t,
                                                  rtctoken_privilege *),
                           const rtctoken_token *t, size_t service) {
  if (n != map->count) return 0;
  for (size_t j = 0; j < n; j++) {
    rtctoken_privilege p;
    if (get(t, service, j, &p) != RTCTOKEN_OK) return 0;
    int found = 0;
    for (size_t k = 0; k < map->count; k++) {
      if (p.privilege == atoi(map->keys[k]) && p.expire == (uint32_t)map->items[k].integer) found = 1;
    }
    if (!found) return 0;
  }
  return 1;
}

/* Token-level (006) privileges through the same shape as service ones. */
static rtctoken_status token_privilege(const rtctoken_token *t, size_t unused, size_t j,
                                       rtctoken_privilege *p) {
  (void)unused;
  return rtctoken_token_privilege(t, j, p);
}

/* The permission entry index for (type, permission), or (size_t)-1. */
static size_t find_permission(const rtctoken_token *t, size_t service, int type, int perm) {
  size_t n = rtctoken_token_service_permission_count(t, service);
  for (size_t e = 0; e < n; e++) {
    uint16_t rt, p;
    size_t count;
    if (rtctoken_token_service_permission(t, service, e, &rt, &p, &count) == RTCTOKEN_OK &&
        rt == type && p == perm) {
      return e;
    }
  }
  return (size_t)-1;
}

static int check_service(const rtctoken_token *t, size_t i, const json_value *exp, char *why,
                         size_t why_size) {
  uint16_t type = 0;
  if (rtctoken_token_service_type(t, i, &type) != RTCTOKEN_OK) {
    snprintf(why, why_size, "service %zu: no type", i);
    return 0;
  }
  for (size_t k = 0; k < exp->count; k++) {
    const char *key = exp->keys[k];
    const json_value *v = &exp->items[k];
    if (strcmp(key, "type") == 0) {
      const char *name = rtctoken_service_type_name(type);
      if (!name || strcmp(name, v->string) != 0) {
        snprintf(why, why_size, "service %zu type %s", i, name ? name : "(null)");
        return 0;
      }
    } else if (strcmp(key, "privileges") == 0) {
      if (!same_privileges(v, rtctoken_token_service_privilege_count(t, i),
                           rtctoken_token_service_privilege, t, i)) {
        snprintf(why, why_size, "service %zu privileges", i);
        return 0;
      }
    } else if (strcmp(key, "role") == 0) {
      int16_t role;
      if (rtctoken_token_service_role(t, i, &role) != RTCTOKEN_OK || role != v->integer) {
        snprintf(why, why_size, "service %zu role", i);
        return 0;
      }
    } else if (strcmp(key, "permissions") == 0) {
      size_t e = 0;
      for (size_t a = 0; a < v->count; a++) {
        for (size_t b = 0; b < v->items[a].count; b++, e++) {
          const json_value *list = &v->items[a].items[b];
          uint16_t rt, perm;
          size_t n;
          size_t at = find_permission(t, i, atoi(v->keys[a]), atoi(v->items[a].keys[b]));
          if (at == (size_t)-1 ||
              rtctoken_token_service_permission(t, i, at, &rt, &perm, &n) != RTCTOKEN_OK ||
              n != list->count) {
            snprintf(why, why_size, "service %zu permission %zu", i, e);
            return 0;
          }
          for (size_t r = 0; r < n; r++) {
            const char *res;
            size_t len;
            if (rtctoken_token_service_permission_resource(t, i, at, r, &res, &len) != RTCTOKEN_OK ||
                len != list->items[r].length || memcmp(res, list->items[r].string, len) != 0) {
              snprintf(why, why_size, "service %zu permission %zu resource %zu", i, e, r);
              return 0;
            }
          }
        }
      }
      if (rtctoken_token_service_permission_count(t, i) != e) {
        snprintf(why, why_size, "service %zu permission count", i);
        return 0;
      }
    } else {
      const char *value;
      size_t len;
      if (rtctoken_token_service_text(t, i, key, &value, &len) != RTCTOKEN_OK ||
          len != v->length || memcmp(value, v->string, len) != 0) {
        snprintf(why, why_size, "service %zu field %s", i, key);
        return 0;
      }
    }
  }
  return 1;
}

/* Reads the token through the handle accessors and compares each expected
 * field with them. */
static int check_accessors(const char *token, const json_value *exp, char *why, size_t why_size) {
  rtctoken_token *t = NULL;
  int good = 1;
  if (rtctoken_parse(token, &t) != RTCTOKEN_OK) {
    snprintf(why, why_size, "rtctoken_parse failed: %s", rtctoken_last_error_message());
    return 0;
  }
  for (size_t k = 0; good && k < exp->count; k++) {
    const char *key = exp->keys[k];
    const json_value *v = &exp->items[k];
    if (strcmp(key, "version") == 0 || strcmp(key, "app_id") == 0) {
      const char *got = key[0] == 'v' ? rtctoken_token_version(t) : rtctoken_token_app_id(t);
      good = strcmp(got, v->string) == 0;
    } else if (strcmp(key, "services") == 0) {
      good = rtctoken_token_service_count(t) == v->count;
      for (size_t i = 0; good && i < v->count; i++) {
        good = check_service(t, i, &v->items[i], why, why_size);
        if (!good) break;
      }
      if (!good && !why[0]) snprintf(why, why_size, "service count");
    } else if (strcmp(key, "privileges") == 0) {
      good = same_privileges(v, rtctoken_token_privilege_count(t), token_privilege, t, 0);
    } else if (strcmp(key, "extra") == 0) {
      good = rtctoken_token_extra_count(t) == v->count;
      for (size_t j = 0; good && j < v->count; j++) {
        uint16_t key16;
        const char *value;
        good = rtctoken_token_extra(t, j, &key16, &value, NULL) == RTCTOKEN_OK &&
               key16 == atoi(v->keys[j]) && strcmp(value, v->items[j].string) == 0;
      }
    } else {
      uint32_t n;
      good = rtctoken_token_number(t, key, &n) == RTCTOKEN_OK && n == (uint32_t)v->integer;
    }
    if (!good && !why[0]) snprintf(why, why_size, "accessor for %s disagrees", key);
  }
  rtctoken_token_free(t);
  return good;
}

/* --------------------------------------------------------------- driver */

/* Compares one outcome with `expected`; fills `why` on a mismatch. */
static int check(const char *call, const json_value *args, const outcome *o,
                 const json_value *expected, char *why, size_t why_size) {
  const json_value *error = json_get(expected, "error");
  why[0] = '\0';
  if (error) {
    const char *kind = rtctoken_status_name(o->status);
    if (strcmp(kind, error->string) != 0) {
      snprintf(why, why_size, "expected error %s, got status %s", error->string, kind);
      return 0;
    }
    if (rtctoken_last_error_status() != o->status || rtctoken_last_error_message()[0] == '\0' ||
        o->text != NULL) {
      snprintf(why, why_size, "error %s without last-error details or with output", kind);
      return 0;
    }
    return 1;
  }
  if (o->status != RTCTOKEN_OK) {
    snprintf(why, why_size, "status %s: %s", rtctoken_status_name(o->status),
             rtctoken_last_error_message());
    return 0;
  }
  if (expected->type == JSON_STRING) {
    if (!o->text || strcmp(o->text, expected->string) != 0) {
      snprintf(why, why_size, "token %.60s... differs", o->text ? o->text : "(null)");
      return 0;
    }
    return 1;
  }
  const json_value *valid = json_get(expected, "valid");
  if (valid) {
    if (!o->has_valid || o->valid != valid->boolean) {
      snprintf(why, why_size, "valid = %d", o->valid);
      return 0;
    }
    return 1;
  }
  /* parse: the JSON text, then the accessors */
  char err[128];
  json_value *got = o->text ? json_parse(o->text, err, sizeof err) : NULL;
  int same = got && json_equal(got, expected);
  json_free(got);
  if (!same) {
    snprintf(why, why_size, "parse JSON differs: %.200s", o->text ? o->text : "(null)");
    return 0;
  }
  (void)call;
  return check_accessors(json_get(args, "token")->string, expected, why, why_size);
}

/* Runs case `c` of `file` with `runner` and checks the outcome; 1 if it
 * passed, else reports it (`how` names the path taken). */
static int replay(const char *file, const json_value *c,
                  int (*runner)(const char *, const json_value *, outcome *), const char *how) {
  const char *name = json_get(c, "name")->string;
  const char *call = json_get(c, "call")->string;
  const json_value *args = json_get(c, "args");
  outcome o;
  char why[512];
  harness_error[0] = '\0';
  int ran = runner(call, args, &o);
  int good = ran && check(call, args, &o, json_get(c, "expected"), why, sizeof why);
  if (!ran) snprintf(why, sizeof why, "%s", harness_error);
  if (!good) fprintf(stderr, "FAIL %s: %s (%s%s): %s\n", file, name, call, how, why);
  rtctoken_string_free(o.text);
  return good;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s <vectors dir>\n", argv[0]);
    return 2;
  }
  /* The dispatcher must refuse a call it does not know. */
  {
    outcome o;
    json_value empty = {0};
    empty.type = JSON_OBJECT;
    if (run("no_such_builder.build", &empty, &o)) {
      fprintf(stderr, "FAIL: an unknown call was accepted\n");
      return 1;
    }
  }
  size_t total = 0, failed = 0;
  for (size_t f = 0; f < sizeof FILES / sizeof FILES[0]; f++) {
    char path[4096], err[256];
    snprintf(path, sizeof path, "%s/%s", argv[1], FILES[f]);
    json_value *doc = json_parse_file(path, err, sizeof err);
    const json_value *cases = json_get(doc, "cases");
    if (!cases || cases->type != JSON_ARRAY || cases->count == 0) {
      fprintf(stderr, "FAIL: %s: no cases (%s)\n", path, doc ? "" : err);
      json_free(doc);
      return 1;
    }
    size_t file_failed = 0;
    for (size_t i = 0; i < cases->count; i++) {
      const json_value *c = &cases->items[i];
      int good = replay(FILES[f], c, run, "");
      if (strcmp(json_get(c, "call")->string, "access_token2.build") == 0) {
        good &= replay(FILES[f], c, run_handle_007, " through the builder handle");
      }
      if (!good) file_failed++;
    }
    printf("%-24s %4zu cases, %zu failed\n", FILES[f], cases->count, file_failed);
    total += cases->count;
    failed += file_failed;
    json_free(doc);
  }
  printf("all vectors: %zu cases, %zu failed\n", total, failed);
  return failed == 0 ? 0 : 1;
}
