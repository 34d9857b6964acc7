#!/usr/bin/env bash
# Where a registration's time goes (a measurement, not a test): starts the app jar on its own data
# directory with pg_stat_statements loaded, runs LoadDriver, and prints per registration the
# statements executed, the table accesses (index/sequential scans, inserts, updates) and commits,
# plus a JFR execution-sample summary of the app's hottest frames.
#
#   JAR=target/xinfang-0.1.0-SNAPSHOT.jar bench/profile.sh      # as an ordinary user (not root)
#
# Settings: PORT=18180 DB_PORT=25532 CLIENTS=16 SECONDS_=20 WARMUP_S=10 DEMO_PETITIONS=50 WORK=/tmp/xinfang-profile-$USER
# (WARMUP_S: the JIT warm-up before measuring; 40 as sustained.sh for the app's steady state, 10 shows it still compiling)
# JFR=0 (no recording: the app's CPU without the recorder's share), APP_ARGS (extra app arguments), KEEP_DATA=1 (reuse/keep the data directory, e.g. a large generated one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$(id -u)" != 0 ] || { echo "profile: run as an ordinary user (PostgreSQL refuses root)"; exit 1; }
JAR=${JAR:?set JAR to the app jar}
PORT=${PORT:-18180}; DB_PORT=${DB_PORT:-25532}; CLIENTS=${CLIENTS:-16}; SECONDS_=${SECONDS_:-20}; WARMUP_S=${WARMUP_S:-10}
DEMO_PETITIONS=${DEMO_PETITIONS:-50}; WORK=${WORK:-/tmp/xinfang-profile-$(id -un)}; KEEP_DATA=${KEEP_DATA:-0}
APP_ARGS=${APP_ARGS:-}; JFR=${JFR:-1}
data=$WORK/data; log=$WORK/app.log
[ "$KEEP_DATA" = 1 ] || rm -rf "$data"
mkdir -p "$data"
. "$here/lib.sh"
trap stop_app EXIT
# shellcheck disable=SC2086
start_app --server.port="$PORT" --xinfang.db.embedded-server.directory="$data" \
  --xinfang.db.embedded-server.port="$DB_PORT" --xinfang.crypto.key-file="$data/keys.properties" \
  --xinfang.attachments.directory="$data/attachments" --xinfang.demo.petitions="$DEMO_PETITIONS" $APP_ARGS
enable_pg_stat_statements
java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$WARMUP_S" --warmup 2 >/dev/null  # JIT warm-up
sleep 2
before=$(psql_q -c "SELECT count(*) FROM petition")
psql_q -c "SELECT pg_stat_statements_reset()" >/dev/null
psql_q -c "SELECT pg_stat_reset()" >/dev/null
read -r app0 pg0 <<<"$(cpu_ticks)"
[ "$JFR" = 0 ] || jcmd "$app_pid" JFR.start name=profile settings=profile filename="$WORK/profile.jfr" >/dev/null
java "$here/LoadDriver.java" --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$SECONDS_" --warmup 0 | grep -E 'requests|throughput|latency'
[ "$JFR" = 0 ] || jcmd "$app_pid" JFR.stop name=profile >/dev/null
sleep 3  # let background batches finish
read -r app1 pg1 <<<"$(cpu_ticks)"
after=$(psql_q -c "SELECT count(*) FROM petition")
n=$(( after - before )); [ "$n" -gt 0 ] || n=1
echo "registrations: $n"
hz=$(getconf CLK_TCK)
rec=$([ "$JFR" = 0 ] && echo "no JFR recording" || echo "with the JFR recording")
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz="$hz" -v n="$n" -v rec="$rec" 'BEGIN { printf "CPU per registration (app JVM with its background batches, %s; PostgreSQL server and live backends; not the load driver): app %.1f ms, PostgreSQL %.1f ms\n", rec, a * 1000 / hz / n, p * 1000 / hz / n }'
echo "commits per registration: $(psql_q -c "SELECT round(xact_commit::numeric / $n, 2) FROM pg_stat_database WHERE datname = 'postgres'")"
echo; echo "statements per registration (calls/reg, exec ms/reg, planning ms/reg, rows/reg, query), top 30 by time:"
psql_q -F ' | ' -c "SELECT round(calls::numeric / $n, 2), round((total_exec_time / $n)::numeric, 3), round((total_plan_time / $n)::numeric, 3),
  round(rows::numeric / $n, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements
  WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 30"
echo "all statements per registration (calls, exec ms, planning ms):"
psql_q -F ' | ' -c "SELECT round(sum(calls)::numeric / $n, 1), round((sum(total_exec_time) / $n)::numeric, 3),
  round((sum(total_plan_time) / $n)::numeric, 3) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%'"
echo; echo "table access per registration (table | seq scans | idx scans | inserts | updates | deletes):"
psql_q -F ' | ' -c "SELECT relname, round(seq_scan::numeric / $n, 2), round(idx_scan::numeric / $n, 1), round(n_tup_ins::numeric / $n, 1),
  round(n_tup_upd::numeric / $n, 1), round(n_tup_del::numeric / $n, 1) FROM pg_stat_user_tables
  WHERE seq_scan + coalesce(idx_scan, 0) + n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY idx_scan DESC NULLS LAST"
echo; echo "app JFR execution samples: top 25 frames in com.xinfang (innermost own frame), then top 25 innermost frames:"
[ "$JFR" = 0 ] && exit 0
jfr print --stack-depth 96 --events jdk.ExecutionSample "$WORK/profile.jfr" > "$WORK/samples.txt"
python3 - "$WORK/samples.txt" <<'PY'
import sys, re, collections
own, top, incl = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for block in open(sys.argv[1]).read().split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w.$<>]+)\(', block, re.M)
    if not frames: continue
    total += 1
    top[frames[0]] += 1
    for f in set(frames):
        if f.startswith(('com.xinfang', 'com.hankcs', 'org.bouncycastle', 'com.nimbusds', 'org.postgresql', 'com.zaxxer', 'org.springframework.security', 'org.flywaydb', 'com.fasterxml', 'tools.jackson')):
            incl[f] += 1
    mine = next((f for f in frames if f.startswith('com.xinfang')), None)
    if mine: own[mine] += 1
print(f"samples: {total}")
for name, c in own.most_common(25): print(f"{100*c/total:5.1f}%  {name}")
print()
for name, c in top.most_common(25): print(f"{100*c/total:5.1f}%  {name}")
print(); print("inclusive: share of samples with the frame anywhere on the stack (com.xinfang and a few libraries), top 40:")
for name, c in incl.most_common(40): print(f"{100*c/total:5.1f}%  {name}")
PY
