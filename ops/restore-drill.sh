#!/usr/bin/env bash
# Drill: embedded-mode backup under load and restore (ops/backup-embedded.sh, ops/restore-embedded.sh;
# Debian postgresql-client-15). An attachment stored in the database and a legacy attachment file
# are put in before the backup. The backup runs while WORKERS register matters; the application is
# stopped, the backup restored into a new directory with the key file carried separately, and the
# application started on it. Checks: every registration acknowledged before the backup started is
# there (goal: lost=0), the restored application reads them (API, decrypting personal data, so the
# keys fit), both attachments came back byte for byte, no number twice.
source "$(dirname "$0")/lib.sh"
command -v "$PG15_BIN/pg_basebackup" >/dev/null || { echo "VERDICT: not run: apt-get install postgresql-client-15"; exit 2; }
WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-15}"
exec 3>&1
JAR="$(jar)"
start_app
wait_ready 400 || { echo "VERDICT: FAIL the application did not start (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
# an attachment in the database (as uploads are stored) and one legacy file in the directory
blob_md5=$(psql_app "INSERT INTO attachment_content VALUES ('ops-drill-attachment', decode(repeat(md5(random()::text), 32768), 'hex')) RETURNING md5(content)")
mkdir -p "$WORK/data/attachments/legacy"; head -c 300000 /dev/urandom >"$WORK/data/attachments/legacy/ops-drill.bin"
legacy_md5=$(md5sum <"$WORK/data/attachments/legacy/ops-drill.bin" | cut -d' ' -f1)
start_load "$WORKERS" "$TOKEN"
sleep "$LOAD_SECONDS"
t_backup=$(date +%s%3N)
"$REPO/ops/backup-embedded.sh" --data "$WORK/data" --keys "$WORK/keys/keys.properties" --port "$PG_PORT" --out "$WORK/backup" >"$WORK/backup.log" 2>&1 \
  || { echo "VERDICT: FAIL backup failed: $(tail -3 "$WORK/backup.log" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
t_backup_end=$(date +%s%3N)
sleep 5; stop_load
before_total=$(psql_app "SELECT count(*) FROM petition")
stop_app
# the key file travels separately from the backup
mkdir -p "$WORK/safe"; install -m 600 "$WORK/keys/keys.properties" "$WORK/safe/keys.properties"
t_restore=$(date +%s%3N)
KEYS_TO="$WORK/restored-keys/keys.properties" "$REPO/ops/restore-embedded.sh" "$WORK/backup" "$WORK/restored" "$WORK/safe/keys.properties" >"$WORK/restore.log" 2>&1 \
  || { echo "VERDICT: FAIL restore failed: $(tail -3 "$WORK/restore.log" | tr '\n' ' ')" >&3; KEEP_WORK=1; exit 1; }
PG_PORT=$((PG_PORT + 1))
drill_cleanup() { local p; p=$(head -1 "$WORK/restored/pg/postmaster.pid" 2>/dev/null || true); [ -n "$p" ] && kill "$p" 2>/dev/null || true; }
pg_password() { sed -n 's/^db-password=//p' "$WORK/restored-keys/keys.properties"; }
XINFANG_DEMO_ENABLED=false java -XX:+UseParallelGC -Xmx768m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
  --xinfang.db.embedded-server.directory="$WORK/restored" --xinfang.db.embedded-server.port="$PG_PORT" \
  --xinfang.crypto.key-file="$WORK/restored-keys/keys.properties" >>"$WORK/app-restored.log" 2>&1 &
APP_PID=$!
wait_ready 400 || { echo "VERDICT: FAIL the application did not start on the restored data (log $WORK/app-restored.log)" >&3; KEEP_WORK=1; exit 1; }
t_ready=$(date +%s%3N)
acked_numbers "$t_backup" >"$WORK/acked-before"
acked_numbers 99999999999999 "$t_backup" >"$WORK/acked-after"
psql_app "SELECT number FROM petition" | sort -u >"$WORK/restored-numbers"
lost=$(missing "$WORK/acked-before" "$WORK/restored-numbers")
during_present=$(comm -12 "$WORK/acked-after" "$WORK/restored-numbers" | count)
dup=$(psql_app "SELECT count(*) - count(DISTINCT number) FROM petition")
blob_ok=$([ "$(psql_app "SELECT md5(content) FROM attachment_content WHERE storage_key = 'ops-drill-attachment'")" = "$blob_md5" ] && echo ok || echo FAIL)
legacy_ok=$([ "$(md5sum <"$WORK/restored/attachments/legacy/ops-drill.bin" 2>/dev/null | cut -d' ' -f1)" = "$legacy_md5" ] && echo ok || echo FAIL)
# the restored application reads matters acknowledged before the backup (personal data decrypted)
TOKEN="$(token)"; api_ok=0; api_n=0
for n in $(shuf -n 5 "$WORK/acked-before"); do
  api_n=$((api_n + 1))
  curl -fsS -m 10 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$APP_PORT/api/v1/petitions/$n" | grep -q '压测' && api_ok=$((api_ok + 1))
done
backup_s=$(awk -v a="$t_backup_end" -v b="$t_backup" 'BEGIN{printf "%.1f", (a-b)/1000}')
restore_s=$(awk -v a="$t_ready" -v b="$t_restore" 'BEGIN{printf "%.1f", (a-b)/1000}')
size=$(du -sm "$WORK/backup" | cut -f1)
status=PASS
[ "$lost" = 0 ] && [ "$dup" = 0 ] && [ "$blob_ok" = ok ] && [ "$legacy_ok" = ok ] && [ "$api_ok" = "$api_n" ] && [ -s "$WORK/acked-before" ] || status=FAIL
echo "VERDICT: $status restore-embedded backup_under_load_seconds=$backup_s backup_mb=$size restore_to_ready_seconds=$restore_s acked_before_backup=$(count <"$WORK/acked-before") lost=$lost acked_during_or_after_backup=$(count <"$WORK/acked-after") of_which_in_backup=$during_present petitions_at_stop=$before_total duplicate_numbers=$dup db_attachment=$blob_ok legacy_attachment=$legacy_ok api_reads=$api_ok/$api_n statuses=[$(load_stats)] load=$(load_avg)" >&3
