#!/usr/bin/env bash
# The public challenge under load: 500 concurrent players submitting rounds, and the leaderboard read at 1 million rounds
# (a measurement, not a test). Starts the app on its own ports with an empty embedded database
# under /tmp, lets bench/QuizBench.java play rounds through the API and then generate rounds with SQL and time the leaderboard,
# then stops the app and deletes the database.
#
#   flock /tmp/bench.lock bench/quiz.sh    # as root it re-runs itself as $BENCH_USER (xf; BENCH_USER=dev here)
#   PLAYERS=500 ROUNDS=4 SCALE=1000000 JAR=target/xinfang-0.1.0-SNAPSHOT.jar flock /tmp/bench.lock bench/quiz.sh
#
# The app runs with the per-address round limit and the daily cap lifted (every player comes from this one
# address and the driver plays many rounds per browser id); everything else is as deployed.
# Settings: PORT=18091 DB_PORT=25443 PLAYERS ROUNDS SCALE TOMCAT_THREADS JAR (default: build a jar from a copy of the
# tree) BENCH_WORK=/tmp/xinfang-quiz-bench-$USER KEEP_DATA=0 JAVA_OPTS
# Results: bench/results/<date>-quiz.md (machine load before/after).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "$(id -u)" = "0" ]; then
  user=${BENCH_USER:-xf}
  exec runuser -u "$user" -- env HOME="$(getent passwd "$user" | cut -d: -f6)" PORT="${PORT:-}" DB_PORT="${DB_PORT:-}" \
    PLAYERS="${PLAYERS:-}" ROUNDS="${ROUNDS:-}" SCALE="${SCALE:-}" THINK="${THINK:-}" TOMCAT_THREADS="${TOMCAT_THREADS:-}" JAR="${JAR:-}" BENCH_WORK="${BENCH_WORK:-}" KEEP_DATA="${KEEP_DATA:-}" \
    JAVA_OPTS="${JAVA_OPTS:-}" bash "$here/quiz.sh" "$@"
fi
PORT=${PORT:-18091}
DB_PORT=${DB_PORT:-25443}
BENCH_WORK=${BENCH_WORK:-/tmp/xinfang-quiz-bench-$(id -un)}
KEEP_DATA=${KEEP_DATA:-0}
JAVA_OPTS=${JAVA_OPTS:-}
mkdir -p "$BENCH_WORK" "$here/results"
out="$here/results/$(date +%Y-%m-%d)-quiz.md"
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
start_app_on_own_data --xinfang.publicity.quiz.rounds-per-address-per-hour=100000000 --xinfang.publicity.quiz.daily-cap=1000 --server.tomcat.threads.max="${TOMCAT_THREADS:-200}"

PLAYERS=${PLAYERS:-500}
ROUNDS=${ROUNDS:-4}
SCALE=${SCALE:-1000000}
THINK=${THINK:-200}
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — $PLAYERS concurrent players x $ROUNDS rounds (think 0–$THINK ms); leaderboard at $SCALE rounds"
  echo
  echo "Machine: $(nproc) cores; load before: \`$(uptime)\`"
  echo
} >>"$out"
dbpw=$(db_password)
java -cp "$pgjar" "$here/QuizBench.java" --jdbc "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" --db-password "${dbpw:-postgres}" \
  --url "http://127.0.0.1:$PORT" --players "$PLAYERS" --rounds "$ROUNDS" --scale "$SCALE" --think "$THINK" --out "$out"
{
  echo
  echo "Load after: \`$(uptime)\`"
} >>"$out"
say "results appended to $out"
