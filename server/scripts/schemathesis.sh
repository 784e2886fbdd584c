#!/usr/bin/env bash
# Runs schemathesis (from the venv the Makefile creates) against the OpenAPI
# document a freshly started server serves, with a secret key and limits high
# enough that generated traffic is never refused for rate. Bounded by
# --max-examples per operation and --max-time.
#   scripts/schemathesis.sh <server-binary> <venv>
set -euo pipefail
BIN=$1
VENV=$2
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
KEY=sk_schemathesis_$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
cat > "$WORK/keys.toml" <<TOML
[[keys]]
id = "schemathesis"
key = "$KEY"
role = "secret"
TOML
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
APP_ID=970CA35DE60C44645BBAE8A215061B33 APP_CERTIFICATE=5CFD2FD1755D40ECB72977518BE15D3B \
  API_KEYS_FILE="$WORK/keys.toml" KEY_RATE_LIMIT=100000:100000 IP_RATE_LIMIT=100000:100000 \
  LISTEN_ADDR=127.0.0.1:$PORT RUST_LOG=warn "$BIN" > "$WORK/server.log" 2>&1 &
PID=$!
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
  --wait-for-schema 30 \
  -H "Authorization: Bearer $KEY" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-30}" --max-time "${SCHEMATHESIS_MAX_TIME:-45}" \
  --phases examples,fuzzing --workers 2 --seed 1 --no-color
