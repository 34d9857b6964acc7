# Shared by the benchmark and profiling scripts (profile.sh, quiz-profile.sh, quiz.sh, stats.sh, exchange.sh): the
# app jar on its own embedded PostgreSQL (optionally with pg_stat_statements), and the CPU of both.
# Source it after setting JAR (or call build_jar), PORT, DB_PORT, WORK, data (the data directory) and
# log; KEYS_FILE overrides $data/keys.properties; JAVA_OPTS are the app's JVM options (unset: -XX:+UseParallelGC, the
# production setting of docs/operations.md; JAVA_OPTS= for the JVM's own default, G1).

# build_jar: JAR as given, else a jar built offline from a copy of the tree (without data, target, .git)
# in $WORK/src; JAR becomes an absolute path either way
build_jar() {
  if [ -z "${JAR:-}" ]; then
    local repo
    repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    echo "${0##*/}: building a jar from a copy of $repo"
    rm -rf "$WORK/src" && mkdir -p "$WORK/src"
    (cd "$repo" && tar --exclude=./data --exclude=./target --exclude=./.git -cf - .) | (cd "$WORK/src" && tar -xf -)
    (cd "$WORK/src" && ./mvnw -o -q -DskipTests package) >"$WORK/build.log" 2>&1
    JAR=$(ls "$WORK"/src/target/*.jar | grep -v -- '-plain\|\.original' | head -1)
  fi
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
}

# the PostgreSQL JDBC driver from the local Maven repository (for the Java bench drivers)
pg_jar() { ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1; }

# start_app_on_own_data ARG… : start_app on 127.0.0.1:$PORT with its own PostgreSQL on $DB_PORT under $data
# (keys and attachments there too), no demo data, WARN logging; ARG… added (a later one wins)
start_app_on_own_data() {
  start_app --server.port="$PORT" --server.address=127.0.0.1 --xinfang.db.embedded-server.directory="$data/pg" \
    --xinfang.db.embedded-server.port="$DB_PORT" --xinfang.crypto.key-file="$data/keys.properties" \
    --xinfang.attachments.directory="$data/att" --xinfang.demo.petitions=0 --logging.level.root=WARN "$@"
}

# start_demo_app ARG… : start_app on a fresh database under $data (removed first) with 200 demo petitions,
# on $PORT and its PostgreSQL on $DB_PORT, keys and attachments there too (sustained.sh, warmup.sh)
start_demo_app() {
  rm -rf "$data"; mkdir -p "$data"
  start_app --server.port="$PORT" --xinfang.db.embedded-server.directory="$data" \
    --xinfang.db.embedded-server.port="$DB_PORT" --xinfang.crypto.key-file="$data/keys.properties" \
    --xinfang.attachments.directory="$data/attachments" --xinfang.demo.petitions=200 "$@"
}

# the embedded server's generated superuser password (kept with the keys, see docs/operations.md)
db_password() { sed -n 's/^db-password=//p' "${KEYS_FILE:-$data/keys.properties}" 2>/dev/null | head -1; }
psql_q() { PGPASSWORD="$(db_password)" psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres "$@"; }

app_pid=
app_args=()
# start_app ARG… : java $JAVA_OPTS -jar "$JAR" ARG… in $WORK, logging to $log, until /actuator/health says UP
start_app() {
  app_args=("$@")
  # shellcheck disable=SC2086
  (cd "$WORK" && exec java ${JAVA_OPTS--XX:+UseParallelGC} -jar "$JAR" "$@") >>"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1800); do
    kill -0 "$app_pid" 2>/dev/null || { echo "${0##*/}: app exited, see $log"; exit 1; }
    curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 0.2
  done
  echo "${0##*/}: app not ready after 6 minutes, see $log"; exit 1
}
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done; app_pid=; }

# Loads pg_stat_statements (a restart with the same arguments) and tracks nested statements too.
enable_pg_stat_statements() {
  psql_q -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  stop_app; start_app "${app_args[@]}"
  psql_q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  # set once the library is loaded: PostgreSQL 15 refuses an unknown module's parameter
  psql_q -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" \
    -c "SELECT pg_reload_conf()" >/dev/null
}

# CPU clock ticks of the app JVM and of PostgreSQL (server and backends alive now): "app pg"
cpu_ticks() {
  local app pg=0 p
  app=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  for p in $(pgrep -u "$(id -u)" -x postgres); do
    [ -r "/proc/$p/stat" ] && pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$app $pg"
}

# As cpu_ticks, split into user and kernel time: app user, app system, PostgreSQL user, PostgreSQL system;
# then the PostgreSQL processes that have exited (autovacuum workers: the postmaster's reaped children, not
# in the live processes' figures) and the whole machine's busy ticks (all processes, the load driver's too).
cpu_split() {
  local au as pu=0 ps=0 pc=0 p
  read -r au as < <(awk '{print $14, $15}' "/proc/$app_pid/stat")
  for p in $(pgrep -u "$(id -u)" -x postgres); do
    [ -r "/proc/$p/stat" ] && read -r u s < <(awk '{print $14, $15}' "/proc/$p/stat") && pu=$(( pu + u )) && ps=$(( ps + s ))
  done
  p=$(pgrep -u "$(id -u)" -x -o postgres) && pc=$(awk '{print $16 + $17}' "/proc/$p/stat")
  echo "$au $as $pu $ps $pc $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}
