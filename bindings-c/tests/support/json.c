/* See json.h. Recursive descent over a NUL-terminated buffer. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
  const char *p;
  char *error;
  size_t error_size;
  int failed;
} parser;

static void fail(parser *ps, const char *why) {
  if (!ps->failed) {
    snprintf(ps->error, ps->error_size, "%s at ...%.20s", why, ps->p);
    ps->failed = 1;
  }
}

static void skip_ws(parser *ps) {
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r') ps->p++;
}

static void release(json_value *v);

static int parse_value(parser *ps, json_value *out);

static void put_utf8(char **buf, size_t *len, size_t *cap, unsigned long cp) {
  char tmp[4];
  size_t n;
  if (cp < 0x80) {
    tmp[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    tmp[0] = (char)(0xC0 | (cp >> 6));
    tmp[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    tmp[0] = (char)(0xE0 | (cp >> 12));
    tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    tmp[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    tmp[0] = (char)(0xF0 | (cp >> 18));
    tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    tmp[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  while (*len + n + 1 > *cap) {
    *cap *= 2;
    *buf = realloc(*buf, *cap);
  }
  memcpy(*buf + *len, tmp, n);
  *len += n;
}

static int hex4(parser *ps, unsigned long *out) {
  unsigned long v = 0;
  for (int i = 0; i < 4; i++) {
    char c = ps->p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned long)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned long)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned long)(c - 'A' + 10);
    else {
      fail(ps, "bad \\u escape");
      return 0;
    }
  }
  ps->p += 4;
  *out = v;
  return 1;
}

static int parse_string(parser *ps, char **out, size_t *out_len) {
  size_t cap = 16, len = 0;
  char *buf = malloc(cap);
  ps->p++; /* opening quote */
  for (;;) {
    unsigned char c = (unsigned char)*ps->p;
    if (c == '"') {
      ps->p++;
      break;
    }
    if (c == '\0' || c < 0x20) {
      fail(ps, "unterminated string");
      free(buf);
      return 0;
    }
    if (c == '\\') {
      char e = ps->p[1];
      ps->p += 2;
      unsigned long cp;
      switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
          if (!hex4(ps, &cp)) {
            free(buf);
            return 0;
          }
          if (cp >= 0xD800 && cp < 0xDC00 && ps->p[0] == '\\' && ps->p[1] == 'u') {
            unsigned long lo;
            ps->p += 2;
            if (!hex4(ps, &lo)) {
              free(buf);
              return 0;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          break;
        default:
          fail(ps, "bad escape");
          free(buf);
          return 0;
      }
      put_utf8(&buf, &len, &cap, cp);
    } else {
      if (len + 2 > cap) {
        cap *= 2;
        buf = realloc(buf, cap);
      }
      buf[len++] = (char)c;
      ps->p++;
    }
  }
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return 1;
}

static int push(json_value *v, size_t *cap) {
  if (v->count == *cap) {
    *cap = *cap ? *cap * 2 : 4;
    v->items = realloc(v->items, *cap * sizeof *v->items);
    if (v->type == JSON_OBJECT) v->keys = realloc(v->keys, *cap * sizeof *v->keys);
  }
  return 1;
}

static int parse_value(parser *ps, json_value *out) {
  memset(out, 0, sizeof *out);
  skip_ws(ps);
  char c = *ps->p;
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    size_t cap = 0;
    out->type = c == '{' ? JSON_OBJECT : JSON_ARRAY;
    ps->p++;
    skip_ws(ps);
    if (*ps->p == close) {
      ps->p++;
      return 1;
    }
    for (;;) {
      char *key = NULL;
      skip_ws(ps);
      if (out->type == JSON_OBJECT) {
        size_t key_len;
        if (*ps->p != '"' || !parse_string(ps, &key, &key_len)) {
          fail(ps, "expected a key");
          return 0;
        }
        skip_ws(ps);
        if (*ps->p != ':') {
          free(key);
          fail(ps, "expected ':'");
          return 0;
        }
        ps->p++;
      }
      push(out, &cap);
      if (out->type == JSON_OBJECT) out->keys[out->count] = key;
      if (!parse_value(ps, &out->items[out->count])) {
        out->count++;
        return 0;
      }
      out->count++;
      skip_ws(ps);
      if (*ps->p == ',') {
        ps->p++;
      } else if (*ps->p == close) {
        ps->p++;
        return 1;
      } else {
        fail(ps, "expected ',' or a closing bracket");
        return 0;
      }
    }
  }
  if (c == '"') {
    out->type = JSON_STRING;
    return parse_string(ps, &out->string, &out->length);
  }
  if (strncmp(ps->p, "true", 4) == 0 || strncmp(ps->p, "false", 5) == 0) {
    out->type = JSON_BOOL;
    out->boolean = c == 't';
    ps->p += out->boolean ? 4 : 5;
    return 1;
  }
  if (strncmp(ps->p, "null", 4) == 0) {
    out->type = JSON_NULL;
    ps->p += 4;
    return 1;
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    char *end;
    out->type = JSON_NUMBER;
    out->integer = strtoll(ps->p, &end, 10);
    if (*end == '.' || *end == 'e' || *end == 'E') {
      fail(ps, "non-integer numbers are not supported");
      return 0;
    }
    ps->p = end;
    return 1;
  }
  fail(ps, "unexpected character");
  return 0;
}

