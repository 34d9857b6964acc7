#!/usr/bin/env bash
# Drill: the data directory's disk fills up under load. Run as root: the script mounts a tmpfs of
# SIZE (default 600m) for the work directory (embedded data, keys, logs), runs the drill as RUN_AS
# (default dev; embedded PostgreSQL refuses root) and unmounts it afterwards.
# Steps: WORKERS register matters; the disk is filled to 150 MB free (below the readiness minimum of
# 256 MB: readiness must go DOWN while writes still work); then filled completely for FULL_SECONDS
# (answers must be 503 with Retry-After, never 500; liveness stays UP); then space is freed: seconds
# until writes are acknowledged again, and every acknowledged registration is there (goal lost=0).
set -euo pipefail
if [ "$(id -u)" = 0 ] && [ -z "${FULLDISK_INNER:-}" ]; then
  RUN_AS="${RUN_AS:-dev}"; SIZE="${SIZE:-600m}"
  mnt=$(mktemp -d /tmp/xinfang-fulldisk.XXXXXX)
  mount -t tmpfs -o "size=$SIZE,mode=0755" tmpfs "$mnt" || { rmdir "$mnt"; echo "VERDICT: not run: cannot mount a tmpfs"; exit 2; }
  mkdir "$mnt/data"; chown -R "$RUN_AS": "$mnt"
  work=$(mktemp -d /tmp/xinfang-ops.XXXXXX); chown "$RUN_AS": "$work"   # the drill's own records stay off the full disk
  rc=0
  su "$RUN_AS" -s /bin/bash -c "FULLDISK_INNER=1 WORK='$work' DATA_DIR='$mnt/data' KEEP_WORK='${KEEP_WORK:-0}' XINFANG_JAR='${XINFANG_JAR:-}' APP_PORT='${APP_PORT:-18080}' PG_PORT='${PG_PORT:-25432}' WORKERS='${WORKERS:-4}' FULL_SECONDS='${FULL_SECONDS:-15}' bash '$(readlink -f "$0")'" || rc=$?
  umount "$mnt" || umount -l "$mnt"; rmdir "$mnt"
  exit $rc
fi
[ -n "${FULLDISK_INNER:-}" ] || { echo "VERDICT: not run: run as root (the drill mounts a small tmpfs for the data)"; exit 2; }
source "$(dirname "$0")/lib.sh"
WORKERS="${WORKERS:-4}"; FULL_SECONDS="${FULL_SECONDS:-15}"
exec 3>&1
JAR="$(jar)"
start_app
wait_ready 400 || { echo "VERDICT: FAIL the application did not start (log $WORK/app.log)" >&3; exit 1; }
TOKEN="$(token)"
avail() { df -B1 --output=avail "$DATA_DIR" | tail -1 | tr -d ' '; }
ready() { curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$APP_PORT/actuator/health/readiness" || echo 000; }
live() { curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$APP_PORT/actuator/health/liveness" || echo 000; }
start_load "$WORKERS" "$TOKEN"
sleep 10
# 1. low space: 150 MB left
fallocate -l $(( $(avail) - 150 * 1024 * 1024 )) "$DATA_DIR/filler-1"
t_low=$(date +%s%3N); low_down=""
for _ in $(seq 1 20); do [ "$(ready)" = 503 ] && { low_down=$(date +%s%3N); break; }; sleep 0.5; done
sleep 5
low_201=$(awk -v t="$t_low" '$4==201 && $7>=t' "$WORK/attempts" | count)
# 2. full
t_full=$(date +%s%3N)
dd if=/dev/zero of="$DATA_DIR/filler-2" bs=1M 2>/dev/null || true
live_not_up=0; full_ready_up=0
for _ in $(seq 1 "$FULL_SECONDS"); do
  [ "$(live)" = 200 ] || live_not_up=$((live_not_up + 1))
  [ "$(ready)" = 200 ] && full_ready_up=$((full_ready_up + 1))
  sleep 1
done
# 3. space freed
rm -f "$DATA_DIR/filler-1" "$DATA_DIR/filler-2"
t_free=$(date +%s%3N)
app_exit=running
for _ in $(seq 1 120); do
  [ -n "$(awk -v t="$t_free" '$4==201 && $7>=t {print 1; exit}' "$WORK/attempts")" ] && break
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    wait "$APP_PID" && app_exit=0 || app_exit=$?
    APP_PID=""; start_app; wait_ready 400 || { echo "VERDICT: FAIL the application did not start again" >&3; exit 1; }
  fi
  sleep 1
done
heal=$(awk -v t="$t_free" '$4==201 && $7>=t {print $1}' "$WORK/attempts" | sort -n | head -1)
heal_s=$([ -n "$heal" ] && awk -v a="$heal" -v b="$t_free" 'BEGIN{printf "%.1f", (a-b)/1000}' || echo never)
sleep 3; stop_load
retry_unacked
acked_numbers >"$WORK/acked"
psql_app "SELECT number FROM petition" | sort -u >"$WORK/stored"
lost=$(missing "$WORK/acked" "$WORK/stored")
full_statuses=$(awk -v a="$t_full" -v b="$t_free" '$2!="retry" && $1>=a && $1<b {c[$4]++} END {for (s in c) printf "%s:%d ", s, c[s]}' "$WORK/attempts" | sed 's/ $//')
n500=$(awk '$2!="retry" && $4 ~ /^5/ && $4!="503"' "$WORK/attempts" | count)
low_s=$([ -n "$low_down" ] && awk -v a="$low_down" -v b="$t_low" 'BEGIN{printf "%.1f", (a-b)/1000}' || echo never)
status=PASS
[ "$lost" = 0 ] && [ "$n500" = 0 ] && [ "$low_s" != never ] && [ "$heal_s" != never ] && [ "$live_not_up" = 0 ] || status=FAIL
echo "VERDICT: $status full-disk readiness_down_at_150MB_free_seconds=$low_s writes_while_low=$low_201 full_for=${FULL_SECONDS}s statuses_while_full=[$full_statuses] readiness_up_while_full=$full_ready_up liveness_not_up=$live_not_up writes_again_seconds_after_freeing=$heal_s app_exit=$app_exit answers_5xx_not_503=$n500 acknowledged=$(count <"$WORK/acked") lost=$lost statuses=[$(load_stats)] load=$(load_avg)" >&3
