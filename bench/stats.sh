#!/usr/bin/env bash
# Dashboard indicator speed with 100 thousand to 1 million generated matters over five years
# (a measurement, not a test). Starts the app on its own ports with an empty embedded database
# under /tmp, lets bench/IndicatorBench.java generate matters with SQL and time the indicator API,
# then stops the app and deletes the database.
#
#   bench/stats.sh                          # as root it re-runs itself as $BENCH_USER (xf)
#   SIZES=100000,300000,1000000 REQUESTS=300 JAR=target/xinfang-0.1.0-SNAPSHOT.jar bench/stats.sh
#
# Settings: PORT=18090 DB_PORT=25442 SIZES REQUESTS JAR (default: build a jar from a copy of the
# tree) BENCH_WORK=/tmp/xinfang-stats-bench-$USER KEEP_DATA=0 JAVA_OPTS
# Results: bench/results/<date>-indicators.md (one table row per size, machine load before/after).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "$(id -u)" = "0" ]; then
  user=${BENCH_USER:-xf}
  exec runuser -u "$user" -- env HOME="$(getent passwd "$user" | cut -d: -f6)" PORT="${PORT:-}" DB_PORT="${DB_PORT:-}" \
    SIZES="${SIZES:-}" REQUESTS="${REQUESTS:-}" JAR="${JAR:-}" BENCH_WORK="${BENCH_WORK:-}" KEEP_DATA="${KEEP_DATA:-}" \
    JAVA_OPTS="${JAVA_OPTS:-}" bash "$here/stats.sh" "$@"
fi
PORT=${PORT:-18090}
DB_PORT=${DB_PORT:-25442}
SIZES=${SIZES:-100000,300000,1000000}
REQUESTS=${REQUESTS:-300}
BENCH_WORK=${BENCH_WORK:-/tmp/xinfang-stats-bench-$(id -un)}
KEEP_DATA=${KEEP_DATA:-0}
JAVA_OPTS=${JAVA_OPTS:-}
mkdir -p "$BENCH_WORK" "$here/results"
out="$here/results/$(date +%Y-%m-%d)-indicators.md"
say() { echo "bench: $*"; }
WORK=$BENCH_WORK; data=$BENCH_WORK/data; log=$BENCH_WORK/app.log
. "$here/lib.sh"
build_jar
pgjar=$(pg_jar)

rm -rf "$data"; : >"$log"
cleanup() {
  stop_app || true
  [ "$KEEP_DATA" = "1" ] || rm -rf "$data"
}
trap cleanup EXIT
say "starting the app on 127.0.0.1:$PORT (PostgreSQL $DB_PORT, data $data)"
start_app_on_own_data

{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — indicators at $SIZES matters, $REQUESTS requests per size"
  echo
  echo "Machine: $(nproc) cores; load before: \`$(uptime)\`"
  echo
} >>"$out"
dbpw=$(db_password)
java -cp "$pgjar" "$here/IndicatorBench.java" --jdbc "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" --db-password "${dbpw:-postgres}" \
  --url "http://127.0.0.1:$PORT" --sizes "$SIZES" --requests "$REQUESTS" --out "$out"
{
  echo
  echo "Load after: \`$(uptime)\`"
} >>"$out"
say "results appended to $out"
