#!/usr/bin/env bash
# Drill: PostgreSQL high availability with Patroni and etcd (Debian `patroni`, `etcd-server`,
# `postgresql-15`). One etcd and three Patroni members (PostgreSQL 15) on loopback ports, synchronous
# replication (synchronous_mode: one synchronous standby; Patroni promotes only it). The application
# runs on a multi-host JDBC URL with targetServerType=primary. Under load:
#   1. the primary member is killed (kill -9 of its Patroni and its postmaster: a lost machine):
#      seconds until the application writes again (goal < 30), acknowledged registrations lost (goal 0);
#   2. a planned switchover (patronictl switchover) to another member: seconds without writes and
#      the answers the clients saw (goal: no error other than 503 with Retry-After, nothing lost).
# Clients retry what they did not see acknowledged with the same Idempotency-Key.
source "$(dirname "$0")/lib.sh"
for c in patroni patronictl etcd; do command -v $c >/dev/null || { echo "VERDICT: not run: apt-get install patroni etcd-server"; exit 2; }; done
[ -x "$PG15_BIN/postgres" ] || { echo "VERDICT: not run: apt-get install postgresql-15"; exit 2; }
WORKERS="${WORKERS:-4}"; LOAD_SECONDS="${LOAD_SECONDS:-15}"
ETCD=12379; ETCD_PEER=12380; PGP=(25441 25442 25443); API=(18008 18009 18010)
exec 3>&1
JAR="$(jar)"
PW="$(hex 12)"; RPW="$(hex 12)"
declare -A PATRONI_PID
etcd --name e1 --data-dir "$WORK/etcd" --listen-client-urls "http://127.0.0.1:$ETCD" --advertise-client-urls "http://127.0.0.1:$ETCD" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
  --initial-cluster "e1=http://127.0.0.1:$ETCD_PEER" >"$WORK/etcd.log" 2>&1 &
