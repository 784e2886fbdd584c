#define _POSIX_C_SOURCE 200809L
/* `make inspect-dump`: one JSON line per token of the shared token list,
 * {"token": ..., "inspect": <rtctoken_inspect_json at now=1800000000>} or
 * {"token": ..., "error": <kind>}, so the lead can compare every binding.
 *
 * usage: inspect_dump <tokens.txt> <out.jsonl> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rtctoken.h>

/* Writes `s` as a JSON string. */
static void put_json_string(FILE *out, const char *s, size_t len) {
  fputc('"', out);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      fputc('\\', out);
      fputc(c, out);
    } else if (c < 0x20) {
      fprintf(out, "\\u%04x", c);
    } else {
      fputc(c, out);
    }
  }
  fputc('"', out);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <tokens.txt> <out.jsonl>\n", argv[0]);
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  FILE *out = fopen(argv[2], "wb");
  if (!in || !out) {
    fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
    return 2;
  }
  const uint32_t now = 1800000000u;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  size_t count = 0;
  while ((got = getline(&line, &cap, in)) != -1) {
    size_t len = (size_t)got;
    if (len > 0 && line[len - 1] == '\n') line[--len] = '\0';
    /* Blank lines are not tokens (the cross-language checker skips them). */
    if (strspn(line, " \t\r\f\v") == len) continue;
    char *json = NULL;
    rtctoken_status status = rtctoken_inspect_json(line, &now, &json);
    fputs("{\"token\": ", out);
    put_json_string(out, line, len);
    if (status == RTCTOKEN_OK) {
      fprintf(out, ", \"inspect\": %s}\n", json);
    } else {
      fprintf(out, ", \"error\": \"%s\"}\n", rtctoken_status_name(status));
    }
    rtctoken_string_free(json);
    count++;
  }
  free(line);
  fclose(in);
  fclose(out);
  fprintf(stderr, "inspected %zu tokens into %s\n", count, argv[2]);
  return 0;
}
