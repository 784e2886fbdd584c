/* A minimal JSON reader for the tests: enough to load the vector files
 * (objects, arrays, strings with escapes, integers, booleans, null) and to
 * compare two documents regardless of object key order. Not for production. */
#ifndef RTCTOKEN_TEST_JSON_H
#define RTCTOKEN_TEST_JSON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value {
  json_type type;
  int boolean;               /* JSON_BOOL */
  long long integer;         /* JSON_NUMBER (integers only) */
  char *string;              /* JSON_STRING: NUL-terminated UTF-8 */
  size_t length;             /* JSON_STRING: bytes, without the NUL */
  struct json_value *items;  /* JSON_ARRAY items / JSON_OBJECT values */
  char **keys;               /* JSON_OBJECT keys, parallel to items */
  size_t count;              /* JSON_ARRAY / JSON_OBJECT size */
} json_value;

/* Parses `text`; NULL on a syntax error (with a reason in `error`). */
json_value *json_parse(const char *text, char *error, size_t error_size);
/* Reads and parses a whole file; NULL on failure. */
json_value *json_parse_file(const char *path, char *error, size_t error_size);
void json_free(json_value *value);
/* The member `key` of an object, or NULL. */
const json_value *json_get(const json_value *object, const char *key);
/* Deep equality; object members compare as sets. */
int json_equal(const json_value *a, const json_value *b);
/* `value` as JSON text (object members in their order); free() it. */
char *json_write(const json_value *value);

#ifdef __cplusplus
}
#endif

#endif
