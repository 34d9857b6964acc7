# Shared by the profiling scripts (profile.sh, quiz-profile.sh) and exchange.sh: the app jar on its own embedded
# PostgreSQL with pg_stat_statements, and the CPU of both. Source it after setting JAR, PORT,
# DB_PORT, WORK, data (the data directory) and log; KEYS_FILE overrides $data/keys.properties.

# the embedded server's generated superuser password (kept with the keys, see docs/operations.md)
db_password() { sed -n 's/^db-password=//p' "${KEYS_FILE:-$data/keys.properties}" 2>/dev/null | head -1; }
psql_q() { PGPASSWORD="$(db_password)" psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres "$@"; }

app_pid=
app_args=()
# start_app ARG… : java $JAVA_OPTS -jar "$JAR" ARG… in $WORK, logging to $log, until /actuator/health says UP
start_app() {
  app_args=("$@")
  # shellcheck disable=SC2086
  (cd "$WORK" && exec java ${JAVA_OPTS:-} -jar "$JAR" "$@") >>"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1800); do
    kill -0 "$app_pid" 2>/dev/null || { echo "profile: app exited, see $log"; exit 1; }
    curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 0.2
  done
  echo "profile: app not ready after 6 minutes"; exit 1
}
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done; app_pid=; }

# Loads pg_stat_statements (a restart with the same arguments) and tracks nested statements too.
enable_pg_stat_statements() {
  psql_q -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  stop_app; start_app "${app_args[@]}"
  psql_q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  # set once the library is loaded: PostgreSQL 15 refuses an unknown module's parameter
  psql_q -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
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
