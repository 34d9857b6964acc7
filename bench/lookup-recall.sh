#!/usr/bin/env bash
# Recall through the index: the 480 corpus petitions, then N background registrations by LoadDriver
# (default 30000) into an embedded PostgreSQL under $DIR (default /tmp/xinfang-lookup-recall-N); then
# every positive held-out repeat question looked up with each lookup budget (LookupRecall.java).
# Run as an ordinary user (PostgreSQL refuses root). A second run on the same $DIR only evaluates.
set -euo pipefail
N=${1:-30000}
DIR=${DIR:-/tmp/xinfang-lookup-recall-$N}
cd "$(dirname "$0")/.."
./mvnw -o -q -B -DskipTests test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p "$DIR" target/bench-classes
javac -d target/bench-classes bench/LoadDriver.java  # its texts are the background, and the everyday texts timed
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), uptime before: $(uptime)"
java -Xmx1500m -cp "target/test-classes:target/classes:target/bench-classes:$(cat target/bench-classpath.txt)" \
  com.xinfang.casefile.LookupRecall "$N" "$DIR"
echo "uptime after: $(uptime)"
