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
# PRE_SQL / PRE_SQL_FILE: one statement / a file of statements run as the database's superuser after the app
#   started and before the load (each statement on its own, so ALTER SYSTEM works), e.g.
#   PRE_SQL='DROP INDEX casefile_doc_text' or a file with ALTER SYSTEM SET commit_delay = 200; SELECT pg_reload_conf();
# DRIVER_ARGS: extra LoadDriver arguments (--http jdk: the HttpClient driver of figures before 2026-12-07 15:30 UTC)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$(id -u)" != 0 ] || { echo "sustained: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
JAR=${JAR:?set JAR to the app jar}
PORT=${PORT:-18280}; DB_PORT=${DB_PORT:-25632}; WORK=${WORK:-/tmp/xinfang-sustained-$(id -un)}; APP_ARGS=${APP_ARGS:-}; DRIVER_ARGS=${DRIVER_ARGS:-}
data=$WORK/data; log=$WORK/app.log
. "$here/lib.sh"
trap stop_app EXIT
# shellcheck disable=SC2086  # (APP_ARGS, DRIVER_ARGS: word-split on purpose)
start_demo_app $APP_ARGS
[ -z "${PRE_SQL:-}" ] || psql_q -c "$PRE_SQL"
[ -z "${PRE_SQL_FILE:-}" ] || psql_q -v ON_ERROR_STOP=1 -f "$PRE_SQL_FILE"
java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients 8 --seconds 40 --warmup 2 $DRIVER_ARGS >/dev/null
read -r au0 as0 pu0 ps0 pc0 m0 <<<"$(cpu_split)"
n0=$(psql_q -c "SELECT count(*) FROM petition")
out=$(java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients 16 --seconds 45 --warmup 0 $DRIVER_ARGS | grep -E '^throughput|^latency|^driver CPU')
read -r au1 as1 pu1 ps1 pc1 m1 <<<"$(cpu_split)"
n1=$(psql_q -c "SELECT count(*) FROM petition")
queued=$(psql_q -c "SELECT count(*) FROM casefile_index_queue")
n=$(( n1 - n0 )); [ "$n" -gt 0 ] || n=1
hz=$(getconf CLK_TCK)
echo "$(date -u +%FT%TZ) $(basename "$JAR") $APP_ARGS $DRIVER_ARGS"
echo "$out"
awk -v au=$(( au1 - au0 )) -v as=$(( as1 - as0 )) -v pu=$(( pu1 - pu0 )) -v ps=$(( ps1 - ps0 )) -v n="$n" -v hz="$hz" -v q="$queued" -v pc=$(( pc1 - pc0 )) -v m=$(( m1 - m0 )) 'BEGIN {
  k = 1000 / hz / n
  printf "CPU per registration: app %.2f ms, PostgreSQL %.2f ms; index queue at the end: %d rows\n", (au + as) * k, (pu + ps) * k, q
  printf "  of which in the kernel (system time): app %.2f ms, PostgreSQL %.2f ms\n", as * k, ps * k
  printf "  besides: PostgreSQL processes that exited (autovacuum workers) %.2f ms; the whole machine busy %.2f ms\n", pc * k, m * k }'
