#!/usr/bin/env bash
# Drill: kill -9 of the application under registration load, ROUNDS times. After each restart the
# clients retry what they did not see acknowledged, with the same Idempotency-Key.
# Verdict: acknowledged registrations lost (goal 0), numbers issued twice (goal 0), matters stored
# twice for one key (goal 0), restart time.
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"; WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-20}"
exec 3>&1
deadline=$((SECONDS + ${TIME_LIMIT:-1500}))
JAR="$(jar)"
start_app; wait_ready 300 || { echo "VERDICT: FAIL app did not start (log $WORK/app.log)"; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
restarts=()
for r in $(seq 1 "$ROUNDS"); do
  (( SECONDS < deadline )) || break
  start_load "$WORKERS" "$TOKEN"
  sleep "$LOAD_SECONDS"
  kill -9 "$APP_PID"; t_kill=$SECONDS
  stop_load
  start_app; wait_ready 300 || { echo "VERDICT: FAIL app did not restart in round $r"; KEEP_WORK=1; exit 1; }
  restarts+=($((SECONDS - t_kill)))
  # retry every unacknowledged request with its own key
  for f in "$WORK"/unacked-*; do
    [ -e "$f" ] || continue
    while read -r key body; do
      code=$(curl -sS -m 15 -o "$WORK/retry" -w '%{http_code}' -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $key" -d "$body" \
        "http://127.0.0.1:$APP_PORT/api/v1/petitions" || echo 000)
      if [ "$code" = 201 ]; then echo "$(date +%s%3N) retry 0 201 $key $(jq -r .number "$WORK/retry")" >>"$WORK/attempts"; fi
    done <"$f"
    rm -f "$f"
  done
done
acked=$(awk '$4==201 {print $6}' "$WORK/attempts" | sort -u)
acked_n=$(echo "$acked" | grep -c . || true)
stored=$(psql_app "SELECT number FROM petition WHERE title LIKE '压测登记%'" | sort)
lost=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c . || true)
dup_numbers=$(psql_app "SELECT count(*) - count(DISTINCT number) FROM petition")
dup_keys=$(psql_app "SELECT count(*) FROM (SELECT substring(content from '编号(ops-[0-9a-z-]+)') k FROM petition WHERE title LIKE '压测登记%' GROUP BY 1 HAVING count(*) > 1) d")
attempts=$(wc -l <"$WORK/attempts")
status=PASS; [ "$lost" = 0 ] && [ "$dup_numbers" = 0 ] && [ "$dup_keys" = 0 ] || status=FAIL
echo "VERDICT: $status kill-9-app rounds=${#restarts[@]} attempts=$attempts acknowledged=$acked_n lost=$lost duplicate_numbers=$dup_numbers stored_twice_for_one_key=$dup_keys restart_seconds=${restarts[*]}" >&3
