#!/usr/bin/env bash
# Mediation figures at scale: generate N disputes (default 1000000) over five years into an embedded
# PostgreSQL under $DIR (default /tmp/xinfang-mediation-bench-N) and time the county figures.
# Run as an ordinary user, one benchmark at a time: flock /tmp/bench.lock bash bench/mediation.sh
set -euo pipefail
N=${1:-1000000}
DIR=${DIR:-/tmp/xinfang-mediation-bench-$N}
QUERIES=${QUERIES:-300}
cd "$(dirname "$0")/.."
./mvnw -o -q -B -DskipTests test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p "$DIR"
echo "uptime before: $(uptime)"
java -Xmx1500m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.xinfang.mediation.MediationBenchmark "$N" "$DIR" "$QUERIES"
echo "uptime after: $(uptime)"