EXTRA_PIDS+=("$!")
member_conf() { # i
  local i=$1 n=$(( $1 + 1 ))
  mkdir -p "$WORK/sock$n"
  cat >"$WORK/patroni$n.yml" <<YML
scope: xinfang
namespace: /ops-drill/
name: pg$n
log:
  level: INFO
restapi:
  listen: 127.0.0.1:${API[$i]}
  connect_address: 127.0.0.1:${API[$i]}
etcd3:
  hosts: 127.0.0.1:$ETCD
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        max_connections: 100
        shared_buffers: 64MB
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        timezone: Asia/Shanghai
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
postgresql:
  listen: 127.0.0.1:${PGP[$i]}
  connect_address: 127.0.0.1:${PGP[$i]}
  data_dir: $WORK/pg$n
  bin_dir: $PG15_BIN
  pgpass: $WORK/pgpass$n
  authentication:
    superuser: {username: postgres, password: "$PW"}
    replication: {username: replicator, password: "$RPW"}
  parameters:
    unix_socket_directories: "$WORK/sock$n"
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
YML
}
start_member() { # i
  local n=$(( $1 + 1 ))
  patroni "$WORK/patroni$n.yml" >>"$WORK/patroni$n.log" 2>&1 &
  PATRONI_PID[$1]=$!; EXTRA_PIDS+=("$!")
}
member_postmaster() { head -1 "$WORK/pg$(( $1 + 1 ))/postmaster.pid" 2>/dev/null || true; }
drill_cleanup() {
  local i p
  for i in 0 1 2; do kill "${PATRONI_PID[$i]:-}" 2>/dev/null || true; done
  sleep 3
  for i in 0 1 2; do p=$(member_postmaster $i); [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
}
ctl() { patronictl -c "$WORK/patroni1.yml" "$@"; }
role_of() { curl -s -m 2 "http://127.0.0.1:${API[$1]}/patroni" | jq -r '.role // "?"' 2>/dev/null || echo down; }
leader() { for i in 0 1 2; do [ "$(role_of $i)" = master ] || [ "$(role_of $i)" = primary ] && { echo $i; return; }; done; echo -1; }
sql_on() { PGPASSWORD="$PW" "$PG15_BIN/psql" -h 127.0.0.1 -p "${PGP[$1]}" -U postgres -d postgres -tAq -v ON_ERROR_STOP=1 -c "$2"; }
for i in 0 1 2; do member_conf $i; done
sleep 2
start_member 0
t0=$SECONDS; until [ "$(leader)" = 0 ]; do (( SECONDS - t0 < 120 )) || { echo "VERDICT: FAIL no primary (log $WORK/patroni1.log)" >&3; KEEP_WORK=1; exit 1; }; sleep 1; done
start_member 1; start_member 2
t0=$SECONDS
until [ "$(ctl list -f json 2>/dev/null | jq '[.[] | select(.State=="streaming" or .State=="running")] | length')" = 3 ] \
   && ctl list -f json 2>/dev/null | jq -e 'any(.[]; .Role=="Sync Standby")' >/dev/null; do
  (( SECONDS - t0 < 240 )) || { echo "VERDICT: FAIL the replicas did not join (logs $WORK/patroni*.log)" >&3; KEEP_WORK=1; exit 1; }
  sleep 2
done
ctl list >"$WORK/cluster-start.txt" 2>&1
gen_keys "$WORK/keys/keys.properties"
URL="jdbc:postgresql://127.0.0.1:${PGP[0]},127.0.0.1:${PGP[1]},127.0.0.1:${PGP[2]}/postgres?targetServerType=primary&hostRecheckSeconds=2"
start_app_external "$URL" postgres "$PW"
wait_ready 400 || { echo "VERDICT: FAIL the application did not start (log $WORK/app.log)" >&3; KEEP_WORK=1; exit 1; }
TOKEN="$(token)"
# first 201 of a request started after T (ms)
first_write_after() { awk -v t="$1" '$4==201 && $7>=t {print $1}' "$WORK/attempts" | sort -n | head -1; }
since() { [ -n "$2" ] && awk -v a="$2" -v b="$1" 'BEGIN{printf "%.1f", (a-b)/1000}' || echo never; }
start_load "$WORKERS" "$TOKEN"
sleep "$LOAD_SECONDS"
# 1. the primary is lost
old=$(leader)
t_kill=$(date +%s%3N)
pm=$(member_postmaster "$old")
kill -9 "${PATRONI_PID[$old]}" "$pm" 2>/dev/null || true
wait "${PATRONI_PID[$old]}" 2>/dev/null || true
for _ in $(seq 1 90); do [ -n "$(first_write_after "$t_kill")" ] && break; sleep 1; done
sleep 5
new=$(leader)
failover_s=$(since "$t_kill" "$(first_write_after "$t_kill")")
lines_before_switch=$(wc -l <"$WORK/attempts")
# the lost member comes back (as a replica, rewound if needed) before the planned switchover
start_member "$old"
t0=$SECONDS
until [ "$(ctl list -f json 2>/dev/null | jq '[.[] | select(.State=="streaming" or .State=="running")] | length')" = 3 ] \
   && ctl list -f json 2>/dev/null | jq -e 'any(.[]; .Role=="Sync Standby")' >/dev/null; do
  (( SECONDS - t0 < 180 )) || break
  sleep 2
done
rejoined=$( [ "$(ctl list -f json 2>/dev/null | jq '[.[] | select(.State=="streaming" or .State=="running")] | length')" = 3 ] && echo yes || echo no)
sleep 5
# 2. planned switchover to the synchronous standby
cand=$(ctl list -f json | jq -r '[.[] | select(.Role=="Sync Standby")][0].Member')
cur=$(ctl list -f json | jq -r '[.[] | select(.Role=="Leader")][0].Member')
t_sw=$(date +%s%3N)
ctl switchover --leader "$cur" --candidate "$cand" --force >"$WORK/switchover.txt" 2>&1 || true
for _ in $(seq 1 60); do [ -n "$(first_write_after "$t_sw")" ] && break; sleep 1; done
sleep 5
switch_s=$(since "$t_sw" "$(first_write_after "$t_sw")")
sw_leader=$(ctl list -f json | jq -r '[.[] | select(.Role=="Leader")][0].Member')
stop_load
retry_unacked
ctl list >"$WORK/cluster-end.txt" 2>&1
leader_now=$(leader)
acked_numbers >"$WORK/acked"
sql_on "$leader_now" "SELECT number FROM petition" | sort -u >"$WORK/stored"
lost=$(missing "$WORK/acked" "$WORK/stored")
dup=$(sql_on "$leader_now" "SELECT count(*) - count(DISTINCT number) FROM petition")
dup_keys=$(sql_on "$leader_now" "SELECT count(*) FROM (SELECT substring(content from '编号(ops-[0-9a-z-]+)') k FROM petition WHERE title LIKE '压测登记%' GROUP BY 1 HAVING count(*) > 1) d")
sw_statuses=$(tail -n +"$((lines_before_switch + 1))" "$WORK/attempts" | awk '$2!="retry" {c[$4]++} END {for (s in c) printf "%s:%d ", s, c[s]}' | sed 's/ $//')
sw_errors=$(tail -n +"$((lines_before_switch + 1))" "$WORK/attempts" | awk '$2!="retry" && $4!=201 && $4!=503' | count)
unexpected=$( [ -e "$WORK/unexpected" ] && grep -c '^==' "$WORK/unexpected" || echo 0)
status=PASS
[ "$lost" = 0 ] && [ "$dup" = 0 ] && [ "$dup_keys" = 0 ] && [ "$failover_s" != never ] && [ "$switch_s" != never ] \
  && awk -v s="$failover_s" 'BEGIN{exit !(s < 30)}' && [ "$sw_errors" = 0 ] && [ "$sw_leader" = "$cand" ] || status=FAIL
echo "VERDICT: $status patroni-failover members=3 sync=on killed=pg$((old + 1)) new_primary=pg$((new + 1)) write_again_seconds=$failover_s (goal<30) rejoined=$rejoined switchover=$cur->$sw_leader write_again_seconds=$switch_s statuses_from_rejoin_through_switchover=[$sw_statuses] switchover_errors=$sw_errors acknowledged=$(count <"$WORK/acked") lost=$lost duplicate_numbers=$dup stored_twice_for_one_key=$dup_keys statuses=[$(load_stats)] non_503_errors=$unexpected load=$(load_avg)" >&3
