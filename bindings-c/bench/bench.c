#define _POSIX_C_SOURCE 200809L
/* Benchmark (not a test): 007 RTC token build, parse, verify and
 * parse+verify through the C API, with the inputs of the core's criterion
 * benchmark so the two can be compared. Each sample times a batch of calls;
 * the median per-call time over the samples is printed.
 *
 * usage: rtctoken_bench [samples] [batch] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <rtctoken.h>

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static char *token;

static const char *CHANNEL = "channel-name";
static const uint32_t UID = 2882341273u;

/* A publisher token; `stamp` NULL = clock and OS random salt. */
static void build_with(const rtctoken_stamp *stamp) {
  char *t = NULL;
  if (rtctoken_rtc_token_builder2_build_token_with_uid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600,
                                                       stamp, &t) != RTCTOKEN_OK) {
    abort();
  }
  rtctoken_string_free(t);
}

static void build_fixed_stamp(int i) {
  (void)i;
  static const rtctoken_stamp stamp = {1700000000u, 12345};
  build_with(&stamp);
}

static void build_varying_salt(int i) {
  rtctoken_stamp stamp = {1700000000u, (uint32_t)i + 1};
  build_with(&stamp);
}

static void build_fresh_stamp(int i) {
  (void)i;
  build_with(NULL);
}

static void parse(int i) {
  (void)i;
  rtctoken_token *p = NULL;
  if (rtctoken_parse(token, &p) != RTCTOKEN_OK) abort();
  rtctoken_token_free(p);
}

static void verify(int i) {
  (void)i;
  rtctoken_verification v;
  if (rtctoken_verify(token, &CERT, 1, NULL, NULL, &v) != RTCTOKEN_OK || !v.valid) abort();
}

static void parse_and_verify(int i) {
  parse(i);
  verify(i);
}

static double median_ns(void (*op)(int), int samples, int batch) {
  double *per_call = malloc((size_t)samples * sizeof *per_call);
  for (int i = 0; i < batch; i++) op(i); /* warm-up */
  for (int s = 0; s < samples; s++) {
    double start = now_ns();
    for (int i = 0; i < batch; i++) op(i);
    per_call[s] = (now_ns() - start) / batch;
  }
  qsort(per_call, (size_t)samples, sizeof *per_call, cmp);
  double m = per_call[samples / 2];
  free(per_call);
  return m;
}

int main(int argc, char **argv) {
  int samples = argc > 1 ? atoi(argv[1]) : 31;
  int batch = argc > 2 ? atoi(argv[2]) : 2000;
  rtctoken_stamp stamp = {1700000000u, 12345};
  if (rtctoken_rtc_token_builder2_build_token_with_uid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600,
                                                       &stamp, &token) != RTCTOKEN_OK) {
    return 1;
  }
  printf("samples=%d batch=%d (median per call)\n", samples, batch);
  printf("007 RTC build, fixed stamp            %8.2f us\n",
         median_ns(build_fixed_stamp, samples, batch) / 1e3);
  printf("007 RTC build, salt varies per call  %8.2f us\n",
         median_ns(build_varying_salt, samples, batch) / 1e3);
  printf("007 RTC build, NULL stamp (now, salt) %8.2f us\n",
         median_ns(build_fresh_stamp, samples, batch) / 1e3);
  printf("007 parse (rtctoken_parse + free)     %8.2f us\n", median_ns(parse, samples, batch) / 1e3);
  printf("007 verify (parses, then checks)      %8.2f us\n", median_ns(verify, samples, batch) / 1e3);
  printf("007 parse handle + verify             %8.2f us\n",
         median_ns(parse_and_verify, samples, batch) / 1e3);
  rtctoken_string_free(token);
  return 0;
}
