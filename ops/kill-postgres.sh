#!/usr/bin/env bash
# Drill: kill -9 of the embedded PostgreSQL's postmaster under registration load, ROUNDS times.
# Verdict: seconds until the app acknowledges writes again (watchdog restart), answers during the
# outage by status (goal: 503 with Retry-After, no 500), acknowledged registrations lost (goal 0),
# readiness DOWN and liveness UP during the outage.
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-2}"; WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-15}"
exec 3>&1
JAR="$(jar)"
start_app; wait_ready 300 || { echo "VERDICT: FAIL app did not start (log $WORK/app.log)"; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
recover=(); live_down=0; ready_seen_down=0
start_load "$WORKERS" "$TOKEN"
for r in $(seq 1 "$ROUNDS"); do
  sleep "$LOAD_SECONDS"
  pm="$(postmaster_pid)"; t_kill=$(date +%s%3N)
  kill -9 "$pm"
  # probes during the outage
  for _ in 1 2 3 4 5 6; do
    l=$(curl -s -m 3 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/actuator/health/liveness" || echo 000)
    rd=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/actuator/health/readiness" || echo 000)
    [ "$l" = 200 ] || live_down=$((live_down + 1))
    [ "$rd" = 503 ] && ready_seen_down=$((ready_seen_down + 1))
    sleep 0.5
  done
  # first acknowledged write of a request started after the kill
  t_back=""
  for _ in $(seq 1 120); do
    t_back=$(awk -v t="$t_kill" '$4==201 && $7>t {print $1; exit}' "$WORK/attempts")
    [ -n "$t_back" ] && break; sleep 0.5
  done
  [ -n "$t_back" ] && recover+=("$(awk -v a="$t_back" -v b="$t_kill" 'BEGIN{printf "%.1f", (a-b)/1000}')") || recover+=("never")
done
sleep 5; stop_load
acked=$(awk '$4==201 {print $6}' "$WORK/attempts" | sort -u)
acked_n=$(echo "$acked" | grep -c . || true)
stored=$(psql_app "SELECT number FROM petition WHERE title LIKE '压测登记%'" | sort)
lost=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c . || true)
by_status=$(awk '{c[$4]++} END {for (s in c) printf "%s:%d ", s, c[s]}' "$WORK/attempts")
n500=$(awk '$4==500' "$WORK/attempts" | wc -l)
restarts=$(grep -c "Embedded PostgreSQL is back" "$WORK/app.log" || true)
status=PASS
[ "$lost" = 0 ] && [ "$n500" = 0 ] && [ "$live_down" = 0 ] && [ "$ready_seen_down" -gt 0 ] && ! printf '%s\n' "${recover[@]}" | grep -q never || status=FAIL
echo "VERDICT: $status kill-9-postgres rounds=$ROUNDS watchdog_restarts=$restarts write_again_seconds=${recover[*]} statuses=[${by_status% }] acknowledged=$acked_n lost=$lost liveness_not_up=$live_down readiness_down_seen=$ready_seen_down" >&3
