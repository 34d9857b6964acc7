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
# bench/results/exchange.jsonl. Always prints where the webhooks' lag came from (outbox timings);
# PROFILE=1 also loads pg_stat_statements (one restart) and records JFR during the run, printing
# the top statements and the app's busiest threads (not for the figures: profiling costs CPU).
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
PROFILE=${PROFILE:-0}
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
: >"$log"
WORK=$BENCH_WORK; JAR=$jar
. "$here/lib.sh"
trap stop_app EXIT
start_app --server.port="$PORT" \
  --xinfang.db.embedded-server.directory="$data" --xinfang.db.embedded-server.port="$DB_PORT" \
  --xinfang.crypto.key-file="$data/keys.properties" --xinfang.attachments.directory="$data/attachments" \
  --xinfang.demo.petitions=0 --xinfang.exchange.demo-callback-url="http://127.0.0.1:$RECEIVER_PORT/hook" \
  --logging.level.com.xinfang=WARN
if [ "$PROFILE" = 1 ]; then
  enable_pg_stat_statements
fi
mkdir -p "$here/results"
echo "load before: $(uptime)"
if [ "$PROFILE" = 1 ]; then
  psql_q -c "SELECT pg_stat_statements_reset()" >/dev/null
  jcmd "$app_pid" JFR.start name=exchange settings=profile filename="$BENCH_WORK/exchange.jfr" >/dev/null
fi
read -r app0 pg0 <<<"$(cpu_ticks)"
java "$here/ExchangeBench.java" --url "http://127.0.0.1:$PORT" --key demo-12345-key --rate "$RATE" \
  --seconds "$LOAD_SECONDS" --warmup "$WARMUP" --receiver-port "$RECEIVER_PORT" --out "$here/results/exchange.jsonl"
read -r app1 pg1 <<<"$(cpu_ticks)"
echo "load after: $(uptime)"
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz="$(getconf CLK_TCK)" -v n="$((RATE * (LOAD_SECONDS + WARMUP)))" \
  'BEGIN { printf "CPU over the run incl. the JIT warm-up orders and the webhooks: app %.1f s, PostgreSQL %.1f s; per order sent (not counting warm-up orders): app %.1f ms, PostgreSQL %.1f ms\n", a / hz, p / hz, a * 1000 / hz / n, p * 1000 / hz / n }'
# where a webhook's lag comes from: queued (created_at) after the act (occurred_at), delivered after queued
echo "outbox (seconds; p50 / p99 / max): queued after the act | delivered after queued | attempts per event | events"
psql_q -F ' | ' -c "SELECT
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - occurred_at))::numeric, 2) || ' / ' ||
  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - occurred_at))::numeric, 2) || ' / ' ||
  round(max(extract(epoch FROM created_at - occurred_at))::numeric, 2),
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at))::numeric, 2) || ' / ' ||
  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at))::numeric, 2) || ' / ' ||
  round(max(extract(epoch FROM delivered_at - created_at))::numeric, 2),
  round(avg(attempts), 3), count(*) || ' (' || count(delivered_at) || ' delivered)' FROM exchange_outbox" || true
if [ "$PROFILE" = 1 ]; then
  jcmd "$app_pid" JFR.stop name=exchange >/dev/null
  echo; echo "statements by total time (calls, total ms, mean ms, rows, query), top 15:"
  psql_q -F ' | ' -c "SELECT calls, round(total_exec_time::numeric), round(mean_exec_time::numeric, 3), rows,
    left(regexp_replace(query, '\s+', ' ', 'g'), 180) FROM pg_stat_statements
    WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 15"
  echo; echo "app threads by JFR execution samples (top 12), JFR file $BENCH_WORK/exchange.jfr:"
  jfr print --events jdk.ExecutionSample "$BENCH_WORK/exchange.jfr" | sed -n 's/^ *sampledThread = "\([^"]*\)".*/\1/p' \
    | sed 's/-[0-9]*$//' | sort | uniq -c | sort -rn | head -12
fi
echo "tree at commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo "?"); jar $jar; $(nproc) cores; app log $log"
