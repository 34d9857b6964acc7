#!/usr/bin/env bash
# Shared helpers for the crash-and-recover drills. Loopback only; every process started is recorded
# and stopped on exit (by pid, never by name).
set -euo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$OPS_DIR/.." && pwd)"
APP_PORT="${APP_PORT:-18080}"
PG_PORT="${PG_PORT:-25432}"
WORK="${WORK:-$(mktemp -d /tmp/xinfang-ops.XXXXXX)}"
APP_PID=""
LOAD_PIDS=()
EXTRA_PIDS=()   # other processes started by a drill (second node, balancer)

if [ "$(id -u)" = 0 ]; then
  echo "VERDICT: not run: run the drills as an ordinary user (embedded PostgreSQL refuses root)"; exit 2
fi

jar() {
  local j
  j="$(ls "$REPO"/target/xinfang-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  if [ -z "$j" ] || [ -n "$(find "$REPO/src" -newer "$j" -type f -print -quit)" ]; then
    (cd "$REPO" && ./mvnw -o -q -DskipTests package) >&2
    j="$(ls "$REPO"/target/xinfang-*.jar | grep -v original | head -1)"
  fi
  echo "$j"
}

# start_app: the packaged application in demo mode, its data and keys under $WORK
start_app() {
  local log="$WORK/app.log"
  XINFANG_DEMO_PETITIONS="${XINFANG_DEMO_PETITIONS:-5}" \
  java -Xmx768m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
    --xinfang.db.embedded-server.directory="$WORK/data" --xinfang.db.embedded-server.port="$PG_PORT" \
    --xinfang.crypto.key-file="$WORK/keys/keys.properties" \
    "$@" >>"$log" 2>&1 &
  APP_PID=$!
}

wait_ready() { # seconds
  local limit="${1:-240}" t0=$SECONDS
  while (( SECONDS - t0 < limit )); do
    if curl -fsS -m 2 "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

token() {
  curl -fsS -m 10 -H 'Content-Type: application/json' \
    -d '{"username":"city.registrar","password":"Demo@2026"}' \
    "http://127.0.0.1:$APP_PORT/api/v1/auth/token" | jq -r .accessToken
}

pg_password() { sed -n 's/^db-password=//p' "$WORK/keys/keys.properties"; }

psql_app() { PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAq -v ON_ERROR_STOP=1 -c "$1"; }

postmaster_pid() { head -1 "$WORK/data/pg/postmaster.pid" 2>/dev/null || true; }

# load_worker ID TOKEN: registers matters until $WORK/stop exists; one line per attempt:
#   <epoch_ms done> <worker> <seq> <http status> <idempotency key> <number or -> <epoch_ms started>
load_worker() {
  local w="$1" tok="$2" seq=0 key status body number
  while [ ! -e "$WORK/stop" ]; do
    local started; started=$(date +%s%3N)
    seq=$((seq + 1)); key="ops-$w-$seq-$RANDOM$RANDOM"
    body=$(printf '{"channel":"LETTER","receivedAt":"2026-11-20T09:00:00+08:00","regionCode":"430703003","title":"压测登记%s-%s","content":"本人在鼎城区某工地务工，项目部拖欠工资共计%s元，请求责令支付。编号%s","categoryCode":"LABOR","petitioners":[{"name":"压测%s","phone":"139073%05d"}]}' "$w" "$seq" "$seq" "$key" "$w" "$((seq % 100000))")
    out=$(curl -sS -m 15 -o "$WORK/resp-$w" -w '%{http_code}' -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $tok" -H "Idempotency-Key: $key" -d "$body" \
      "http://127.0.0.1:$APP_PORT/api/v1/petitions" 2>/dev/null || echo 000)
    status="$out"; number=-
    if [ "$status" = 201 ]; then number=$(jq -r .number "$WORK/resp-$w" 2>/dev/null || echo -); fi
    echo "$(date +%s%3N) $w $seq $status $key $number $started" >>"$WORK/attempts"
    if [ "$status" != 201 ] && [ "$status" != 503 ]; then
      { echo "== $status $key"; cat "$WORK/resp-$w"; echo; } >>"$WORK/unexpected" 2>/dev/null || true
    fi
    if [ "$status" != 201 ]; then
      echo "$key $body" >>"$WORK/unacked-$w"
      sleep 0.2
    fi
  done
}

start_load() { # workers token
  rm -f "$WORK/stop"
  for w in $(seq 1 "$1"); do load_worker "$w" "$2" & LOAD_PIDS+=($!); done
}

stop_load() {
  touch "$WORK/stop"
  for p in "${LOAD_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  LOAD_PIDS=()
}

cleanup() {
  touch "$WORK/stop" 2>/dev/null || true
  for p in "${EXTRA_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${LOAD_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  local pm; pm="$(postmaster_pid)"
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then kill "$pm" 2>/dev/null || true; sleep 2; fi
  if [ "${KEEP_WORK:-0}" != 1 ]; then rm -rf "$WORK"; else echo "work dir kept: $WORK" >&2; fi
}
trap cleanup EXIT
