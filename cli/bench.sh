#!/usr/bin/env bash
# Median wall-clock times of the release binary (whole process: start-up,
# work, exit), for cli/BENCHMARKS.md. Usage: bench.sh BIN TOKENS_FILE
set -euo pipefail
BIN=$1
TOKENS=$2
RUNS=${RUNS:-101}

median_ms() { # runs "$@" RUNS times, prints the median in milliseconds
  local i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

TOKEN=$("$BIN" rtc --demo --channel demo --uid 42 2>/dev/null)
LINES=$(grep -c . "$TOKENS")
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p')"
echo "rtctoken rtc --demo ... (generate 007):      $(median_ms "$BIN" rtc --demo --channel demo --uid 42) ms"
echo "rtctoken inspect TOKEN (text):               $(median_ms "$BIN" inspect "$TOKEN") ms"
echo "rtctoken inspect TOKEN --json:               $(median_ms "$BIN" inspect "$TOKEN" --json) ms"
echo "rtctoken verify TOKEN --demo:                $(median_ms "$BIN" verify "$TOKEN" --demo) ms"
RUNS=11
echo "rtctoken inspect --batch ($LINES tokens):    $(median_ms "$BIN" inspect --json --now 1800000000 --batch "$TOKENS") ms"
