#!/usr/bin/env bash
# The registration's throughput as the JIT warms up (a measurement, not a test): the app jar on a
# fresh database with 200 demo petitions, then N consecutive 30 s runs at 16 clients on the same
# app; per run the throughput, p99, and the CPU per registration of the app and of PostgreSQL
# (live processes and the reaped autovacuum workers), the whole machine's and the JIT's compilations.
# run.sh measures 16 clients about a minute after a restart, when the JIT is still compiling; this
# shows the same app minutes later. Run as an ordinary user, never beside another benchmark:
#
#   JAR=target/xinfang-0.1.0-SNAPSHOT.jar N=8 flock /tmp/bench.lock bench/warmup.sh
#
# APP_ARGS: extra app arguments; JAVA_OPTS as lib.sh (default -XX:+UseParallelGC); JAVA: the java to run
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$(id -u)" != 0 ] || { echo "warmup: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
JAR=${JAR:?set JAR to the app jar}
N=${N:-8}; PORT=${PORT:-18380}; DB_PORT=${DB_PORT:-25732}; WORK=${WORK:-/tmp/xinfang-warmup-$(id -un)}; APP_ARGS=${APP_ARGS:-}
data=$WORK/data; log=$WORK/app.log
. "$here/lib.sh"
trap stop_app EXIT
# shellcheck disable=SC2086  # (APP_ARGS: word-split on purpose)
start_demo_app $APP_ARGS
hz=$(getconf CLK_TCK)
echo "$(date -u +%FT%TZ) $(basename "$JAR") ${JAVA_OPTS--XX:+UseParallelGC} $APP_ARGS: $N runs of 30 s at 16 clients"
echo "run | end (UTC) | submissions/s | p99 ms | CPU ms per registration: app / PostgreSQL / whole machine | JIT compilations so far"
for i in $(seq 1 "$N"); do
  n0=$(psql_q -c "SELECT count(*) FROM petition")
  read -r au0 as0 pu0 ps0 pc0 m0 <<<"$(cpu_split)"
  out=$(java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients 16 --seconds 30 --warmup 0)
  read -r au1 as1 pu1 ps1 pc1 m1 <<<"$(cpu_split)"
  n1=$(psql_q -c "SELECT count(*) FROM petition")
  tp=$(sed -n 's/^throughput *\([0-9.]*\).*/\1/p' <<<"$out")
  p99=$(sed -n 's/^latency.* p99 \([0-9.]*\).*/\1/p' <<<"$out")
  jit=$(jstat -compiler "$app_pid" 2>/dev/null | awk 'NR == 2 {print $1}')
  awk -v i="$i" -v t="$(date -u +%T)" -v tp="$tp" -v p99="$p99" -v n=$(( n1 - n0 )) -v hz="$hz" -v jit="${jit:-?}" \
    -v a=$(( au1 + as1 - au0 - as0 )) -v p=$(( pu1 + ps1 + pc1 - pu0 - ps0 - pc0 )) -v m=$(( m1 - m0 )) 'BEGIN {
    k = 1000 / hz / (n > 0 ? n : 1)
    printf "%d | %s | %s | %s | %.2f / %.2f / %.2f | %s\n", i, t, tp, p99, a * k, p * k, m * k, jit }'
done
