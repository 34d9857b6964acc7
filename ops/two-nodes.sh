#!/usr/bin/env bash
# Drill: two application nodes on one PostgreSQL behind HAProxy (Debian `haproxy`).
# Node 1 runs the embedded PostgreSQL; node 2 uses it as an external database with the same keys.
# Checks: a token from one node works on the other, and a login session (form login, cookie) made
# on one node is valid on the other and ends on both at logout; both nodes run the scheduled deadline
# sweep every 5 s and every reminder is issued once (no staff notice twice); under load under load through the balancer node 2 is
# killed with kill -9; the balancer's readiness check takes it out; clients retry what they did not
# see acknowledged (same Idempotency-Key). Verdict: seconds until HAProxy marks the node DOWN,
# acknowledged registrations lost (goal 0), numbers issued twice (0), matters stored twice for one key (0).
source "$(dirname "$0")/lib.sh"
command -v haproxy >/dev/null || { echo "VERDICT: not run: apt-get install haproxy"; exit 2; }
WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-20}"
NODE1=18080; NODE2=18081; LB=18000; STATS=18404
exec 3>&1
JAR="$(jar)"
SWEEP=(--xinfang.supervision.sweep-initial-delay=PT5S --xinfang.supervision.sweep-interval=PT5S)
APP_PORT=$NODE1 start_app "${SWEEP[@]}"; NODE1_PID=$APP_PID
APP_PORT=$NODE1 wait_ready 400 || { echo "VERDICT: FAIL node 1 did not start (log $WORK/app.log)"; KEEP_WORK=1; exit 1; }
keys="$WORK/keys/keys.properties"; key() { sed -n "s/^$1=//p" "$keys"; }
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD="$(key db-password)" XINFANG_DB_EMBEDDED=false XINFANG_DEMO_ENABLED=false \
XINFANG_CRYPTO_DATAKEY="$(key data-key)" XINFANG_CRYPTO_INDEXKEY="$(key index-key)" XINFANG_CRYPTO_TOKENKEY="$(key token-key)" \
  java -XX:+UseParallelGC -Xmx768m -jar "$JAR" --server.port=$NODE2 --server.address=127.0.0.1 "${SWEEP[@]}" >>"$WORK/node2.log" 2>&1 &
NODE2_PID=$!; EXTRA_PIDS+=("$NODE2_PID")
t0=$SECONDS
until curl -fsS -m 2 "http://127.0.0.1:$NODE2/actuator/health/readiness" >/dev/null 2>&1; do
  (( SECONDS - t0 < 400 )) && kill -0 "$NODE2_PID" 2>/dev/null || { echo "VERDICT: FAIL node 2 did not start (log $WORK/node2.log)"; KEEP_WORK=1; exit 1; }
  sleep 1
done
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 500
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
frontend web
  bind 127.0.0.1:$LB
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server n1 127.0.0.1:$NODE1 check
  server n2 127.0.0.1:$NODE2 check
listen stats
  bind 127.0.0.1:$STATS
  stats enable
  stats uri /stats
CFG
haproxy -f "$WORK/haproxy.cfg" -db >>"$WORK/haproxy.log" 2>&1 &
EXTRA_PIDS+=("$!")
sleep 3
APP_PORT=$LB
TOKEN="$(token)"
across=ok
for p in $NODE1 $NODE2; do
  c=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p/api/v1/petitions?size=1")
  [ "$c" = 200 ] || across="fail($p:$c)"
