#!/usr/bin/env bash
# Duplicate lookup and search at scale: generate N petitions (default 100000) into an embedded
# PostgreSQL under $DIR (default /tmp/xinfang-casefile-bench-N) and time similar and search.
# Run as an ordinary user (PostgreSQL refuses root). Re-running with a larger N adds to the same
# directory only what is missing. Delete the directory afterwards: rm -rf "$DIR".
set -euo pipefail
N=${1:-100000}
DIR=${DIR:-/tmp/xinfang-casefile-bench-$N}
QUERIES=${QUERIES:-300}
cd "$(dirname "$0")/.."
./mvnw -o -q -B -DskipTests test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p "$DIR"
echo "uptime before: $(uptime)"
java -Xmx1500m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.xinfang.casefile.CaseFileBenchmark "$N" "$DIR" "$QUERIES"
echo "uptime after: $(uptime)"