json_value *json_parse(const char *text, char *error, size_t error_size) {
  parser ps = {text, error, error_size, 0};
  json_value *v = malloc(sizeof *v);
  if (parse_value(&ps, v)) {
    skip_ws(&ps);
    if (*ps.p == '\0') return v;
    fail(&ps, "trailing characters");
  }
  json_free(v);
  return NULL;
}

json_value *json_parse_file(const char *path, char *error, size_t error_size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(error, error_size, "cannot open %s", path);
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  size_t got = fread(text, 1, (size_t)size, f);
  fclose(f);
  text[got] = '\0';
  json_value *v = json_parse(text, error, error_size);
  free(text);
  return v;
}

static void release(json_value *v) {
  free(v->string);
  for (size_t i = 0; i < v->count; i++) {
    release(&v->items[i]);
    if (v->keys) free(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
}

void json_free(json_value *value) {
  if (value) {
    release(value);
    free(value);
  }
}

const json_value *json_get(const json_value *object, const char *key) {
  if (!object || object->type != JSON_OBJECT) return NULL;
  for (size_t i = 0; i < object->count; i++) {
    if (strcmp(object->keys[i], key) == 0) return &object->items[i];
  }
  return NULL;
}

int json_equal(const json_value *a, const json_value *b) {
  if (a->type != b->type) return 0;
  switch (a->type) {
    case JSON_NULL: return 1;
    case JSON_BOOL: return a->boolean == b->boolean;
    case JSON_NUMBER: return a->integer == b->integer;
    case JSON_STRING: return a->length == b->length && memcmp(a->string, b->string, a->length) == 0;
    case JSON_ARRAY:
      if (a->count != b->count) return 0;
      for (size_t i = 0; i < a->count; i++) {
        if (!json_equal(&a->items[i], &b->items[i])) return 0;
      }
      return 1;
    case JSON_OBJECT:
      if (a->count != b->count) return 0;
      for (size_t i = 0; i < a->count; i++) {
        const json_value *other = json_get(b, a->keys[i]);
        if (!other || !json_equal(&a->items[i], other)) return 0;
      }
      return 1;
  }
  return 0;
}

typedef struct writer {
  char *buf;
  size_t len, cap;
} writer;

static void put(writer *w, const char *s, size_t n) {
  while (w->len + n + 1 > w->cap) {
    w->cap = w->cap ? w->cap * 2 : 64;
    w->buf = realloc(w->buf, w->cap);
  }
  memcpy(w->buf + w->len, s, n);
  w->len += n;
  w->buf[w->len] = '\0';
}

static void put_string(writer *w, const char *s, size_t n) {
  put(w, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    char escape[8];
    if (c == '"' || c == '\\') {
      escape[0] = '\\';
      escape[1] = (char)c;
      put(w, escape, 2);
    } else if (c < 0x20) {
      snprintf(escape, sizeof escape, "\\u%04x", c);
      put(w, escape, 6);
    } else {
      put(w, &s[i], 1);
    }
  }
  put(w, "\"", 1);
}

static void write_value(writer *w, const json_value *v) {
  char number[32];
  switch (v->type) {
    case JSON_NULL:
      put(w, "null", 4);
      break;
    case JSON_BOOL:
      put(w, v->boolean ? "true" : "false", v->boolean ? 4 : 5);
      break;
    case JSON_NUMBER:
      put(w, number, (size_t)snprintf(number, sizeof number, "%lld", v->integer));
      break;
    case JSON_STRING:
      put_string(w, v->string, v->length);
      break;
    case JSON_ARRAY:
    case JSON_OBJECT:
      put(w, v->type == JSON_ARRAY ? "[" : "{", 1);
      for (size_t i = 0; i < v->count; i++) {
        if (i) put(w, ",", 1);
        if (v->type == JSON_OBJECT) {
          put_string(w, v->keys[i], strlen(v->keys[i]));
          put(w, ":", 1);
        }
        write_value(w, &v->items[i]);
      }
      put(w, v->type == JSON_ARRAY ? "]" : "}", 1);
      break;
  }
}

char *json_write(const json_value *value) {
  writer w = {NULL, 0, 0};
  write_value(&w, value);
  return w.buf;
}
