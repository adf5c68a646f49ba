#!/usr/bin/env bash
# JMH benchmarks of the per-record path (normalize + detect), without the JVM start. Compiled by every build; run
# only here. Arguments go to JMH, e.g. `bench/jmh.sh -f 1 -wi 2 -i 3 RecordPath`.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
