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
repo=$(dirname "$here")
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

jar=${JAR:-}
if [ -z "$jar" ]; then
  say "building a jar from a copy of $repo"
  rm -rf "$BENCH_WORK/src" && mkdir -p "$BENCH_WORK/src"
  (cd "$repo" && tar --exclude=./data --exclude=./target --exclude=./.git -cf - .) | (cd "$BENCH_WORK/src" && tar -xf -)
  (cd "$BENCH_WORK/src" && ./mvnw -o -q -DskipTests package) >"$BENCH_WORK/build.log" 2>&1
  jar=$(ls "$BENCH_WORK"/src/target/*.jar | grep -v -- '-plain\|\.original' | head -1)
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
pgjar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)

rm -rf "$BENCH_WORK/data"
say "starting the app on 127.0.0.1:$PORT (PostgreSQL $DB_PORT, data $BENCH_WORK/data)"
(cd "$BENCH_WORK" && exec java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
  --xinfang.db.embedded-server.directory="$BENCH_WORK/data/pg" --xinfang.db.embedded-server.port="$DB_PORT" \
  --xinfang.crypto.key-file="$BENCH_WORK/data/keys.properties" --xinfang.attachments.directory="$BENCH_WORK/data/att" \
  --xinfang.demo.petitions=0 --xinfang.publicity.quiz.rounds-per-address-per-hour=100000000 --xinfang.publicity.quiz.daily-cap=1000 --server.tomcat.threads.max=${TOMCAT_THREADS:-200} --logging.level.root=WARN) >"$BENCH_WORK/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  [ "$KEEP_DATA" = "1" ] || rm -rf "$BENCH_WORK/data"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -s --max-time 2 "http://127.0.0.1:$PORT/actuator/health" | grep -q UP && break
  sleep 0.5
done
curl -s --max-time 2 "http://127.0.0.1:$PORT/actuator/health" | grep -q UP || { say "app did not start (log $BENCH_WORK/app.log)"; exit 1; }

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
# the embedded server's generated superuser password (kept with the keys, see docs/operations.md)
dbpw=$(sed -n 's/^db-password=//p' "$BENCH_WORK/data/keys.properties" 2>/dev/null | head -1)
java -cp "$pgjar" "$here/QuizBench.java" --jdbc "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" --db-password "${dbpw:-postgres}" \
  --url "http://127.0.0.1:$PORT" --players "$PLAYERS" --rounds "$ROUNDS" --scale "$SCALE" --think "$THINK" --out "$out"
{
  echo
  echo "Load after: \`$(uptime)\`"
} >>"$out"
say "results appended to $out"
