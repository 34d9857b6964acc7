#!/usr/bin/env bash
# Where a quiz round's time goes (a measurement, not a test): starts the app jar on its own data directory
# with pg_stat_statements loaded and the quiz limits lifted, lets bench/QuizBench.java play (players only,
# no leaderboard part), and prints per round (one draw + one submission) the CPU of the app and of
# PostgreSQL, commits, WAL fsyncs, the statements executed and a JFR summary of the app's hottest frames.
#
#   JAR=target/xinfang-0.1.0-SNAPSHOT.jar flock /tmp/bench.lock bench/quiz-profile.sh   # ordinary user
#
# Settings: PORT=18092 DB_PORT=25444 PLAYERS=500 ROUNDS=4 THINK=200 WORK=/tmp/xinfang-quiz-profile-$USER APP_ARGS
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$(id -u)" != 0 ] || { echo "profile: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
JAR=${JAR:?set JAR to the app jar}
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
PORT=${PORT:-18092}; DB_PORT=${DB_PORT:-25444}; PLAYERS=${PLAYERS:-500}; ROUNDS=${ROUNDS:-4}; THINK=${THINK:-200}
WORK=${WORK:-/tmp/xinfang-quiz-profile-$(id -un)}; APP_ARGS=${APP_ARGS:-}
data=$WORK/data; log=$WORK/app.log
rm -rf "$data"; mkdir -p "$data"
pgjar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
. "$here/lib.sh"
trap stop_app EXIT
# shellcheck disable=SC2086
start_app --server.port="$PORT" --server.address=127.0.0.1 --xinfang.db.embedded-server.directory="$data/pg" \
  --xinfang.db.embedded-server.port="$DB_PORT" --xinfang.crypto.key-file="$data/keys.properties" \
  --xinfang.attachments.directory="$data/att" --xinfang.demo.petitions=0 \
  --xinfang.publicity.quiz.rounds-per-address-per-hour=100000000 --xinfang.publicity.quiz.daily-cap=1000 --logging.level.root=WARN $APP_ARGS
enable_pg_stat_statements
echo "load before: $(uptime)"
bench() { java -cp "$pgjar" "$here/QuizBench.java" --url "http://127.0.0.1:$PORT" --players "$1" --rounds "$2" --think "$THINK" --scale 0 --out "$WORK/out.md"; }
bench 50 4 >/dev/null   # JIT warm-up (QuizBench warms up too)
sleep 2
before=$(psql_q -c "SELECT count(*) FROM quiz_round WHERE status = 'SUBMITTED'")
psql_q -c "SELECT pg_stat_statements_reset()" >/dev/null
psql_q -c "SELECT pg_stat_reset()" >/dev/null
psql_q -c "SELECT pg_stat_reset_shared('wal')" >/dev/null 2>&1 || true
read -r app0 pg0 <<<"$(cpu_ticks)"
jcmd "$app_pid" JFR.start name=profile settings=profile filename="$WORK/profile.jfr" >/dev/null
bench "$PLAYERS" "$ROUNDS"
jcmd "$app_pid" JFR.stop name=profile >/dev/null
sleep 2
read -r app1 pg1 <<<"$(cpu_ticks)"
after=$(psql_q -c "SELECT count(*) FROM quiz_round WHERE status = 'SUBMITTED'")
n=$(( after - before )); [ "$n" -gt 0 ] || n=1
echo "load after: $(uptime)"
echo "rounds (draw + submit) measured: $n (QuizBench's own warm-up of 50 x 2 included)"
hz=$(getconf CLK_TCK)
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz="$hz" -v n="$n" 'BEGIN { printf "CPU per round (draw + submit): app %.1f ms, PostgreSQL %.1f ms\n", a * 1000 / hz / n, p * 1000 / hz / n }'
echo "commits per round: $(psql_q -c "SELECT round(xact_commit::numeric / $n, 2) FROM pg_stat_database WHERE datname = 'postgres'")"
echo "WAL fsyncs per round: $(psql_q -c "SELECT round(wal_sync::numeric / $n, 2) FROM pg_stat_wal" 2>/dev/null || echo '?')"
echo; echo "statements per round (calls/round, ms/round, rows/round, query), top 20 by time:"
psql_q -F ' | ' -c "SELECT round(calls::numeric / $n, 2), round((total_exec_time / $n)::numeric, 3), round(rows::numeric / $n, 1),
  left(regexp_replace(query, '\s+', ' ', 'g'), 150) FROM pg_stat_statements
  WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 20"
echo; echo "lock waits seen now (pg_locks not granted): $(psql_q -c "SELECT count(*) FROM pg_locks WHERE NOT granted")"
echo; echo "app JFR: top 25 own frames (com.xinfang), top 25 innermost frames, monitor/park hot spots:"
jfr print --events jdk.ExecutionSample "$WORK/profile.jfr" > "$WORK/samples.txt"
jfr summary "$WORK/profile.jfr" | grep -E "JavaMonitorEnter|ThreadPark|SocketRead|ExecutionSample" || true
python3 - "$WORK/samples.txt" <<'PY'
import sys, re, collections
own, top, pkg = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for block in open(sys.argv[1]).read().split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w.$<>]+)\(', block, re.M)
    if not frames: continue
    total += 1
    top[frames[0]] += 1
    mine = next((f for f in frames if f.startswith('com.xinfang')), None)
    if mine: own[mine] += 1
    pkg['.'.join(frames[0].split('.')[:3])] += 1
print(f"samples: {total}")
for name, c in own.most_common(25): print(f"{100*c/total:5.1f}%  {name}")
print()
for name, c in top.most_common(25): print(f"{100*c/total:5.1f}%  {name}")
print()
for name, c in pkg.most_common(15): print(f"{100*c/total:5.1f}%  {name}.*")
PY
