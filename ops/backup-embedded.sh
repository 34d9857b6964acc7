#!/usr/bin/env bash
# Online backup of a running XinFang in embedded mode, with Debian's PostgreSQL 15 client tools
# (apt-get install postgresql-client-15; the embedded server is PostgreSQL 15 for this reason).
#
#   ops/backup-embedded.sh [--data ./data] [--keys ./keys/keys.properties] [--port 15432] [--out DIR]
#
# Writes to DIR (default ./backups/xinfang-<UTC time>):
#   base.tar.gz, pg_wal.tar.gz, backup_manifest   pg_basebackup, the whole server, consistent as of
#                                                  the end of the backup (WAL streamed alongside);
#                                                  restore with ops/restore-embedded.sh
#   xinfang.dump                                   pg_dump -Fc of the database (to move to an external
#                                                  PostgreSQL >= 15 with pg_restore, or to pick tables)
#   attachments.tar.gz                             files under DATA/attachments written by versions
#                                                  before attachments were stored in the database
#                                                  (today's attachments are inside the database backup)
#   MANIFEST                                       what, when, versions, counts, the key check values
# The keys (KEYS file) are NOT in the backup: without them the encrypted personal data cannot be
# read, and the application refuses to start on the restored data. Keep a copy of the key file
# separately (password safe, second medium) and bring it to the restore. SKIP_DUMP=1 skips pg_dump.
set -euo pipefail
DATA=./data; KEYS=./keys/keys.properties; PORT=15432; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2;; --keys) KEYS="$2"; shift 2;; --port) PORT="$2"; shift 2;; --out) OUT="$2"; shift 2;;
    *) echo "usage: $0 [--data DIR] [--keys FILE] [--port N] [--out DIR]" >&2; exit 2;;
  esac
done
OUT="${OUT:-./backups/xinfang-$(date -u +%Y%m%dT%H%M%SZ)}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
[ -x "$PGBIN/pg_basebackup" ] || { echo "backup: $PGBIN/pg_basebackup missing: apt-get install postgresql-client-15" >&2; exit 2; }
[ -r "$KEYS" ] || { echo "backup: key file $KEYS not readable (its db-password is the database password)" >&2; exit 2; }
PGPASSWORD="$(sed -n 's/^db-password=//p' "$KEYS")"; export PGPASSWORD
[ -n "$PGPASSWORD" ] || { echo "backup: no db-password in $KEYS" >&2; exit 2; }
psql() { "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAq -v ON_ERROR_STOP=1 "$@"; }
server_major=$(psql -c "SELECT current_setting('server_version_num')::int / 10000")
client_major=$("$PGBIN/pg_basebackup" --version | sed -E 's/.* ([0-9]+)\..*/\1/')
if [ "$server_major" != "$client_major" ]; then
  echo "backup: server is PostgreSQL $server_major, client tools are $client_major: install postgresql-client-$server_major" >&2; exit 2
fi
[ ! -e "$OUT" ] || { echo "backup: $OUT exists" >&2; exit 2; }
mkdir -p "$OUT"; chmod 700 "$OUT"
t0=$(date +%s%3N)
started=$(date -u +%FT%TZ)
"$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$OUT" -Ft -z -X stream -c fast \
  --manifest-checksums=SHA256 -l "xinfang $started"
t1=$(date +%s%3N)
if [ "${SKIP_DUMP:-0}" != 1 ]; then
  "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Fc -f "$OUT/xinfang.dump"
fi
if [ -d "$DATA/attachments" ]; then tar -czf "$OUT/attachments.tar.gz" -C "$DATA" attachments; fi
t2=$(date +%s%3N)
gzip -t "$OUT/base.tar.gz" "$OUT/pg_wal.tar.gz"
{
  echo "backup of XinFang (embedded PostgreSQL) started $started, finished $(date -u +%FT%TZ)"
  echo "server: $(psql -c 'SELECT version()')"
  echo "client: $("$PGBIN/pg_basebackup" --version)"
  echo "schema (Flyway): $(psql -c 'SELECT max(version::int) FROM flyway_schema_history WHERE success' 2>/dev/null || echo '?')"
  echo "petitions at the end: $(psql -c 'SELECT count(*) FROM petition' 2>/dev/null || echo '?')"
  echo "attachments in the database at the end: $(psql -c 'SELECT count(*) FROM attachment_content' 2>/dev/null || echo '?')"
  echo "key check values (HMAC of a constant under each key, NOT the keys): $(psql -c "SELECT data_key || ' ' || index_key || ' ' || token_key FROM key_check" 2>/dev/null || echo '?')"
  echo "keys: NOT included. Restore needs the key file that belongs to this data ($KEYS at backup time)."
  echo "files:"; (cd "$OUT" && ls -l | sed 1d)
} >"$OUT/MANIFEST"
echo "backup: $OUT $(du -sm "$OUT" | cut -f1) MB, pg_basebackup $(( (t1 - t0) ))ms, dump+files $(( (t2 - t1) ))ms; keys not included (keep $KEYS separately)"
