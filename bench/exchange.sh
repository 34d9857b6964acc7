#!/usr/bin/env bash
# 12345 exchange benchmark (a measurement, not a test): inbound work orders at a fixed rate
# (default 200/s for 60 s after 10 s warm-up) through POST /api/v1/exchange/partner/12345/orders,
# and the signed webhooks the orders cause, received by the driver acting as the hotline.
# Run as an ordinary user (PostgreSQL refuses root), never beside another benchmark:
#
#   flock /tmp/bench.lock bench/exchange.sh
#   RATE=300 LOAD_SECONDS=60 JAR=target/xinfang-0.1.0-SNAPSHOT.jar flock /tmp/bench.lock bench/exchange.sh
#
# Builds a jar from a copy of the tree (offline) unless JAR is given; runs it on its own data
# directory and ports (HTTP 18180, PostgreSQL 25452, receiver 18199); appends a JSON line to
# bench/results/exchange.jsonl.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
PORT=${PORT:-18180}
DB_PORT=${DB_PORT:-25452}
RECEIVER_PORT=${RECEIVER_PORT:-18199}
RATE=${RATE:-200}
LOAD_SECONDS=${LOAD_SECONDS:-60}
WARMUP=${WARMUP:-10}
BENCH_WORK=${BENCH_WORK:-/tmp/xinfang-exchange-bench-$USER}
JAVA_OPTS=${JAVA_OPTS:-}
[ "$(id -u)" = "0" ] && { echo "bench: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
mkdir -p "$BENCH_WORK"
data=$BENCH_WORK/data
rm -rf "$data"
jar=${JAR:-}
if [ -z "$jar" ]; then
  rm -rf "$BENCH_WORK/src" && mkdir -p "$BENCH_WORK/src"
  (cd "$repo" && tar --exclude=./data --exclude=./target --exclude=./.git -cf - .) | (cd "$BENCH_WORK/src" && tar xf -)
  (cd "$BENCH_WORK/src" && ./mvnw -o -q -DskipTests package) > "$BENCH_WORK/build.log" 2>&1
  jar=$(ls "$BENCH_WORK"/src/target/*.jar | grep -v -- '-plain\|\.original' | head -1)
fi
log=$BENCH_WORK/app.log
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap cleanup EXIT
(cd "$BENCH_WORK" && exec java $JAVA_OPTS -jar "$jar" --server.port="$PORT" \
  --xinfang.db.embedded-server.directory="$data" --xinfang.db.embedded-server.port="$DB_PORT" \
  --xinfang.crypto.key-file="$data/keys.properties" --xinfang.attachments.directory="$data/attachments" \
  --xinfang.demo.petitions=0 --xinfang.exchange.demo-callback-url="http://127.0.0.1:$RECEIVER_PORT/hook" \
  --logging.level.com.xinfang=WARN) > "$log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  kill -0 "$app_pid" 2>/dev/null || { echo "bench: the app exited during start-up (log: $log)"; exit 1; }
  curl -s --max-time 2 "http://127.0.0.1:$PORT/actuator/health" | grep -q UP && break
  sleep 0.5
done
mkdir -p "$here/results"
# CPU of the app JVM and of PostgreSQL (server and live backends) over the run, per order sent
cpu_ticks() {
  local app pg=0 p
  app=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  for p in $(pgrep -u "$(id -u)" -x postgres); do
    [ -r "/proc/$p/stat" ] && pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$app $pg"
}
echo "load before: $(uptime)"
read -r app0 pg0 <<<"$(cpu_ticks)"
java "$here/ExchangeBench.java" --url "http://127.0.0.1:$PORT" --key demo-12345-key --rate "$RATE" \
  --seconds "$LOAD_SECONDS" --warmup "$WARMUP" --receiver-port "$RECEIVER_PORT" --out "$here/results/exchange.jsonl"
read -r app1 pg1 <<<"$(cpu_ticks)"
echo "load after: $(uptime)"
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz="$(getconf CLK_TCK)" -v n="$((RATE * (LOAD_SECONDS + WARMUP)))" \
  'BEGIN { printf "CPU over the run incl. the JIT warm-up orders and the webhooks: app %.1f s, PostgreSQL %.1f s; per order sent (not counting warm-up orders): app %.1f ms, PostgreSQL %.1f ms\n", a / hz, p / hz, a * 1000 / hz / n, p * 1000 / hz / n }'
echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores; app log $log"