done
# a login session made on node 1 is valid on node 2, and a logout on node 2 ends it on node 1
session=fail
csrf=$(curl -s -m 20 -c "$WORK/cookies" -b "$WORK/cookies" "http://127.0.0.1:$NODE1/console/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -m 20 -o /dev/null -c "$WORK/cookies" -b "$WORK/cookies" --data-urlencode "_csrf=$csrf" -d portal=staff -d username=city.registrar -d password=Demo@2026 "http://127.0.0.1:$NODE1/login"
csrf=$(curl -s -L -m 20 -b "$WORK/cookies" "http://127.0.0.1:$NODE2/console" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
# where /console ends up after redirects: a console page when logged in, the login page otherwise
landing() { curl -s -L -m 20 -o /dev/null -w '%{http_code}:%{url_effective}' -b "$WORK/cookies" "http://127.0.0.1:$1/console" | sed 's#http://127.0.0.1:[0-9]*##'; }
s2=$(landing $NODE2)
curl -s -m 20 -o /dev/null -b "$WORK/cookies" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$NODE2/logout"
s1=$(landing $NODE1)
[[ "$s2" == 200:/console* ]] && [[ "$s2" != *login* ]] && [[ "$s1" == *login* ]] && session=ok || session="fail(node2:$s2,node1-after-logout:$s1)"
start_load "$WORKERS" "$TOKEN"
sleep "$LOAD_SECONDS"
t_kill=$(date +%s%3N); kill -9 "$NODE2_PID"
t_down=""
for _ in $(seq 1 300); do
  st=$(curl -s "http://127.0.0.1:$STATS/stats;csv" | awk -F, '$1=="app" && $2=="n2" {print $18}')
  if [[ "$st" == DOWN* ]]; then t_down=$(date +%s%3N); break; fi
  sleep 0.1
done
sleep 10; stop_load
for f in "$WORK"/unacked-*; do
  [ -e "$f" ] || continue
  while read -r k body; do
    code=$(curl -sS -m 15 -o "$WORK/retry" -w '%{http_code}' -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $k" -d "$body" "http://127.0.0.1:$LB/api/v1/petitions" || echo 000)
    [ "$code" = 201 ] && echo "$(date +%s%3N) retry 0 201 $k $(jq -r .number "$WORK/retry") 0" >>"$WORK/attempts"
  done <"$f"
done
acked=$(awk '$4==201 {print $6}' "$WORK/attempts" | sort -u); acked_n=$(echo "$acked" | grep -c . || true)
stored=$(psql_app "SELECT number FROM petition WHERE title LIKE '压测登记%'" | sort)
lost=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c . || true)
dup_numbers=$(psql_app "SELECT count(*) - count(DISTINCT number) FROM petition")
dup_keys=$(psql_app "SELECT count(*) FROM (SELECT substring(content from '编号(ops-[0-9a-z-]+)') k FROM petition WHERE title LIKE '压测登记%' GROUP BY 1 HAVING count(*) > 1) d")
reminders=$(psql_app "SELECT count(*) FROM deadline_reminder")
dup_notices=$(psql_app "SELECT count(*) FROM (SELECT 1 FROM staff_notice GROUP BY unit_code, role, petition_id, text HAVING count(*) > 1) d")
sweeps_logged=$(cat "$WORK/app.log" "$WORK/node2.log" | grep -c 'deadline sweep: [0-9]* reminders' || true)
by_status=$(awk '$2!="retry" {c[$4]++} END {for (s in c) printf "%s:%d ", s, c[s]}' "$WORK/attempts")
down_s=$([ -n "$t_down" ] && awk -v a="$t_down" -v b="$t_kill" 'BEGIN{printf "%.1f", (a-b)/1000}' || echo never)
status=PASS; [ "$lost" = 0 ] && [ "$dup_numbers" = 0 ] && [ "$dup_keys" = 0 ] && [ "$across" = ok ] && [ "$session" = ok ] && [ "$dup_notices" = 0 ] && [ "$down_s" != never ] || status=FAIL
echo "VERDICT: $status two-nodes-haproxy token_across_nodes=$across session_across_nodes=$session reminders=$reminders sweeps_that_issued=$sweeps_logged notices_twice=$dup_notices node_killed_marked_down_seconds=$down_s statuses=[${by_status% }] acknowledged=$acked_n lost=$lost duplicate_numbers=$dup_numbers stored_twice_for_one_key=$dup_keys load=$(load_avg)" >&3
