#!/usr/bin/env bash
# XinFang benchmark (a measurement, not a test): start-up to ready with the embedded PostgreSQL
# (first start and restart), the app's memory, a load run of petition submissions through the
# API at several client counts, and pgbench TPC-B against the same PostgreSQL in the same run.
#
#   bench/run.sh                 # as a normal user; as root it re-runs itself as $BENCH_USER (xf)
#
# Settings (environment):
#   BENCH_USER=xf            user to run as when started as root (PostgreSQL refuses root)
#   PORT=18080 DB_PORT=25432 HTTP and embedded PostgreSQL ports (must be free)
#   CLIENTS="8 32 64"        load-run client counts
#   LOAD_SECONDS=30 WARMUP=5 measured seconds and warm-up seconds of each load run
#   JIT_WARMUP=20            a first, separately reported run of 8 clients on the cold JVM (0: none)
#   PGBENCH_SCALE=10 PGBENCH_CLIENTS=16 PGBENCH_THREADS=2 PGBENCH_SECONDS=30
#   DEMO_PETITIONS=          unset: the app's default (200 sample petitions seeded at first start)
#   JAVA_OPTS=               the app's JVM options (default -XX:+UseParallelGC, as in production; e.g. add -Xmx512m)
#   APP_ARGS=                extra app arguments (e.g. --spring.datasource.hikari.maximum-pool-size=40)
#   DRIVER_ARGS=             extra LoadDriver arguments (--http jdk: the HttpClient driver of figures before 2026-12-07 15:30 UTC)
#   SKIP_BUILD=0             1: reuse the jar already built in $BENCH_WORK/src
#   JAR=                     benchmark this jar instead of building one
#   BENCH_WORK=/tmp/xinfang-bench-$USER   build copy, data directory, app log
#   KEEP_DATA=0              1: keep the benchmark's data directory afterwards
#   QUIET_WAIT=30            wait up to this many seconds for other work on the machine to stop first
#   READY_TIMEOUT=180        give up when a start takes longer than this many seconds (a loaded machine needs more)
#
# Only talks to 127.0.0.1; every loop is bounded in time. Results: bench/results/<date>-startup-and-load.md
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

# ---------------------------------------------------------------------------------------------
# Root: make sure pgbench is there, then re-run as an unprivileged user.
if [ "$(id -u)" = "0" ]; then
  if ! command -v pgbench >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
    echo "bench: installing pgbench (Debian: package postgresql-contrib / postgresql-NN)"
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null \
      || echo "bench: could not install pgbench; the pgbench part will be skipped"
  fi
  user=${BENCH_USER:-xf}
  if ! id "$user" >/dev/null 2>&1; then
    echo "bench: PostgreSQL refuses to run as root; create user '$user' (or set BENCH_USER) and re-run, e.g. useradd -m $user && chown -R $user: $repo"
    exit 1
  fi
  if ! runuser -u "$user" -- test -w "$here"; then
    echo "bench: user '$user' cannot write $here; run: chown -R $user: $here (or set BENCH_USER)"
    exit 1
  fi
  vars=()
  for v in PORT DB_PORT CLIENTS LOAD_SECONDS WARMUP JIT_WARMUP PGBENCH_SCALE PGBENCH_CLIENTS PGBENCH_THREADS PGBENCH_SECONDS \
           DEMO_PETITIONS JAVA_OPTS APP_ARGS SKIP_BUILD JAR BENCH_WORK KEEP_DATA QUIET_WAIT READY_TIMEOUT; do
    [ -n "${!v+x}" ] && vars+=("$v=${!v}")
  done
  exec runuser -u "$user" -- env HOME="$(getent passwd "$user" | cut -d: -f6)" "${vars[@]}" bash "$here/run.sh" "$@"
fi

PORT=${PORT:-18080}
DB_PORT=${DB_PORT:-25432}
CLIENTS=${CLIENTS:-"8 32 64"}
LOAD_SECONDS=${LOAD_SECONDS:-30}
WARMUP=${WARMUP:-5}
JIT_WARMUP=${JIT_WARMUP:-20}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-16}
PGBENCH_THREADS=${PGBENCH_THREADS:-2}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
DEMO_PETITIONS=${DEMO_PETITIONS:-}
JAVA_OPTS=${JAVA_OPTS--XX:+UseParallelGC}  # the production setting (docs/operations.md "The JVM")
APP_ARGS=${APP_ARGS:-}
SKIP_BUILD=${SKIP_BUILD:-0}
JAR=${JAR:-}
KEEP_DATA=${KEEP_DATA:-0}
QUIET_WAIT=${QUIET_WAIT:-30}
READY_TIMEOUT=${READY_TIMEOUT:-180}
BENCH_WORK=${BENCH_WORK:-/tmp/xinfang-bench-$(id -un)}

base="http://127.0.0.1:$PORT"
data="$BENCH_WORK/data"
log="$BENCH_WORK/app.log"
results_dir="$here/results"
mkdir -p "$BENCH_WORK" "$results_dir"
stamp=$(date +%Y-%m-%d)
report="$results_dir/$stamp-startup-and-load.md"
[ -e "$report" ] && report="$results_dir/$(date +%Y-%m-%d-%H%M)-startup-and-load.md"
jsonl="$results_dir/load.jsonl"
run_started=$(date +%s)

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }
die() { say "FAILED: $*"; [ -f "$log" ] && { echo "--- last app log lines ($log) ---"; grep -E 'ERROR|WARN|Exception' "$log" | tail -20; tail -20 "$log"; }; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORT" || { echo "bench: port $PORT is in use (another app instance?); stop it or set PORT"; exit 1; }
port_free "$DB_PORT" || { echo "bench: port $DB_PORT is in use; stop it or set DB_PORT"; exit 1; }

app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    say "stopping the app (pid $app_pid)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  if [ "$KEEP_DATA" != "1" ] && [ -d "$data" ] && [ ! -f "$data/pg/postmaster.pid" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# Build a jar from a copy of the working tree (never touches the tree itself), or use $JAR.
src="$BENCH_WORK/src"
rm -f "$log"
# the commit being benchmarked, read before the tree is copied
# git first (a worktree's .git is a file naming the real git directory), else read the files
commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null || {
  h=$(cat "$repo/.git/HEAD" 2>/dev/null || true)
  case "$h" in
    ref:*) r=${h#ref: }; cat "$repo/.git/$r" 2>/dev/null || awk -v r="$r" '$2==r {print $1}' "$repo/.git/packed-refs" 2>/dev/null ;;
    *) echo "$h" ;;
  esac; })
commit=${commit:0:10}; commit=${commit:-?}
[ "$commit" != "?" ] && [ -n "$(git -C "$repo" status --porcelain --untracked-files=no -- src pom.xml 2>/dev/null)" ] && commit="$commit + uncommitted changes"
if [ -n "$JAR" ]; then
  jar=$JAR
  [ -f "$jar" ] || { echo "bench: JAR=$jar does not exist"; exit 1; }
  build_ms="(given jar)"
  say "using the given jar $jar"
elif [ "$SKIP_BUILD" = "1" ] && ls "$src"/target/*.jar >/dev/null 2>&1; then
  build_ms="(reused)"
else
  say "building the jar from a copy of $repo in $src (tests skipped)"
  rm -rf "$src.new" && mkdir -p "$src.new"
  # tar exits 1 when a file changes while it is read (someone is editing): fine, the build decides
  { tar -C "$repo" --warning=no-file-changed --exclude=./data --exclude=./target --exclude=./.git \
      --exclude=./bench/results -cf - . || [ $? = 1 ]; } | tar -C "$src.new" -xf -
  t0=$(now_ms)
  if ! (cd "$src.new" && ./mvnw -o -q -DskipTests package) >"$BENCH_WORK/build.log" 2>&1; then
    if grep -qiE 'offline|Could not resolve|Cannot access' "$BENCH_WORK/build.log"; then
      say "offline build could not resolve dependencies; trying online"
      (cd "$src.new" && ./mvnw -q -DskipTests package) >"$BENCH_WORK/build.log" 2>&1 || true
    fi
  fi
  if ! ls "$src.new"/target/*.jar >/dev/null 2>&1; then
    grep -E '^\[ERROR\]' "$BENCH_WORK/build.log" | head -8
    echo "bench: the working tree does not build (log: $BENCH_WORK/build.log); fix it, or benchmark an existing jar with JAR=path/to/xinfang.jar"
    exit 1
  fi
  rm -rf "$src" && mv "$src.new" "$src"
  build_ms=$(( $(now_ms) - t0 ))
  say "built in ${build_ms} ms"
fi
[ -n "$JAR" ] || jar=$(ls "$src"/target/*.jar | grep -v -- '-plain\|\.original' | head -1)
[ -f "$jar" ] || die "no jar under $src/target"

# ---------------------------------------------------------------------------------------------
# Helpers: start and wait for ready, stop, memory and CPU of the app and its PostgreSQL.
app_args=(--server.port="$PORT"
  --xinfang.db.embedded-server.directory="$data"
  --xinfang.db.embedded-server.port="$DB_PORT"
  --xinfang.crypto.key-file="$data/keys.properties"
  --xinfang.attachments.directory="$data/attachments")
[ -n "$DEMO_PETITIONS" ] && app_args+=(--xinfang.demo.petitions="$DEMO_PETITIONS")
# shellcheck disable=SC2206
[ -n "$APP_ARGS" ] && app_args+=($APP_ARGS)

start_app() { # sets app_pid, ready_ms
  local t0 status
  echo "===== start $(date -Is) =====" >>"$log"
  t0=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$BENCH_WORK" && exec java $JAVA_OPTS -jar "$jar" "${app_args[@]}") >>"$log" 2>&1 &
  app_pid=$!
  while :; do
    kill -0 "$app_pid" 2>/dev/null || die "the app exited during start-up"
    status=$(curl -s --max-time 2 "$base/actuator/health" || true)
    if [[ "$status" == *'"status":"UP"'* ]]; then break; fi
    (( $(now_ms) - t0 > READY_TIMEOUT * 1000 )) && die "not ready after $READY_TIMEOUT s"
    sleep 0.1
  done
  ready_ms=$(( $(now_ms) - t0 ))
  # Spring's own figure for this start: the JVM's age when the context was up (before runners)
  started_s=$(awk '/^===== start/ { s="" } /Started XinFangApplication/ { s=$0 } END { print s }' "$log" \
    | sed -n 's/.*process running for \([0-9.]*\)).*/\1/p')
}

stop_app() { # sets stop_ms
  local t0
  t0=$(now_ms)
  kill -TERM "$app_pid" 2>/dev/null || die "the app had already exited before the stop"
  for _ in $(seq 1 1200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.05; done
  kill -0 "$app_pid" 2>/dev/null && die "the app did not stop within 60 s of SIGTERM"
  wait "$app_pid" 2>/dev/null || true
  stop_ms=$(( $(now_ms) - t0 ))
  app_pid=""
  for _ in $(seq 1 100); do [ -f "$data/pg/postmaster.pid" ] || break; sleep 0.1; done
  [ -f "$data/pg/postmaster.pid" ] && say "warning: $data/pg/postmaster.pid still there after stop (PostgreSQL not shut down cleanly?)"
  return 0
}

kib() { awk '/^'"$1"':/ {print $2}' "/proc/$2/status" 2>/dev/null || echo 0; }
mib() { awk -v v="$1" 'BEGIN { printf "%.0f", v/1024 }'; }
postmaster_pid() { head -1 "$data/pg/postmaster.pid" 2>/dev/null || true; }
pg_pids() { local pm; pm=$(postmaster_pid); [ -n "$pm" ] && { echo "$pm"; ps -o pid= --ppid "$pm"; }; }
pg_pss_kib() { # proportional set size of all PostgreSQL processes (shared buffers counted once)
  local sum=0 p v
  for p in $(pg_pids); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    sum=$(( sum + ${v:-0} ))
  done
  echo "$sum"
}
memory() { # prints: java RSS MiB, java peak RSS MiB, postgres PSS MiB
  echo "$(mib "$(kib VmRSS "$app_pid")") $(mib "$(kib VmHWM "$app_pid")") $(mib "$(pg_pss_kib)")"
}
ticks_of() { awk '{ print $14 + $15 + ($2 ~ /postgres/ ? $16 + $17 : 0) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_snapshot() { # prints: total-busy, total-all, app, postgres (clock ticks)
  local app pg=0 p
  app=$(ticks_of "$app_pid")
  for p in $(pg_pids); do pg=$(( pg + $(ticks_of "$p") )); done
  awk -v a="$app" -v g="$pg" '/^cpu / { busy=$2+$3+$4+$7+$8; all=busy+$5+$6; print busy, all, a, g; exit }' /proc/stat
}
cpu_split() { # args: before(4) after(4) [driver CPU seconds] -> "app% pg% driver% other% idle%" of all cores
  awk -v b1="$1" -v a1="$2" -v p1="$3" -v g1="$4" -v b2="$5" -v a2="$6" -v p2="$7" -v g2="$8" -v d="${9:-0}" \
      -v hz="$(getconf CLK_TCK)" 'BEGIN {
    all=a2-a1; if (all<=0) all=1; app=(p2-p1)/all*100; pg=(g2-g1)/all*100; busy=(b2-b1)/all*100; drv=d*hz/all*100;
    other=busy-app-pg-drv; if (other<0) other=0; printf "%.0f %.0f %.0f %.0f %.0f", app, pg, drv, other, 100-busy }'
}
proc_ticks() { # "pid ticks name" of every process
  for f in /proc/[0-9]*/stat; do cat "$f" 2>/dev/null; echo; done | awk 'NF > 17 {
    line=$0; sub(/^[0-9]+ \(/, "", line); name=line; sub(/\) .*/, "", name); sub(/^.*\) /, "", line);
    split(line, f, " "); print $1, f[12] + f[13], name }'
}
background() { # sets bg_busy (% of all cores busy over 2 s) and bg_procs (the busiest processes then)
  local a b p1 p2
  a=$(awk '/^cpu / { print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8; exit }' /proc/stat); p1=$(proc_ticks)
  sleep 2
  b=$(awk '/^cpu / { print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8; exit }' /proc/stat); p2=$(proc_ticks)
  # shellcheck disable=SC2086
  bg_busy=$(echo $a $b | awk '{ d=$4-$2; if (d<=0) d=1; printf "%.0f", ($3-$1)/d*100 }')
  bg_procs=$(awk -v hz="$(getconf CLK_TCK)" 'NR==FNR { t[$1]=$2; next } ($1 in t) && $2-t[$1] > 0.1*hz*2 {
      printf "%d %s[%s]\n", ($2-t[$1])/(2*hz)*100, $3, $1 }' <(echo "$p1") <(echo "$p2") \
    | sort -rn | head -3 | awk '{ printf "%s%s %s%%", (NR>1 ? ", " : ""), $2, $1 }')
}
wait_quiet() { # wait up to QUIET_WAIT seconds for the machine to be under 15% busy
  local waited=0
  background
  while [ "$bg_busy" -gt 15 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
    [ "$waited" = 0 ] && say "machine busy (${bg_busy}%: $bg_procs); waiting up to ${QUIET_WAIT}s for it to calm down"
    sleep 3; waited=$(( waited + 5 )); background
  done
}
# the embedded server's generated superuser password (kept with the keys, see docs/operations.md)
db_password() { sed -n 's/^db-password=//p' "${KEYS_FILE:-$data/keys.properties}" 2>/dev/null | head -1; }
psql_q() { PGPASSWORD="$(db_password)" psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres "$@"; }

# ---------------------------------------------------------------------------------------------
rm -rf "$data"
mkdir -p "$data"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"

wait_quiet
bg_before=$bg_busy; bg_before_procs=$bg_procs
say "background CPU before the run: ${bg_before}% busy${bg_procs:+ (busiest: $bg_procs)}"
[ "$bg_before" -gt 15 ] && say "warning: the machine is not quiet; the figures will be lower and noisier than they should be"
say "(a) first start on an empty data directory ($data)"
start_app
first_ms=$ready_ms; first_ctx=$started_s
read -r rss_first hwm_first pg_first <<<"$(memory)"
seeded=$(psql_q -d postgres -c 'SELECT count(*) FROM petition' 2>/dev/null || echo '?')
say "first start to ready: ${first_ms} ms; java RSS ${rss_first} MiB; PostgreSQL PSS ${pg_first} MiB; ${seeded} petitions seeded"

say "(c) stop (SIGTERM) and restart on the same data directory"
stop_app
stop1_ms=$stop_ms
start_app
restart_ms=$ready_ms; restart_ctx=$started_s
sleep 2
read -r rss_start hwm_start pg_start <<<"$(memory)"
durable="fsync=$(psql_q -d postgres -c 'SHOW fsync'), synchronous_commit=$(psql_q -d postgres -c 'SHOW synchronous_commit'), full_page_writes=$(psql_q -d postgres -c 'SHOW full_page_writes')"
pg_version=$(psql_q -d postgres -c 'SHOW server_version')
say "stop took ${stop1_ms} ms; restart to ready: ${restart_ms} ms; java RSS ${rss_start} MiB; PostgreSQL PSS ${pg_start} MiB; $durable"

db_counters() { # commits in the app's database and WAL syncs (fsyncs of the WAL) so far
  echo "$(psql_q -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'" 2>/dev/null || echo 0)" \
       "$(psql_q -d postgres -c 'SELECT wal_sync FROM pg_stat_wal' 2>/dev/null || echo 0)"
}
load_rows=()
max_other=0
run_load() { # args: label clients seconds warmup
  local label=$1 c=$2 secs=$3 wu=$4 before after rc=0 out line errs c_app c_pg c_drv c_other c_idle x0 s0 x1 s1 per_req queued
  before=$(cpu_snapshot); read -r x0 s0 <<<"$(db_counters)"
  out=$(java "$here/LoadDriver.java" --url "$base" --clients "$c" --seconds "$secs" --warmup "$wu" \
        --label "run.sh $stamp $label" --out "$jsonl" ${DRIVER_ARGS:-} 2>"$BENCH_WORK/driver-$c.err") || rc=$?
  after=$(cpu_snapshot); read -r x1 s1 <<<"$(db_counters)"
  # derived work not yet done: a queue that grows run after run means the throughput was borrowed
  queued=$(psql_q -d postgres -c 'SELECT count(*) FROM casefile_index_queue' 2>/dev/null || echo '?')
  [ -s "$BENCH_WORK/driver-$c.err" ] && { echo "first errors seen by the driver:"; head -10 "$BENCH_WORK/driver-$c.err" | cut -c1-300; }
  [ "$rc" = "0" ] || die "load driver with $c clients exited with $rc"
  echo "$out" | grep -v '^{'
  line=$(echo "$out" | grep '^{' | tail -1)
  get() { echo "$line" | sed -n 's/.*"'"$1"'":\([^,}]*\).*/\1/p'; }
  # shellcheck disable=SC2086
  read -r c_app c_pg c_drv c_other c_idle <<<"$(cpu_split $before $after "$(get driverCpuS)")"
  errs=$(echo "$line" | sed -n 's/.*"errorsByStatus":\({[^}]*}\).*/\1/p')
  per_req=$(awk -v x=$(( x1 - x0 )) -v w=$(( s1 - s0 )) -v n="$(get allRequests)" 'BEGIN { if (n > 0) printf "%.1f / %.1f", x/n, w/n; else print "-" }')
  [ "${c_other:-0}" -gt "$max_other" ] && max_other=$c_other
  load_rows+=("| $label | $(get requests) | $(get errors) $( [ "$errs" != "{}" ] && echo "$errs") | $(get throughputPerS) | $(get p50Ms) | $(get p90Ms) | $(get p99Ms) | $(get maxMs) | $c_app / $c_pg / $c_drv / $c_other / $c_idle | $per_req | $queued |")
  say "cpu during run (% of all cores): app ${c_app}, postgres ${c_pg}, driver ${c_drv}, other ${c_other}, idle ${c_idle}; commits / WAL fsyncs per request: $per_req"
}

if [ "$JIT_WARMUP" -gt 0 ]; then
  say "(d) cold JVM: 8 clients for ${JIT_WARMUP}s right after the restart (also warms the JIT for the runs after it)"
  run_load "8 (cold JVM, first ${JIT_WARMUP} s)" 8 "$JIT_WARMUP" 0
fi
say "(d) load runs: clients $CLIENTS, ${WARMUP}s warm-up + ${LOAD_SECONDS}s each"
for c in $CLIENTS; do
  run_load "$c" "$c" "$LOAD_SECONDS" "$WARMUP"
done
read -r rss_load hwm_load pg_load <<<"$(memory)"
petitions=$(psql_q -d postgres -c 'SELECT count(*) FROM petition')
say "after load: java RSS ${rss_load} MiB (peak ${hwm_load}); PostgreSQL PSS ${pg_load} MiB; ${petitions} petitions stored"
app_errors=$(grep -c ' ERROR ' "$log" || true)
# distinct root causes of the app's ERROR lines (the exception line that follows each)
error_kinds=$(awk '/ ERROR / { want=1; next } want && /^[A-Za-z_.$]+(Exception|Error)/ { print; want=0 }' "$log" \
  | sed -E 's/\(total=.*\)/(pool stats)/; s/after [0-9]+ms/after N ms/' | cut -c1-220 | sort | uniq -c | sort -rn | head -5)

say "(e) pgbench TPC-B on the same PostgreSQL (127.0.0.1:$DB_PORT), database 'bench'"
pgbench_row="| pgbench not installed (as root: apt-get install postgresql-contrib) | | | | | | | | |"
pgbench_bin=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$pgbench_bin" ]; then
  pgdir="$BENCH_WORK/pgbench"; rm -rf "$pgdir"; mkdir -p "$pgdir"
  psql_q -d postgres -c 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench' >/dev/null
  t0=$(now_ms)
  PGPASSWORD="$(db_password)" "$pgbench_bin" -h 127.0.0.1 -p "$DB_PORT" -U postgres -i -s "$PGBENCH_SCALE" -q bench >"$pgdir/init.log" 2>&1 \
    || { cat "$pgdir/init.log"; die "pgbench -i failed"; }
  init_ms=$(( $(now_ms) - t0 ))
  background; bg_pgbench=$bg_busy
  before=$(cpu_snapshot)
  (cd "$pgdir" && PGPASSWORD="$(db_password)" "$pgbench_bin" -h 127.0.0.1 -p "$DB_PORT" -U postgres -c "$PGBENCH_CLIENTS" \
      -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" -M prepared -l --log-prefix=tx bench) >"$pgdir/run.log" 2>&1 \
    || { cat "$pgdir/run.log"; die "pgbench run failed"; }
  after=$(cpu_snapshot)
  # shellcheck disable=SC2086
  read -r b_app b_pg _ b_other b_idle <<<"$(cpu_split $before $after)"
  sed -n '/transaction type/,$p' "$pgdir/run.log"
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$pgdir/run.log" | awk '{ printf "%.1f", $1 }')
  lat_avg=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$pgdir/run.log")
  txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$pgdir/run.log")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$pgdir/run.log")
  read -r lat_p50 lat_p99 lat_max <<<"$(cat "$pgdir"/tx.* | awk '{print $3}' | sort -n | awk '{ a[NR]=$1 } END {
      if (NR==0) { print "? ? ?"; exit }
      i50=int(NR*0.50+0.999); i99=int(NR*0.99+0.999); printf "%.1f %.1f %.1f", a[i50]/1000, a[i99]/1000, a[NR]/1000 }')"
  rm -f "$pgdir"/tx.*
  psql_q -d postgres -c 'DROP DATABASE IF EXISTS bench' >/dev/null || true
  pgbench_row="| -c $PGBENCH_CLIENTS -j $PGBENCH_THREADS -T $PGBENCH_SECONDS -M prepared, scale $PGBENCH_SCALE (init ${init_ms} ms) | ${txs:-?} (failed ${failed:-0}) | ${tps:-?} | ${lat_avg:-?} | $lat_p50 | $lat_p99 | $lat_max | $b_app / $b_pg / $b_other / $b_idle | ${bg_pgbench}% |"
  say "pgbench: tps ${tps:-?}, latency avg ${lat_avg:-?} ms, p50 $lat_p50 ms, p99 $lat_p99 ms; cpu app ${b_app}, postgres ${b_pg}, other/pgbench ${b_other}, idle ${b_idle}"
