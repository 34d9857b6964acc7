#!/usr/bin/env bash
# Shared helpers for the crash-and-recover drills. Loopback only; every process started is recorded
# and stopped on exit (by pid, never by name).
set -euo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$OPS_DIR/.." && pwd)"
APP_PORT="${APP_PORT:-18080}"
PG_PORT="${PG_PORT:-25432}"
WORK="${WORK:-$(mktemp -d /tmp/xinfang-ops.XXXXXX)}"
DATA_DIR="${DATA_DIR:-$WORK/data}"   # the embedded data directory (full-disk.sh puts it on a small tmpfs)
APP_PID=""
LOAD_PIDS=()
EXTRA_PIDS=()   # other processes started by a drill (second node, balancer)

if [ "$(id -u)" = 0 ]; then
  echo "VERDICT: not run: run the drills as an ordinary user (embedded PostgreSQL refuses root)"; exit 2
fi

jar() {
  local j
  if [ -n "${XINFANG_JAR:-}" ]; then echo "$XINFANG_JAR"; return; fi   # a jar built elsewhere
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
  java -XX:+UseParallelGC -Xmx768m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
    --xinfang.db.embedded-server.directory="$DATA_DIR" --xinfang.db.embedded-server.port="$PG_PORT" \
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

postmaster_pid() { head -1 "$DATA_DIR/pg/postmaster.pid" 2>/dev/null || true; }

# load_worker ID TOKEN: registers matters until $WORK/stop exists; one line per attempt:
#   <epoch_ms done> <worker> <seq> <http status> <idempotency key> <number or -> <epoch_ms started>
load_worker() {
  local w="$1" tok="$2" seq=0 key status body number
  while [ ! -e "$WORK/stop" ]; do
    local started; started=$(date +%s%3N)
    seq=$((seq + 1)); key="ops-$w-$seq-$RANDOM$RANDOM"
    body=$(printf '{"channel":"LETTER","receivedAt":"2026-11-20T09:00:00+08:00","regionCode":"430703003","title":"压测登记%s-%s","content":"本人在鼎城区某工地务工，项目部拖欠工资共计%s元，请求责令支付。编号%s","categoryCode":"LABOR","petitioners":[{"name":"压测%s","phone":"139073%05d"}]}' "$w" "$seq" "$seq" "$key" "$w" "$((seq % 100000))")
    : >"$WORK/resp-$w"
    # curl prints 000 itself when no answer came (refused, reset, timeout)
    out=$(curl -sS -m 15 -o "$WORK/resp-$w" -w '%{http_code}' -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $tok" -H "Idempotency-Key: $key" -d "$body" \
      "http://127.0.0.1:$APP_PORT/api/v1/petitions" 2>/dev/null || true)
    status="${out:-000}"; status="${status:0:3}"; number=-
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
  if declare -F drill_cleanup >/dev/null; then drill_cleanup || true; fi
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

# ---- shared by the backup, PITR and failover drills -------------------------------------------

PG15_BIN="${PG15_BIN:-/usr/lib/postgresql/15/bin}"

hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# gen_keys FILE: keys for a run on an external database (the format the application generates)
gen_keys() {
  mkdir -p "$(dirname "$1")"
  printf 'data-key=%s\nindex-key=%s\ntoken-key=%s\n' "$(hex 16)" "$(hex 32)" "$(hex 32)" >"$1"
  chmod 600 "$1"
}

# start_app_external JDBC_URL USER PASSWORD [args]: the packaged application on an external
# database, keys from $WORK/keys/keys.properties, demo data on (users to log in with)
start_app_external() {
  local url="$1" user="$2" pw="$3" kf="$WORK/keys/keys.properties"; shift 3
  k() { sed -n "s/^$1=//p" "$kf"; }
  SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD="$pw" \
  XINFANG_DB_EMBEDDED=false XINFANG_DEMO_ENABLED="${DEMO:-true}" XINFANG_DEMO_PETITIONS="${XINFANG_DEMO_PETITIONS:-5}" \
  XINFANG_CRYPTO_DATAKEY="$(k data-key)" XINFANG_CRYPTO_INDEXKEY="$(k index-key)" XINFANG_CRYPTO_TOKENKEY="$(k token-key)" \
    java -XX:+UseParallelGC -Xmx768m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 "$@" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
}

# stop_app: SIGTERM, wait (graceful shutdown), kill -9 after 60 s
stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# retry_unacked: the workers' requests not acknowledged, again with their Idempotency-Key
retry_unacked() {
  local f k body code
  for f in "$WORK"/unacked-*; do
    [ -e "$f" ] || continue
    while read -r k body; do
      code=$(curl -sS -m 15 -o "$WORK/retry" -w '%{http_code}' -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $k" -d "$body" "http://127.0.0.1:$APP_PORT/api/v1/petitions" || echo 000)
      [ "$code" = 201 ] && echo "$(date +%s%3N) retry 0 201 $k $(jq -r .number "$WORK/retry") 0" >>"$WORK/attempts"
    done <"$f"
    rm -f "$f"
  done
}

# acked_numbers [BEFORE_MS [AFTER_MS]]: numbers acknowledged (201 seen) in that window, sorted
acked_numbers() {
  awk -v b="${1:-99999999999999}" -v a="${2:-0}" '$4==201 && $1<b && $1>=a && $6!="-" {print $6}' "$WORK/attempts" 2>/dev/null | sort -u
}

count() { grep -c . || true; }

# missing LIST_FILE_A LIST_FILE_B: how many of A are not in B (both sorted)
missing() { comm -23 "$1" "$2" | count; }

load_stats() { awk '$2!="retry" {c[$4]++} END {for (s in c) printf "%s:%d ", s, c[s]}' "$WORK/attempts" 2>/dev/null | sed 's/ $//'; }

load_avg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }
