#!/usr/bin/env bash
# Sustained registration load and the work it leaves behind (a measurement, not a test): the app jar
# on a fresh database with 200 demo petitions, 40 s at 8 clients to warm up, then 45 s at 16 clients;
# prints the throughput and latency, the CPU per registration of the app and of PostgreSQL, and the
# rows left in the indexer's queue (casefile_index_queue) at the end. A queue of a few dozen to a few
# hundred rows is work in flight; thousands mean the indexer fell behind and the throughput was
# partly deferred work. Run as an ordinary user, never beside another benchmark:
#
#   JAR=target/xinfang-0.1.0-SNAPSHOT.jar flock /tmp/bench.lock bench/sustained.sh
#
# APP_ARGS: extra app arguments (e.g. --spring.datasource.hikari.maximum-pool-size=8)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$(id -u)" != 0 ] || { echo "sustained: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
JAR=${JAR:?set JAR to the app jar}
PORT=${PORT:-18280}; DB_PORT=${DB_PORT:-25632}; WORK=${WORK:-/tmp/xinfang-sustained-$(id -un)}; APP_ARGS=${APP_ARGS:-}
data=$WORK/data; log=$WORK/app.log
rm -rf "$data"; mkdir -p "$data"
. "$here/lib.sh"
trap stop_app EXIT
# shellcheck disable=SC2086
start_app --server.port="$PORT" --xinfang.db.embedded-server.directory="$data" \
  --xinfang.db.embedded-server.port="$DB_PORT" --xinfang.crypto.key-file="$data/keys.properties" \
  --xinfang.attachments.directory="$data/attachments" --xinfang.demo.petitions=200 $APP_ARGS
java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients 8 --seconds 40 --warmup 2 >/dev/null
read -r a0 p0 <<<"$(cpu_ticks)"
n0=$(psql_q -c "SELECT count(*) FROM petition")
out=$(java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients 16 --seconds 45 --warmup 0 | grep -E '^throughput|^latency')
read -r a1 p1 <<<"$(cpu_ticks)"
n1=$(psql_q -c "SELECT count(*) FROM petition")
queued=$(psql_q -c "SELECT count(*) FROM casefile_index_queue")
n=$(( n1 - n0 )); [ "$n" -gt 0 ] || n=1
hz=$(getconf CLK_TCK)
echo "$(date -u +%FT%TZ) $(basename "$JAR") $APP_ARGS"
echo "$out"
awk -v a=$(( a1 - a0 )) -v p=$(( p1 - p0 )) -v n="$n" -v hz="$hz" -v q="$queued" 'BEGIN {
  printf "CPU per registration: app %.2f ms, PostgreSQL %.2f ms; index queue at the end: %d rows\n", a * 1000 / hz / n, p * 1000 / hz / n, q }'
