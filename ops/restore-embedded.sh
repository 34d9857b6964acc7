#!/usr/bin/env bash
# Restores a backup written by ops/backup-embedded.sh into a NEW embedded data directory.
#
#   ops/restore-embedded.sh BACKUP_DIR TARGET_DATA_DIR KEY_FILE
#
# KEY_FILE is the key file that belongs to the backed-up data (kept separately, see the backup).
# It is copied beside the target (TARGET_DATA_DIR/../keys/keys.properties unless KEYS_TO is set).
# Then start the application on it:
#   java -jar xinfang.jar --xinfang.db.embedded-server.directory=TARGET_DATA_DIR \
#        --xinfang.crypto.key-file=<the copied key file>
# The application refuses to start when the key file does not belong to the data (key check), so
# a wrong or missing key file cannot silently fork the deployment.
set -euo pipefail
[ $# = 3 ] || { echo "usage: $0 BACKUP_DIR TARGET_DATA_DIR KEY_FILE" >&2; exit 2; }
B="$1"; T="$2"; K="$3"
for f in base.tar.gz pg_wal.tar.gz MANIFEST; do [ -r "$B/$f" ] || { echo "restore: $B/$f missing" >&2; exit 2; }; done
[ -r "$K" ] || { echo "restore: key file $K not readable" >&2; exit 2; }
for k in data-key index-key token-key db-password; do
  grep -q "^$k=" "$K" || { echo "restore: $K has no $k" >&2; exit 2; }
done
if [ -e "$T/pg" ] && [ -n "$(ls -A "$T/pg" 2>/dev/null)" ]; then
  echo "restore: $T/pg is not empty; restore into a new directory (stop the application, move the old one away)" >&2; exit 2
fi
mkdir -p "$T/pg"; chmod 700 "$T/pg"
tar -xzf "$B/base.tar.gz" -C "$T/pg"
mkdir -p "$T/pg/pg_wal"; tar -xzf "$B/pg_wal.tar.gz" -C "$T/pg/pg_wal"
rm -f "$T/pg/postmaster.pid" "$T/pg/postmaster.opts"
if [ -r "$B/attachments.tar.gz" ]; then tar -xzf "$B/attachments.tar.gz" -C "$T"; fi
KEYS_TO="${KEYS_TO:-$(cd "$T/.." && pwd)/keys/keys.properties}"
if [ "$(readlink -f "$K")" != "$(readlink -f "$KEYS_TO" 2>/dev/null || echo none)" ]; then
  [ ! -e "$KEYS_TO" ] || { echo "restore: $KEYS_TO exists; not overwriting a key file" >&2; exit 2; }
  mkdir -p "$(dirname "$KEYS_TO")"; install -m 600 "$K" "$KEYS_TO"
fi
echo "restore: $T ready (PostgreSQL $(cat "$T/pg/PG_VERSION"), $(du -sm "$T" | cut -f1) MB), keys at $KEYS_TO;" \
  "start: java -jar xinfang.jar --xinfang.db.embedded-server.directory=$T --xinfang.crypto.key-file=$KEYS_TO"
