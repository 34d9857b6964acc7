#!/usr/bin/env bash
# 无上访村(社区) figures at city scale: generate a city of N villages and communities (default 2600; grids,
# workers, a year of patrols, 200,000 disputes and 200,000 petitions) into an embedded PostgreSQL under
# $DIR (default /tmp/xinfang-villages-bench-N) and time VillageRatings.summary for the city and a county,
# and the 示范县 overview of every county.
# ROUNDS (default 5); JAVA_OPTS=-Dbench.cityOnly=true times the city summary alone. Delete $DIR if a generation
# was interrupted (a complete one is kept and re-used).
# Run as an ordinary user, one benchmark at a time: flock /tmp/bench.lock bash bench/villages.sh
set -euo pipefail
N=${1:-2600}
DIR=${DIR:-/tmp/xinfang-villages-bench-$N}
ROUNDS=${ROUNDS:-5}
cd "$(dirname "$0")/.."
./mvnw -o -q -B -DskipTests test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p "$DIR"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')  date: $(date -u +%FT%TZ)"
echo "uptime before: $(uptime)"
java -Xmx1500m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.xinfang.prevention.VillageRatingsBenchmark "$N" "$DIR" "$ROUNDS"
echo "uptime after: $(uptime)"
