"""Prints the JMH sample-time results as a Markdown table of medians and
ratios (vendor median / rtctoken median), for BENCHMARKS.md."""
import json
import sys

rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    rows[name] = r["primaryMetric"]["scorePercentiles"]["50.0"]

print("| job | rtctoken (JNI) median | io.agora 2.1.3 median | speed-up |")
print("|---|---|---|---|")
for job, ours, theirs in [
    ("007 RTC build (buildTokenWithUid)", "build007RtcRtctoken", "build007RtcAgora"),
    ("007 RTC build, fixed stamp (rtctoken) vs 2.1.3 build", "build007RtcRtctokenFixedStamp", "build007RtcAgora"),
    ("parse + verify a 007 token", "parseVerifyRtctoken", "parseVerifyAgora"),
    ("verify only (rtctoken) vs parse + re-sign (2.1.3)", "verifyOnlyRtctoken", "parseVerifyAgora"),
    ("DynamicKey5 media channel key", "dynamicKey5Rtctoken", "dynamicKey5Agora"),
]:
    a, b = rows[ours], rows[theirs]
    print(f"| {job} | {a / 1000:.2f} µs | {b / 1000:.2f} µs | {b / a:.2f}x |")

