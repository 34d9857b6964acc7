#!/usr/bin/env bash
# Drill: SIGTERM under load (a deploy, systemd stop). WORKERS register matters; the application gets
# SIGTERM ROUNDS times and is started again. Checks: every request already running when the signal
# came is answered (graceful shutdown: no connection cut, goal cut=0), the process exits within
# seconds, every acknowledged registration is there after the restart (goal lost=0), requests refused
# while it was down are retried with their Idempotency-Key and stored once.
source "$(dirname "$0")/lib.sh"
WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-15}"; ROUNDS="${ROUNDS:-2}"
exec 3>&1
JAR="$(jar)"
start_app
wait_ready 400 || { echo "VERDICT: FAIL the application did not start (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
cut=0; inflight=0; exit_s=""; exit_codes=""
for r in $(seq 1 "$ROUNDS"); do
  start_load "$WORKERS" "$TOKEN"
  sleep "$LOAD_SECONDS"
  t_term=$(date +%s%3N)
  kill -TERM "$APP_PID"
  wait "$APP_PID" && code=0 || code=$?
  t_exit=$(date +%s%3N)
  exit_codes="$exit_codes $code"; exit_s="$exit_s $(awk -v a="$t_exit" -v b="$t_term" 'BEGIN{printf "%.1f", (a-b)/1000}')"
  sleep 2; stop_load
  # requests started before the signal and finished after it: in flight when it came
  inflight=$((inflight + $(awk -v t="$t_term" '$7<t && $1>=t' "$WORK/attempts" | count)))
  cut=$((cut + $(awk -v t="$t_term" '$7<t && $1>=t && $4 ~ /^000/' "$WORK/attempts" | count)))
  APP_PID=""; start_app
  wait_ready 400 || { echo "VERDICT: FAIL the application did not start again (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
  retry_unacked
done
acked_numbers >"$WORK/acked"
psql_app "SELECT number FROM petition" | sort -u >"$WORK/stored"
lost=$(missing "$WORK/acked" "$WORK/stored")
dup=$(psql_app "SELECT count(*) - count(DISTINCT number) FROM petition")
dup_keys=$(psql_app "SELECT count(*) FROM (SELECT substring(content from '编号(ops-[0-9a-z-]+)') k FROM petition WHERE title LIKE '压测登记%' GROUP BY 1 HAVING count(*) > 1) d")
status=PASS; [ "$cut" = 0 ] && [ "$lost" = 0 ] && [ "$dup" = 0 ] && [ "$dup_keys" = 0 ] && [ "$inflight" -gt 0 ] || status=FAIL
echo "VERDICT: $status sigterm-under-load rounds=$ROUNDS in_flight_at_signal=$inflight cut=$cut exit_seconds=${exit_s# } exit_codes=${exit_codes# } acknowledged=$(count <"$WORK/acked") lost=$lost duplicate_numbers=$dup stored_twice_for_one_key=$dup_keys statuses=[$(load_stats)] load=$(load_avg)" >&3
