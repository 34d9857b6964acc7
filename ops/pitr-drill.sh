#!/usr/bin/env bash
# Drill: external mode with pgBackRest (Debian `pgbackrest`, `postgresql-15`): a PostgreSQL 15 on a
# loopback port with WAL archiving to a pgBackRest repository, the application registering under
# load, a full backup, an incremental backup, a chosen target time, more registrations after it,
# then the database is thrown away and restored to the target time (point-in-time recovery). The
# application starts on the restored database. Checks: every registration acknowledged before the
# target is there (goal: lost=0); registrations started after the target are not (the restore hit
# its target); no number twice. Everything lives in a /tmp work directory; no system service is used.
source "$(dirname "$0")/lib.sh"
command -v pgbackrest >/dev/null || { echo "VERDICT: not run: apt-get install pgbackrest"; exit 2; }
[ -x "$PG15_BIN/postgres" ] || { echo "VERDICT: not run: apt-get install postgresql-15"; exit 2; }
WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-10}"; EXT_PORT="${EXT_PORT:-25440}"
exec 3>&1
JAR="$(jar)"
PGDATA="$WORK/pgdata"; CONF="$WORK/pgbackrest.conf"; PW="$(hex 12)"
mkdir -p "$WORK/repo" "$WORK/pgbr-log" "$WORK/pgbr-lock" "$WORK/spool" "$WORK/sock"
cat >"$CONF" <<CFG
[global]
repo1-path=$WORK/repo
repo1-retention-full=2
log-path=$WORK/pgbr-log
lock-path=$WORK/pgbr-lock
spool-path=$WORK/spool
log-level-console=warn
log-level-file=info
start-fast=y
compress-level=1
archive-timeout=60

[xf]
pg1-path=$PGDATA
pg1-port=$EXT_PORT
pg1-socket-path=$WORK/sock
pg1-user=postgres
CFG
br() { pgbackrest --config="$CONF" --stanza=xf "$@"; }
pg_start() { "$PG15_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w -t 120 start >/dev/null; }
pg_stop() { "$PG15_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true; }
drill_cleanup() { pg_stop; }
sql() { PGPASSWORD="$PW" "$PG15_BIN/psql" -h 127.0.0.1 -p "$EXT_PORT" -U postgres -d postgres -tAq -v ON_ERROR_STOP=1 -c "$1"; }
echo "$PW" >"$WORK/pw"
"$PG15_BIN/initdb" -D "$PGDATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$WORK/pw" \
  -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
cat >>"$PGDATA/postgresql.conf" <<CFG
listen_addresses = '127.0.0.1'
port = $EXT_PORT
unix_socket_directories = '$WORK/sock'
max_connections = 100
shared_buffers = 64MB
timezone = 'Asia/Shanghai'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=xf archive-push %p'
CFG
pg_start
br stanza-create >>"$WORK/pgbackrest.out" 2>&1 && br check >>"$WORK/pgbackrest.out" 2>&1 \
  || { echo "VERDICT: FAIL pgBackRest stanza-create/check: $(tail -3 "$WORK/pgbackrest.out" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
gen_keys "$WORK/keys/keys.properties"
URL="jdbc:postgresql://127.0.0.1:$EXT_PORT/postgres"
start_app_external "$URL" postgres "$PW"
wait_ready 400 || { echo "VERDICT: FAIL the application did not start on the external database (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
start_load "$WORKERS" "$TOKEN"
sleep "$LOAD_SECONDS"
t=$(date +%s%3N); br --type=full backup >>"$WORK/pgbackrest.out" 2>&1 || { echo "VERDICT: FAIL full backup: $(tail -3 "$WORK/pgbackrest.out" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
full_s=$(awk -v a="$(date +%s%3N)" -v b="$t" 'BEGIN{printf "%.1f", (a-b)/1000}')
sleep "$LOAD_SECONDS"
t=$(date +%s%3N); br --type=incr backup >>"$WORK/pgbackrest.out" 2>&1 || { echo "VERDICT: FAIL incremental backup: $(tail -3 "$WORK/pgbackrest.out" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
incr_s=$(awk -v a="$(date +%s%3N)" -v b="$t" 'BEGIN{printf "%.1f", (a-b)/1000}')
sleep "$LOAD_SECONDS"
t_target=$(date +%s%3N); target="$(date -u -d "@$((t_target / 1000)).$(printf %03d $((t_target % 1000)))" '+%F %T.%3N+00')"
sleep "$LOAD_SECONDS"
stop_load
stop_app
sql "SELECT pg_switch_wal()" >/dev/null
br check >>"$WORK/pgbackrest.out" 2>&1 || true   # waits until the last WAL is archived
total_before=$(sql "SELECT count(*) FROM petition")
backups=$(br info --output=json | jq -r '[.[0].backup[] | .type] | join("+")')
pg_stop
mv "$PGDATA" "$WORK/pgdata-lost"   # the disaster: the database is gone; only the repository is left
t_restore=$(date +%s%3N)
mkdir -m 700 "$PGDATA"
br --type=time "--target=$target" --target-action=promote restore >>"$WORK/pgbackrest.out" 2>&1 \
  || { echo "VERDICT: FAIL restore: $(tail -3 "$WORK/pgbackrest.out" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
pg_start
for _ in $(seq 1 120); do [ "$(sql 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break; sleep 1; done
[ "$(sql 'SELECT pg_is_in_recovery()')" = f ] || { echo "VERDICT: FAIL the restored database did not leave recovery (log $WORK/pg.log)" >&3; KEEP_WORK=1; exit 1; }
t_db=$(date +%s%3N)
start_app_external "$URL" postgres "$PW"
wait_ready 400 || { echo "VERDICT: FAIL the application did not start on the restored database (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
t_ready=$(date +%s%3N)
acked_numbers "$t_target" >"$WORK/acked-before"
awk -v t="$t_target" '$4==201 && $7>t+500 && $6!="-" {print $6}' "$WORK/attempts" | sort -u >"$WORK/started-after"
sql "SELECT number FROM petition" | sort -u >"$WORK/restored"
lost=$(missing "$WORK/acked-before" "$WORK/restored")
after_present=$(comm -12 "$WORK/started-after" "$WORK/restored" | count)
dup=$(sql "SELECT count(*) - count(DISTINCT number) FROM petition")
TOKEN="$(token)"; n=$(shuf -n 1 "$WORK/acked-before")
api=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$APP_PORT/api/v1/petitions/$n")
restore_s=$(awk -v a="$t_db" -v b="$t_restore" 'BEGIN{printf "%.1f", (a-b)/1000}')
ready_s=$(awk -v a="$t_ready" -v b="$t_db" 'BEGIN{printf "%.1f", (a-b)/1000}')
status=PASS; [ "$lost" = 0 ] && [ "$after_present" = 0 ] && [ "$dup" = 0 ] && [ "$api" = 200 ] && [ -s "$WORK/acked-before" ] || status=FAIL
echo "VERDICT: $status pitr-pgbackrest backups=$backups full_seconds=$full_s incr_seconds=$incr_s restore_to_target_seconds=$restore_s app_ready_seconds=$ready_s acked_before_target=$(count <"$WORK/acked-before") lost=$lost started_after_target=$(count <"$WORK/started-after") of_which_restored=$after_present petitions_before_disaster=$total_before restored=$(count <"$WORK/restored") duplicate_numbers=$dup api=$api statuses=[$(load_stats)] load=$(load_avg)" >&3
