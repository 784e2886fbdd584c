#!/usr/bin/env bash
# wrk load tests on loopback at 64 connections (see BENCHMARKS.md):
#   0 GET /ping (the HTTP stack alone, for comparison)
#   1 GET /rtc/... open (per-IP limit set high enough never to refuse)
#   2 POST /v1/tokens with a key, in-process limits on
#   3 the same with the limits shared through Redis
#   4 run 2 with a SIGHUP certificate rotation in the middle
#   5 run 3 with a Redis restart in the middle (fail-open)
#   6 (MEMORY=1) run 2 for MEMORY_SECONDS (default 300) sampling RSS
#   scripts/bench.sh <release-binary>
set -euo pipefail
BIN=$1
DURATION=${DURATION:-15s}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
KEY=sk_bench_0123456789
printf '[[keys]]\nid = "bench"\nkey = "%s"\nrole = "secret"\n' "$KEY" > "$WORK/keys.toml"
printf '5CFD2FD1755D40ECB72977518BE15D3B\n' > "$WORK/certs"
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.body = '{"kind":"rtc","channel":"bench","uid":42,"role":"publisher","ttl":3600}'
LUA

start_server() { # extra env assignments as arguments; prints the port
  local port; port=$(free_port)
  env APP_ID=970CA35DE60C44645BBAE8A215061B33 APP_CERTIFICATE_FILE="$WORK/certs" \
    API_KEYS_FILE="$WORK/keys.toml" KEY_RATE_LIMIT=1000000:1000000 IP_RATE_LIMIT=1000000:1000000 \
    LISTEN_ADDR=127.0.0.1:$port RUST_LOG=warn "$@" "$BIN" > "$WORK/server-$port.log" 2>&1 &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
  PORT=$port
}

start_redis() {
  REDIS_PORT=${REDIS_PORT:-$(free_port)}
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > /dev/null &
  REDIS_PID=$!; PIDS+=("$REDIS_PID")
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.05; done
}

run_wrk() { # title, url, extra wrk args
  local title=$1 url=$2; shift 2
  echo "=== $title"
  wrk -t2 -c64 -d"$DURATION" --latency "$@" "$url" | tee "$WORK/wrk.out" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|requests in| 50%| 99%' || true
  grep -q 'Non-2xx' "$WORK/wrk.out" || echo "    non-2xx: 0"
}

start_server
run_wrk "0 GET /ping" "http://127.0.0.1:$PORT/ping"
run_wrk "1 GET /rtc open" "http://127.0.0.1:$PORT/rtc/bench/publisher/uid/42/"
run_wrk "2 POST /v1/tokens, key, local limits" "http://127.0.0.1:$PORT/v1/tokens" -s "$WORK/post.lua"
LOCAL_PID=$SERVER_PID; LOCAL_PORT=$PORT

start_redis
start_server RATE_LIMIT_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/"
sleep 1
run_wrk "3 POST /v1/tokens, key, Redis-shared limits" "http://127.0.0.1:$PORT/v1/tokens" -s "$WORK/post.lua"
REDIS_SERVER_PORT=$PORT

( sleep 5; printf '00112233445566778899AABBCCDDEEFF\n5CFD2FD1755D40ECB72977518BE15D3B\n' > "$WORK/certs"; kill -HUP "$LOCAL_PID" ) &
run_wrk "4 as 2, SIGHUP rotation at 5 s" "http://127.0.0.1:$LOCAL_PORT/v1/tokens" -s "$WORK/post.lua"

( sleep 4; kill "$REDIS_PID"; sleep 2; redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > /dev/null & echo $! > "$WORK/redis2.pid" ) &
run_wrk "5 as 3, Redis killed at 4 s, restarted at 6 s" "http://127.0.0.1:$REDIS_SERVER_PORT/v1/tokens" -s "$WORK/post.lua"
PIDS+=("$(cat "$WORK/redis2.pid")")

if [ "${MEMORY:-0}" = 1 ]; then
  SECS=${MEMORY_SECONDS:-300}
  echo "=== 6 memory over ${SECS} s of run 2 (VmRSS, KiB, every 30 s)"
  ( for _ in $(seq 0 30 "$SECS"); do grep VmRSS "/proc/$LOCAL_PID/status" | awk '{printf "%s ", $2}'; sleep 30; done; echo ) &
  SAMPLER=$!
  DURATION=${SECS}s run_wrk "6 POST /v1/tokens for ${SECS} s" "http://127.0.0.1:$LOCAL_PORT/v1/tokens" -s "$WORK/post.lua"
  wait "$SAMPLER"
fi