else
  say "pgbench not found: as root run 'apt-get install -y postgresql-contrib' (Debian puts pgbench in postgresql-NN); skipping"
fi

say "stopping the app"
stop_app
total_s=$(( $(date +%s) - run_started ))

# ---------------------------------------------------------------------------------------------
{
  echo "# XinFang start-up and load benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1); PostgreSQL $pg_version (embedded, zonky); $durable."
  echo "Commit $commit ($( [ -n "$JAR" ] && echo "given jar $JAR, built $(date -r "$JAR" '+%Y-%m-%d %H:%M')" || echo "working tree copied and built")); JAVA_OPTS='${JAVA_OPTS}'; APP_ARGS='${APP_ARGS}'; demo petitions: ${DEMO_PETITIONS:-app default} (${seeded} seeded at first start). App, PostgreSQL, load driver and pgbench all share the same $(nproc) cores. Total run ${total_s} s."
  echo "Background CPU before the run: ${bg_before}% busy${bg_before_procs:+ (busiest: $bg_before_procs)}. The 'other' CPU column is everything else on the machine; much above 0 means a noisy neighbour and lower figures."
  echo
  echo "## Start-up and memory"
  echo
  echo "| figure | value |"
  echo "| --- | --- |"
  echo "| first start to ready (empty data dir: initdb, migrations, demo seeding) | ${first_ms} ms (Spring context up at ${first_ctx:-?} s; the rest is start-up runners such as demo seeding) |"
  echo "| restart to ready (same data dir, after a clean SIGTERM stop) | ${restart_ms} ms (Spring context up at ${restart_ctx:-?} s) |"
  echo "| clean stop (SIGTERM to exit) | ${stop1_ms} ms |"
  echo "| java RSS after first start | ${rss_first} MiB |"
  echo "| java RSS after restart | ${rss_start} MiB |"
  echo "| java RSS after the load runs (peak) | ${rss_load} MiB (${hwm_load} MiB) |"
  echo "| PostgreSQL processes PSS after restart / after load | ${pg_start} MiB / ${pg_load} MiB |"
  echo "| build (mvnw package, tests skipped) | ${build_ms} ms |"
  echo
  echo "## Petition submissions (POST /api/v1/petitions, closed loop, ${WARMUP} s warm-up + ${LOAD_SECONDS} s measured)"
  echo
  echo "| clients | requests | errors | throughput /s | p50 ms | p90 ms | p99 ms | max ms | CPU % app / postgres / driver / other / idle | commits / WAL fsyncs per request | index queue at the end |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${load_rows[@]}"
  echo
  if [ "$max_other" -gt 10 ]; then
    echo "**Warning: other work used up to ${max_other}% of the machine during the load runs (column 'other'); these figures understate the app. Re-run on a quiet machine.**"
    echo
  fi
  echo "Petitions stored at the end: ${petitions}. ERROR lines in the app log: ${app_errors}."
  if [ -n "$error_kinds" ]; then
    echo
    echo "Root causes of the app's ERROR lines (count, exception):"
    echo
    echo '```'
    echo "$error_kinds"
    echo '```'
  fi
  echo
  echo "## pgbench TPC-B on the same embedded PostgreSQL"
  echo
  echo "| run | transactions | tps | latency avg ms | p50 ms | p99 ms | max ms | CPU % app / postgres / pgbench+other / idle | busy before (app idle) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  echo "$pgbench_row"
  echo
  echo "Target (issue): restart under 15 s; submissions >= 300/s with p99 < 200 ms on 2 cores."
} >"$report"

echo
cat "$report"
echo
say "report: $report; load JSON lines: $jsonl; app log: $log"
